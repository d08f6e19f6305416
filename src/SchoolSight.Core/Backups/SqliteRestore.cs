using Microsoft.Data.Sqlite;

namespace SchoolSight.Core.Backups;

/// <summary>Restoring a SQLite database: copy and check the backup beside the database, then one atomic rename.</summary>
internal static class SqliteRestore
{
    public static OperationResult<RestoreResult> Run(string connectionString, string backup, bool force, IReadOnlyCollection<string> known)
    {
        var target = SqliteFiles.DatabaseFile(connectionString);
        var folder = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(folder);
        var staged = Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.restoring");
        try
        {
            // Copy through SQLite itself, so a backup that is not a SQLite database is refused here, not after.
            try
            {
                using var source = new SqliteConnection(SqliteFiles.Private(backup, SqliteOpenMode.ReadOnly));
                source.Open();
                using var copy = new SqliteConnection(SqliteFiles.Private(staged));
                copy.Open();
                source.BackupDatabase(copy);
            }
            catch (SqliteException e)
            {
                return RestoreDatabase.Fail($"{backup} is not a SQLite database SchoolSight can read ({e.Message}).");
            }

            List<string> migrations;
            using (var copy = new SqliteConnection(SqliteFiles.Private(staged)))
            {
                copy.Open();
                if (Scalar(copy, "PRAGMA quick_check;") is not "ok") return RestoreDatabase.Fail($"{backup} is damaged (SQLite's quick check failed).");
                migrations = Scalar(copy, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory';") is 0L
                    ? []
                    : Column(copy, "SELECT MigrationId FROM __EFMigrationsHistory ORDER BY MigrationId;");
                Scalar(copy, "PRAGMA journal_mode=WAL;");
            }
            if (RestoreDatabase.CheckMigrations(migrations, known, out var older) is { } problem) return RestoreDatabase.Fail(problem);

            var inUse = File.Exists(target) && InUse(target);
            if (inUse && !force)
                return RestoreDatabase.Fail($"The database {target} is in use (is the web app running?). Stop it and restore again, or restore into the running database with --force.");
            if (inUse)
            {
                // Into the live database through SQLite's backup API: one write transaction, under SQLite's locks.
                using var source = new SqliteConnection(SqliteFiles.Private(staged, SqliteOpenMode.ReadOnly));
                source.Open();
                using var live = new SqliteConnection(SqliteFiles.Private(target, SqliteOpenMode.ReadWrite));
                live.Open();
                source.BackupDatabase(live);
            }
            else
            {
                foreach (var suffix in new[] { "-wal", "-shm", "-journal" })
                    if (File.Exists(target + suffix)) File.Delete(target + suffix);
                File.Move(staged, target, overwrite: true);
            }
            return OperationResult<RestoreResult>.Ok(new RestoreResult(target, migrations.Count, older, inUse,
                inUse ? "SQLite online backup into the running database" : "replaced the database file"));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            SqliteFiles.Delete(staged);
        }
    }

    /// <summary>
    /// True when another connection has the database open: leaving write-ahead-log mode needs the only connection
    /// (SchoolSight's databases are in that mode), and a lock held by a reader or writer also says so.
    /// </summary>
    private static bool InUse(string target)
    {
        SqliteConnection.ClearAllPools();
        try
        {
            using var connection = new SqliteConnection(SqliteFiles.Private(target, SqliteOpenMode.ReadWrite));
            connection.Open();
            var mode = Scalar(connection, "PRAGMA journal_mode=DELETE;") as string;
            if (!string.Equals(mode, "delete", StringComparison.OrdinalIgnoreCase)) return true;
            Scalar(connection, "BEGIN EXCLUSIVE; COMMIT;");
            return false;
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 5 or 6)
        {
            return true;
        }
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static List<string> Column(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read()) values.Add(reader.GetString(0));
        return values;
    }
}
