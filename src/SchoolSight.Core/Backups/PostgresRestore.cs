using Npgsql;

namespace SchoolSight.Core.Backups;

/// <summary>Restoring a PostgreSQL database from a <c>pg_dump --format=custom</c> archive with <c>pg_restore</c>.</summary>
internal static class PostgresRestore
{
    private const string HistoryTable = "__EFMigrationsHistory";

    public static async Task<OperationResult<RestoreResult>> RunAsync(string connectionString, string backup, RestoreRequest request,
        IReadOnlyCollection<string> known, CancellationToken ct)
    {
        var tools = PostgresTools.Find(connectionString, request.PostgresBin, out var error);
        if (tools is null) return RestoreDatabase.Fail(error);

        var (listed, contents, listError) = await tools.RunAsync("pg_restore", ["--list", backup], ct);
        if (listed != 0) return RestoreDatabase.Fail($"{backup} is not a pg_dump archive (pg_restore --list: {listError.Trim()}).");
        if (!contents.Contains($" TABLE public {HistoryTable} ", StringComparison.Ordinal) || !contents.Contains(" TABLE public Schools ", StringComparison.Ordinal))
            return RestoreDatabase.Fail($"{backup} is not a backup of a SchoolSight database: it has no migration history or no schools table.");
        var (read, script, readError) = await tools.RunAsync("pg_restore", ["--data-only", $"--table={HistoryTable}", "--file=-", backup], ct);
        if (read != 0) return RestoreDatabase.Fail($"The migration history could not be read from {backup} ({readError.Trim()}).");
        var migrations = MigrationIds(script);
        if (RestoreDatabase.CheckMigrations(migrations, known, out var older) is { } problem) return RestoreDatabase.Fail(problem);

        var plain = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;
        NpgsqlConnection.ClearPool(new NpgsqlConnection(connectionString));
        int others;
        List<string> applied;
        await using (var connection = new NpgsqlConnection(plain))
        {
            await connection.OpenAsync(ct);
            others = Convert.ToInt32(await Scalar(connection, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()", ct));
            applied = await Scalar(connection, $"SELECT to_regclass('public.\"{HistoryTable}\"') IS NOT NULL", ct) is true
                ? await Column(connection, $"SELECT \"MigrationId\" FROM \"{HistoryTable}\"", ct)
                : [];
        }
        var newer = applied.Except(migrations).ToList();
        if (newer.Count > 0)
            return RestoreDatabase.Fail($"The database has a newer schema than the backup (migrations {string.Join(", ", newer)}): restore the backup into an empty database, or with the version of SchoolSight that made it.");
        if (others > 0 && !request.Force)
            return RestoreDatabase.Fail($"The database {tools.Database} is in use ({others} other connection(s); is the web app running?). Stop it and restore again, or restore anyway with --force.");

        var (exit, _, restoreError) = await tools.RunAsync("pg_restore",
            ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", $"--dbname={tools.Database}", backup], ct);
        if (exit != 0)
            return OperationResult<RestoreResult>.Fail(new Domain.DomainError("restore.failed",
                $"pg_restore failed (exit code {exit}); it ran in one transaction, so the database is as it was: {restoreError.Trim()}"));
        return OperationResult<RestoreResult>.Ok(new RestoreResult($"{tools.Database}", migrations.Count, older, others > 0, "pg_restore --clean --if-exists"));
    }

    /// <summary>The migration ids in the COPY block of a <c>pg_restore --data-only</c> script.</summary>
    private static List<string> MigrationIds(string script)
    {
        var ids = new List<string>();
        var inCopy = false;
        foreach (var line in script.Split('\n'))
        {
            if (!inCopy)
            {
                inCopy = line.StartsWith("COPY ", StringComparison.Ordinal) && line.Contains(HistoryTable, StringComparison.Ordinal);
                continue;
            }
            if (line == "\\.") break;
            ids.Add(line.Split('\t')[0]);
        }
        return ids;
    }

    private static async Task<object?> Scalar(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(ct);
    }

    private static async Task<List<string>> Column(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var values = new List<string>();
        while (await reader.ReadAsync(ct)) values.Add(reader.GetString(0));
        return values;
    }
}
