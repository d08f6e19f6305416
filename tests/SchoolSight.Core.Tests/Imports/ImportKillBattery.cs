using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SchoolSight.Core.Access;
using SchoolSight.Core.Data;
using SchoolSight.Core.Imports.Gias;
using SchoolSight.Core.Indicators;
using SchoolSight.Domain.Imports;
using SchoolSight.Domain.Indicators;
using SchoolSight.TestSupport;
using Xunit.Abstractions;

namespace SchoolSight.Core.Tests.Imports;

/// <summary>
/// Kills the real <c>schoolsight import pupils</c> process at 20 random moments (the same moments every run) of a large
/// synthetic file, on both databases, and checks after each kill that the database holds exactly what it held before the
/// import or exactly what a clean import leaves, that an attempt which never ended is on record as one that did not
/// finish, and that once the next run (the next CLI command, or the web app's start-up recompute) has been through,
/// the computed figures are those of a clean import.
/// </summary>
[Trait("Category", "Battery")]
public abstract class ImportKillBattery(DatabaseProvider provider, ITestOutputHelper output) : IAsyncLifetime
{
    private const int Kills = 20;
    private const int Schools = 150;
    private const int KillPlan = 20261206;
    private const string PupilFile = "pupils_2024-25.csv";
    private static readonly Lazy<Task<string>> Generated = new(GenerateAsync);

    private TestDatabase _base = null!;
    private DatabaseOptions _work = null!;

