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

    /// <summary>Kills run this many at a time, each on a working database of its own: most of a kill's time is the CLI starting up.</summary>
    private const int AtOnce = 2;

    private readonly List<DatabaseOptions> _works = [];
    private readonly SemaphoreSlim _copying = new(1, 1);
    private TestDatabase _base = null!;

    public async Task InitializeAsync()
    {
        var folder = await Generated.Value;
        _base = await TestDatabase.CreateAsync(provider);
        await using (var db = _base.CreateContext())
        await using (var establishments = File.OpenRead(Path.Combine(folder, "establishments.csv")))
            (await new ImportGias(db).RunAsync(new GiasImportRequest(establishments, "establishments.csv", GiasImportScope.Only(998)))).Value!.Applied.ShouldBeTrue();
        for (var i = 0; i < AtOnce; i++)
            _works.Add(provider == DatabaseProvider.Sqlite
                ? new DatabaseOptions(provider, $"Data Source={Path.Combine(Path.GetTempPath(), $"schoolsight-kill-{Guid.NewGuid():N}.db")};Pooling=False")
                : new DatabaseOptions(provider, new NpgsqlConnectionStringBuilder(TestDatabase.PostgresServer()) { Database = $"schoolsight_kill_{Guid.NewGuid():N}" }.ConnectionString));
    }

    public async Task DisposeAsync()
    {
        foreach (var work in _works) await DropWorkAsync(work);
        await _base.DisposeAsync();
        _copying.Dispose();
    }

    [Fact]
    public async Task KillingThePupilImport_AnyWhere_LeavesTheDatabaseAsBeforeOrAsAfter_AndTheNextRunBringsTheFiguresUpToDate()
    {
        var clock = Stopwatch.StartNew();
        var file = Path.Combine(await Generated.Value, PupilFile);

        // A clean import, watched: when it recorded its attempt, its file's hash (its transaction starts), its commit, its end.
        var clean = _works[0];
        await ResetWorkAsync(clean);
        var before = await StateAsync(clean);
        var (phases, cleanRun) = await WatchCleanImportAsync(clean, file);
        var after = await StateAsync(clean);
        after.Applied.ShouldBe(1, cleanRun);
        after.Pending.ShouldBe(0);
        after.Blocks.ShouldNotBe(before.Blocks);
        output.WriteLine($"{provider}: clean import of {Schools} schools: attempt recorded at {phases.Attempt:N0} ms, transaction from {phases.Hash:N0} ms, " +
                         $"committed at {phases.Commit:N0} ms, process ended at {phases.End:N0} ms");

        // The kill moments: a third at a random time from the start of the process to the start of the transaction; a
        // third at a random time within the transaction, counted from when the attempt's hash is saved (the transaction
        // begins next); a third at a random time within the recompute, counted from the commit.
        // Every kill starts from the database as it was before the clean import (a run that finishes before its kill
        // moment must find the file new, not already imported). The kills run two at a time, each on its own database.
        var random = new Random(KillPlan);
        var plan = Enumerable.Range(0, Kills).Select(kill =>
        {
            var (anchor, span) = (kill % 3) switch
            {
                0 => (Anchor.ProcessStart, phases.Hash),
                1 => (Anchor.TransactionStart, phases.Commit - phases.Hash),
                _ => (Anchor.Commit, phases.End - phases.Commit),
            };
            return (Anchor: anchor, Delay: TimeSpan.FromMilliseconds(random.NextDouble() * span));
        }).ToList();
        var landed = new Dictionary<string, int>();
        var nextRunByCli = 1;
        var next = -1;
        await Task.WhenAll(_works.Select(async work =>
        {
            await ResetWorkAsync(work);
            var lastAttempt = await LastAttemptIdAsync(work);
            for (var kill = Interlocked.Increment(ref next); kill < Kills; kill = Interlocked.Increment(ref next))
            {
                var (anchor, delay) = plan[kill];
                var (ended, log) = await RunAndKillAsync(work, file, anchor, delay, lastAttempt);

                var state = await StateAsync(work);
                var attempt = await AttemptAfterAsync(work, lastAttempt);
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
                lock (landed) landed[where] = landed.GetValueOrDefault(where) + 1;
                var context = $"kill {kill + 1}, {delay.TotalMilliseconds:N0} ms after {anchor}, {where}:\n{log}";

                if (state.Blocks == before.Blocks)
                {
                    // Exactly as before: nothing of the import, no recompute waiting, the attempt (if any) without an outcome.
                    (state.Applied, state.BlockAudit, state.Pending, state.Figures, state.Similar)
                        .ShouldBe((0, 0, 0, before.Figures, before.Similar), context);
                    attempt?.Outcome.ShouldBe(ImportOutcome.DidNotFinish, context);
                    continue;
                }
                // Exactly as after: every block, its audit and the import's outcome; then the next run finishes the recompute
                // (the first time, the next CLI command).
                state.Blocks.ShouldBe(after.Blocks, context);
                (state.Applied, state.BlockAudit).ShouldBe((1, after.BlockAudit), context);
                if (state.Pending > 0 && Interlocked.Exchange(ref nextRunByCli, 0) == 1)
                {
                    var (exit, listing) = await RunCliAsync(work, "imports", "list");
                    exit.ShouldBe(0, listing);
                    listing.ShouldContain("recompute did not finish", Case.Insensitive, listing);
                }
                else
                {
                    await using var db = Context(work);
                    await new RecomputePending(db, new ComputeIndicators(db, IndicatorCatalogueSource.Default)).RunAsync();
                }
                var restarted = await StateAsync(work);
                (restarted.Pending, restarted.Figures, restarted.Similar).ShouldBe((0, after.Figures, after.Similar), context);
                await ResetWorkAsync(work);
                lastAttempt = await LastAttemptIdAsync(work);
            }
        }));

        var summary = string.Join("; ", landed.OrderBy(kv => kv.Key).Select(kv => $"{kv.Value} {kv.Key}"));
        output.WriteLine($"{provider}: {Kills} kills in {clock.Elapsed.TotalSeconds:N1} s: {summary}");
        landed.Where(kv => kv.Key.StartsWith("after", StringComparison.Ordinal)).Sum(kv => kv.Value).ShouldBeGreaterThan(0, summary);
        landed.Where(kv => !kv.Key.StartsWith("after", StringComparison.Ordinal) && !kv.Key.StartsWith("not", StringComparison.Ordinal)).Sum(kv => kv.Value)
            .ShouldBeGreaterThan(0, summary);
    }

    /// <summary>What the import writes, and the figures computed from it, as comparable fingerprints.</summary>
    private sealed record State(string Blocks, string Figures, string Similar, int Applied, int BlockAudit, int Pending);

    private sealed record Phases(double Attempt, double Hash, double Commit, double End);

    private static async Task<State> StateAsync(DatabaseOptions work)
    {
        await using var db = Context(work);
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

    private static async Task<long> LastAttemptIdAsync(DatabaseOptions work)
    {
        await using var db = Context(work);
        return await db.Imports.MaxAsync(i => (long?)i.Id) ?? 0;
    }

    private static async Task<ImportRecord?> AttemptAfterAsync(DatabaseOptions work, long id)
    {
        await using var db = Context(work);
        return await AttemptAfterAsync(db, id);
    }

    private static Task<ImportRecord?> AttemptAfterAsync(AppDbContext db, long id) =>
        db.Imports.AsNoTracking().Where(i => i.Id > id && i.Kind == ImportKind.Pupils).OrderByDescending(i => i.Id).FirstOrDefaultAsync();

    /// <summary>
    /// A context whose connection stays open while it looks at the database every few milliseconds: a context and a
    /// connection made for every look took CPU from the import being watched.
    /// </summary>
    private static async Task<AppDbContext> WatchingContextAsync(DatabaseOptions work)
    {
        var db = Context(work);
        await db.Database.OpenConnectionAsync();
        return db;
    }

    /// <summary>Runs the import to its end, noting (by looking at the database every few milliseconds) when each step was reached.</summary>
    private async Task<(Phases, string)> WatchCleanImportAsync(DatabaseOptions work, string file)
    {
        var started = Stopwatch.StartNew();
        using var process = Start(work, out var log, "import", "pupils", file);
        double? attempt = null, hash = null, commit = null;
        await using (var db = await WatchingContextAsync(work))
            while (!process.HasExited)
            {
                var record = await AttemptAfterAsync(db, 0);
                var at = started.Elapsed.TotalMilliseconds;
                if (record is not null) attempt ??= at;
                if (record is { Sha256.Length: > 0 }) hash ??= at;
                if (record is { Outcome: ImportOutcome.Applied }) commit ??= at;
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

    private async Task<(bool Ended, string Log)> RunAndKillAsync(DatabaseOptions work, string file, Anchor anchor, TimeSpan delay, long lastAttempt)
    {
        using var process = Start(work, out var log, "import", "pupils", file);
        if (anchor != Anchor.ProcessStart)
        {
            await using var db = await WatchingContextAsync(work);
            while (!process.HasExited)
            {
                var attempt = await AttemptAfterAsync(db, lastAttempt);
                if (anchor == Anchor.TransactionStart ? attempt is { Sha256.Length: > 0 } : attempt is { Outcome: ImportOutcome.Applied }) break;
                await Task.Delay(5);
            }
        }
        await Task.WhenAny(process.WaitForExitAsync(), Task.Delay(delay));
        var ended = process.HasExited;
        if (!ended) process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        await UntilDisconnectedAsync(work);
        return (ended, log.ToString());
    }

    /// <summary>
    /// PostgreSQL: until the server has ended the killed process's sessions (rolling back or, if the COMMIT was already
    /// sent, committing its transaction), so that what is checked is what the server settled on.
    /// </summary>
    private async Task UntilDisconnectedAsync(DatabaseOptions work)
    {
        if (provider != DatabaseProvider.Postgres) return;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(TestDatabase.PostgresServer());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE datname = @name", connection);
        command.Parameters.AddWithValue("name", new NpgsqlConnectionStringBuilder(work.ConnectionString).Database!);
        for (var wait = Stopwatch.StartNew(); wait.Elapsed < TimeSpan.FromSeconds(30); await Task.Delay(20))
            if ((long)(await command.ExecuteScalarAsync())! == 0) return;
        throw new TimeoutException("The killed import's database sessions did not end.");
    }

    private async Task<(int ExitCode, string Output)> RunCliAsync(DatabaseOptions work, params string[] arguments)
    {
        using var process = Start(work, out var log, arguments);
        await process.WaitForExitAsync();
        return (process.ExitCode, log.ToString());
    }

    private Process Start(DatabaseOptions work, out StringBuilder log, params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(CliPath());
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        foreach (var argument in new[] { "--provider", provider.ToString(), "--database", work.ConnectionString, "--user", "battery@demo-borough.example" })
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

    private static AppDbContext Context(DatabaseOptions work)
    {
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        work.Apply(builder);
        return AppDbContext.Create(builder.Options, new FixedCurrentUser("battery@demo-borough.example"));
    }

    /// <summary>The working database, as the base one: migrated, with the synthetic LA's schools and nothing else.</summary>
    private async Task ResetWorkAsync(DatabaseOptions work)
    {
        await DropWorkAsync(work);
        if (provider == DatabaseProvider.Sqlite)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Copy(SqliteFile(_base.Options), SqliteFile(work));
            return;
        }
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(TestDatabase.PostgresServer());
        await connection.OpenAsync();
        var name = new NpgsqlConnectionStringBuilder(work.ConnectionString).Database;
        var template = new NpgsqlConnectionStringBuilder(_base.Options.ConnectionString).Database;
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"", connection);
        // One copy of the template at a time: PostgreSQL refuses a second while the first is being made.
        await _copying.WaitAsync();
        try { await command.ExecuteNonQueryAsync(); }
        finally { _copying.Release(); }
    }

    private async Task DropWorkAsync(DatabaseOptions work)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-journal", "-wal", "-shm" })
                if (File.Exists(SqliteFile(work) + suffix)) File.Delete(SqliteFile(work) + suffix);
            return;
        }
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(TestDatabase.PostgresServer());
        await connection.OpenAsync();
        var name = new NpgsqlConnectionStringBuilder(work.ConnectionString).Database;
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
