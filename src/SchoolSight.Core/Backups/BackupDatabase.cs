using Microsoft.Data.Sqlite;
using SchoolSight.Core.Data;
using SchoolSight.Domain;

namespace SchoolSight.Core.Backups;

/// <param name="File">Where the backup goes.</param>
/// <param name="Overwrite">Replace the file if it exists.</param>
/// <param name="PostgresBin">The folder of pg_dump and pg_restore, when they are not found by themselves.</param>
public sealed record BackupRequest(string File, bool Overwrite = false, string? PostgresBin = null);

public sealed record BackupResult(string File, long Bytes, string Method);

/// <summary>
/// Backs the database up to a file while SchoolSight keeps running: on SQLite through SQLite's online backup API (a
/// consistent copy even while the web app reads and writes), on PostgreSQL with <c>pg_dump --format=custom</c>. The
/// backup is written to a temporary file beside the target and moved into place when complete, so a failed backup
/// never leaves a half-written file under the name asked for. Run by <c>schoolsight db backup FILE</c>.
/// </summary>
[Operation]
public sealed class BackupDatabase(DatabaseOptions options)
{
    public async Task<OperationResult<BackupResult>> RunAsync(BackupRequest request, CancellationToken ct = default)
    {
        var target = Path.GetFullPath(request.File);
        if (File.Exists(target) && !request.Overwrite)
            return Fail($"{target} already exists: choose another file, or replace it with --force.");
        var folder = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(folder);
        var partial = Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.partial");
        try
        {
            string method;
            if (options.Provider == DatabaseProvider.Sqlite)
            {
                var source = SqliteFiles.DatabaseFile(options.ConnectionString);
                if (!File.Exists(source)) return Fail($"There is no database at {source}.");
                BackUpSqlite(partial);
                method = "SQLite online backup";
            }
            else
            {
                var tools = PostgresTools.Find(options.ConnectionString, request.PostgresBin, out var error);
                if (tools is null) return Fail(error);
                var (exit, _, stderr) = await tools.RunAsync("pg_dump", ["--format=custom", $"--file={partial}"], ct);
                if (exit != 0) return Fail($"pg_dump failed (exit code {exit}): {stderr.Trim()}");
                method = "pg_dump --format=custom";
            }
            File.Move(partial, target, overwrite: true);
            return OperationResult<BackupResult>.Ok(new BackupResult(target, new FileInfo(target).Length, method));
        }
        finally
        {
            SqliteFiles.Delete(partial);
        }
    }

    private void BackUpSqlite(string destinationFile)
    {
        using var source = new SqliteConnection(new SqliteConnectionStringBuilder(options.ConnectionString) { Mode = SqliteOpenMode.ReadWrite }.ToString());
        source.Open();
        using var destination = new SqliteConnection(SqliteFiles.Private(destinationFile));
        destination.Open();
        source.BackupDatabase(destination);
        // One self-contained file, whatever journal mode the live database uses.
        using var command = destination.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=DELETE;";
        command.ExecuteNonQuery();
    }

    private static OperationResult<BackupResult> Fail(string message) => OperationResult<BackupResult>.Fail(DomainError.Rule("backup.failed", message));
}