    public async Task InitializeAsync()
    {
        var folder = await Generated.Value;
        _base = await TestDatabase.CreateAsync(provider);
        await using (var db = _base.CreateContext())
        await using (var establishments = File.OpenRead(Path.Combine(folder, "establishments.csv")))
            (await new ImportGias(db).RunAsync(new GiasImportRequest(establishments, "establishments.csv", GiasImportScope.Only(998)))).Value!.Applied.ShouldBeTrue();
        _work = provider == DatabaseProvider.Sqlite
            ? new DatabaseOptions(provider, $"Data Source={Path.Combine(Path.GetTempPath(), $"schoolsight-kill-{Guid.NewGuid():N}.db")};Pooling=False")
            : new DatabaseOptions(provider, new NpgsqlConnectionStringBuilder(TestDatabase.PostgresServer()) { Database = $"schoolsight_kill_{Guid.NewGuid():N}" }.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await DropWorkAsync();
        await _base.DisposeAsync();
    }

    [Fact]
    public async Task KillingThePupilImport_AnyWhere_LeavesTheDatabaseAsBeforeOrAsAfter_AndTheNextRunBringsTheFiguresUpToDate()
    {
        var clock = Stopwatch.StartNew();
        var file = Path.Combine(await Generated.Value, PupilFile);

        // A clean import, watched: when it recorded its attempt, its file's hash (its transaction starts), its commit, its end.
        await ResetWorkAsync();
        var before = await StateAsync();
        var (phases, cleanRun) = await WatchCleanImportAsync(file);
        var after = await StateAsync();
        after.Applied.ShouldBe(1, cleanRun);
        after.Pending.ShouldBe(0);
        after.Blocks.ShouldNotBe(before.Blocks);
        output.WriteLine($"{provider}: clean import of {Schools} schools: attempt recorded at {phases.Attempt:N0} ms, transaction from {phases.Hash:N0} ms, " +
                         $"committed at {phases.Commit:N0} ms, process ended at {phases.End:N0} ms");

        // The kill moments: a third at a random time from the start of the process to the start of the transaction; a
        // third at a random time within the transaction, counted from when the attempt's hash is saved (the transaction
        // begins next); a third at a random time within the recompute, counted from the commit.
        // Every kill starts from the database as it was before the clean import (a run that finishes before its kill
        // moment must find the file new, not already imported).
        await ResetWorkAsync();
        var random = new Random(KillPlan);
        var landed = new Dictionary<string, int>();
        var lastAttempt = await LastAttemptIdAsync();
        var nextRunByCli = true;
        for (var kill = 0; kill < Kills; kill++)
        {
            var (anchor, span) = (kill % 3) switch
            {
                0 => (Anchor.ProcessStart, phases.Hash),
                1 => (Anchor.TransactionStart, phases.Commit - phases.Hash),
                _ => (Anchor.Commit, phases.End - phases.Commit),
            };
            var delay = TimeSpan.FromMilliseconds(random.NextDouble() * span);
            var (ended, log) = await RunAndKillAsync(file, anchor, delay, lastAttempt);

            var state = await StateAsync();
            var attempt = await AttemptAfterAsync(lastAttempt);
            lastAttempt = attempt?.Id ?? lastAttempt;
            var where = attempt switch
            {
                null => "before the import started",
                { Outcome: ImportOutcome.DidNotFinish, Sha256: "" } => "while the file was read",
                { Outcome: ImportOutcome.DidNotFinish } => "inside the transaction",
                { Outcome: ImportOutcome.Applied } when state.Pending > 0 => "after the commit, before the recompute was saved",
                { Outcome: ImportOutcome.Applied } => ended ? "not killed: the import had finished" : "after the recompute was saved",
                _ => $"with the outcome {attempt.Outcome}",
            };
            landed[where] = landed.GetValueOrDefault(where) + 1;
            var context = $"kill {kill + 1}, {delay.TotalMilliseconds:N0} ms after {anchor}, {where}:\n{log}";

            if (state.Blocks == before.Blocks)
            {
                // Exactly as before: nothing of the import, no recompute waiting, the attempt (if any) without an outcome.
                (state.Applied, state.BlockAudit, state.Pending, state.Figures, state.Similar)
                    .ShouldBe((0, 0, 0, before.Figures, before.Similar), context);
                attempt?.Outcome.ShouldBe(ImportOutcome.DidNotFinish, context);
                continue;
            }
            // Exactly as after: every block, its audit and the import's outcome; then the next run finishes the recompute.
            state.Blocks.ShouldBe(after.Blocks, context);
            (state.Applied, state.BlockAudit).ShouldBe((1, after.BlockAudit), context);
            if (nextRunByCli && state.Pending > 0)
            {
                nextRunByCli = false;
                var (exit, listing) = await RunCliAsync("imports", "list");
                exit.ShouldBe(0, listing);
                listing.ShouldContain("recompute did not finish", Case.Insensitive, listing);
            }
            else
            {
                await using var db = Context();
                await new RecomputePending(db, new ComputeIndicators(db, IndicatorCatalogueSource.Default)).RunAsync();
            }
            var restarted = await StateAsync();
            (restarted.Pending, restarted.Figures, restarted.Similar).ShouldBe((0, after.Figures, after.Similar), context);
            await ResetWorkAsync();
            lastAttempt = await LastAttemptIdAsync();
        }

        var summary = string.Join("; ", landed.OrderBy(kv => kv.Key).Select(kv => $"{kv.Value} {kv.Key}"));
        output.WriteLine($"{provider}: {Kills} kills in {clock.Elapsed.TotalSeconds:N1} s: {summary}");
        landed.Where(kv => kv.Key.StartsWith("after", StringComparison.Ordinal)).Sum(kv => kv.Value).ShouldBeGreaterThan(0, summary);
        landed.Where(kv => !kv.Key.StartsWith("after", StringComparison.Ordinal) && !kv.Key.StartsWith("not", StringComparison.Ordinal)).Sum(kv => kv.Value)
            .ShouldBeGreaterThan(0, summary);
    }

    /// <summary>What the import writes, and the figures computed from it, as comparable fingerprints.</summary>
    private sealed record State(string Blocks, string Figures, string Similar, int Applied, int BlockAudit, int Pending);

    private sealed record Phases(double Attempt, double Hash, double Commit, double End);

    private async Task<State> StateAsync()
    {
        await using var db = Context();
        var blocks = await db.PupilDataBlocks.AsNoTracking().OrderBy(b => b.Urn).ThenBy(b => b.AcademicYear)
            .Select(b => b.Urn + "/" + b.AcademicYear + "/" + b.Sha256 + "/" + b.PupilCount).ToListAsync();
        var figures = await db.IndicatorResults.AsNoTracking().OrderBy(r => r.AreaKind).ThenBy(r => r.AreaCode).ThenBy(r => r.AcademicYear)
            .Select(r => new { r.AreaKind, r.AreaCode, r.AcademicYear, r.InputHash, r.Data }).ToListAsync();
        var similar = await db.SimilarSchoolSets.AsNoTracking().OrderBy(s => s.Urn).ThenBy(s => s.AcademicYear)
            .Select(s => s.Urn + "/" + s.AcademicYear + "/" + s.Members).ToListAsync();
        return new State(
            Fingerprint(blocks),
            Fingerprint(figures.Select(f => $"{f.AreaKind}/{f.AreaCode}/{f.AcademicYear}/{f.InputHash}/{Convert.ToBase64String(f.Data)}")),
            Fingerprint(similar),
            await db.Imports.CountAsync(i => i.Kind == ImportKind.Pupils && i.Outcome == ImportOutcome.Applied),
            await db.AuditEntries.CountAsync(a => a.EntityType == nameof(PupilDataBlock)),
            await db.PendingRecomputes.CountAsync());
    }

    private static string Fingerprint(IEnumerable<string> lines) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", lines)))) + $" ({lines.Count()} rows)";

    private async Task<long> LastAttemptIdAsync()
    {
        await using var db = Context();
        return await db.Imports.MaxAsync(i => (long?)i.Id) ?? 0;
    }

    private async Task<ImportRecord?> AttemptAfterAsync(long id)
    {
        await using var db = Context();
        return await db.Imports.AsNoTracking().Where(i => i.Id > id && i.Kind == ImportKind.Pupils).OrderByDescending(i => i.Id).FirstOrDefaultAsync();
    }

    /// <summary>Runs the import to its end, noting (by looking at the database every few milliseconds) when each step was reached.</summary>
    private async Task<(Phases, string)> WatchCleanImportAsync(string file)
    {
        var started = Stopwatch.StartNew();
        using var process = Start(out var log, "import", "pupils", file);
        double? attempt = null, hash = null, commit = null;
        while (!process.HasExited)
        {
            await using (var db = Context())
            {
                var record = await db.Imports.AsNoTracking().Where(i => i.Kind == ImportKind.Pupils).OrderByDescending(i => i.Id).FirstOrDefaultAsync();
                var at = started.Elapsed.TotalMilliseconds;
                if (record is not null) attempt ??= at;
                if (record is { Sha256.Length: > 0 }) hash ??= at;
                if (record is { Outcome: ImportOutcome.Applied }) commit ??= at;
            }
            await Task.Delay(10);
        }
        await process.WaitForExitAsync();
        var end = started.Elapsed.TotalMilliseconds;
        process.ExitCode.ShouldBe(0, log.ToString());
        commit ??= end;
        hash ??= commit;
        return (new Phases(attempt ?? hash.Value, hash.Value, commit.Value, end), log.ToString());
    }

    private enum Anchor { ProcessStart, TransactionStart, Commit }

    private async Task<(bool Ended, string Log)> RunAndKillAsync(string file, Anchor anchor, TimeSpan delay, long lastAttempt)
    {
        using var process = Start(out var log, "import", "pupils", file);
        while (anchor != Anchor.ProcessStart && !process.HasExited)
        {
            var attempt = await AttemptAfterAsync(lastAttempt);
            if (anchor == Anchor.TransactionStart ? attempt is { Sha256.Length: > 0 } : attempt is { Outcome: ImportOutcome.Applied }) break;
            await Task.Delay(5);
        }
        await Task.WhenAny(process.WaitForExitAsync(), Task.Delay(delay));
        var ended = process.HasExited;
        if (!ended) process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        await UntilDisconnectedAsync();
        return (ended, log.ToString());
    }

    /// <summary>
    /// PostgreSQL: until the server has ended the killed process's sessions (rolling back or, if the COMMIT was already
    /// sent, committing its transaction), so that what is checked is what the server settled on.
    /// </summary>
    private async Task UntilDisconnectedAsync()
    {
        if (provider != DatabaseProvider.Postgres) return;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(TestDatabase.PostgresServer());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE datname = @name", connection);
        command.Parameters.AddWithValue("name", new NpgsqlConnectionStringBuilder(_work.ConnectionString).Database!);
        for (var wait = Stopwatch.StartNew(); wait.Elapsed < TimeSpan.FromSeconds(30); await Task.Delay(20))
            if ((long)(await command.ExecuteScalarAsync())! == 0) return;
        throw new TimeoutException("The killed import's database sessions did not end.");
    }

    private async Task<(int ExitCode, string Output)> RunCliAsync(params string[] arguments)
    {
        using var process = Start(out var log, arguments);
        await process.WaitForExitAsync();
        return (process.ExitCode, log.ToString());
    }

    private Process Start(out StringBuilder log, params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(CliPath());
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        foreach (var argument in new[] { "--provider", provider.ToString(), "--database", _work.ConnectionString, "--user", "battery@demo-borough.example" })
            info.ArgumentList.Add(argument);
        info.Environment["NO_COLOR"] = "1";
        var text = log = new StringBuilder();
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, e) => { lock (text) text.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (text) text.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private AppDbContext Context()
    {
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        _work.Apply(builder);
        return new AppDbContext(builder.Options, new FixedCurrentUser("battery@demo-borough.example"));
    }

    /// <summary>The working database, as the base one: migrated, with the synthetic LA's schools and nothing else.</summary>
    private async Task ResetWorkAsync()
    {
        await DropWorkAsync();
        if (provider == DatabaseProvider.Sqlite)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Copy(SqliteFile(_base.Options), SqliteFile(_work));
            return;
        }
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(TestDatabase.PostgresServer());
        await connection.OpenAsync();
        var name = new NpgsqlConnectionStringBuilder(_work.ConnectionString).Database;
        var template = new NpgsqlConnectionStringBuilder(_base.Options.ConnectionString).Database;
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"", connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task DropWorkAsync()
    {
        if (_work is null) return;
        if (provider == DatabaseProvider.Sqlite)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-journal", "-wal", "-shm" })
                if (File.Exists(SqliteFile(_work) + suffix)) File.Delete(SqliteFile(_work) + suffix);
            return;
        }
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(TestDatabase.PostgresServer());
        await connection.OpenAsync();
        var name = new NpgsqlConnectionStringBuilder(_work.ConnectionString).Database;
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string SqliteFile(DatabaseOptions options) => new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(options.ConnectionString).DataSource;

    /// <summary>The synthetic LA's files, made once per test run by <c>schoolsight demo generate</c>.</summary>
    private static async Task<string> GenerateAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"schoolsight-kill-{Guid.NewGuid():N}");
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { CliPath(), "demo", "generate", "--schools", Schools.ToString(), "--years", "1", "--out", folder })
            info.ArgumentList.Add(argument);
        using var process = Process.Start(info)!;
        var text = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.ShouldBe(0, text);
        File.Exists(Path.Combine(folder, PupilFile)).ShouldBeTrue(text);
        return folder;
    }

    /// <summary>The built CLI, from the same configuration as these tests (the solution build builds it).</summary>
    private static string CliPath()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var (framework, configuration) = (output.Name, output.Parent!.Name);
        var root = output;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "SchoolSight.slnx"))) root = root.Parent;
        var path = Path.Combine(root.ShouldNotBeNull("the repository root").FullName, "src", "SchoolSight.Cli", "bin", configuration, framework, "schoolsight.dll");
        File.Exists(path).ShouldBeTrue($"Build the solution first: {path} is missing.");
        return path;
    }
}

public sealed class ImportKillBattery_Sqlite(ITestOutputHelper output) : ImportKillBattery(DatabaseProvider.Sqlite, output);
public sealed class ImportKillBattery_Postgres(ITestOutputHelper output) : ImportKillBattery(DatabaseProvider.Postgres, output);
