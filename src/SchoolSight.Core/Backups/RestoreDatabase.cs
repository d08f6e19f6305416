using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Domain;

namespace SchoolSight.Core.Backups;

/// <param name="File">The backup to restore (made by <see cref="BackupDatabase"/>).</param>
/// <param name="Force">Restore even though other connections are using the database.</param>
/// <param name="PostgresBin">The folder of pg_dump and pg_restore, when they are not found by themselves.</param>
public sealed record RestoreRequest(string File, bool Force = false, string? PostgresBin = null);

/// <param name="Migrations">The schema migrations the backup has.</param>
/// <param name="NeedsMigrate">The backup is from an older schema: run <c>schoolsight db migrate</c> (the web app does at start-up).</param>
/// <param name="WasInUse">Other connections were using the database (allowed by <see cref="RestoreRequest.Force"/>).</param>
public sealed record RestoreResult(string Database, int Migrations, bool NeedsMigrate, bool WasInUse, string Method);

/// <summary>
/// Replaces the database with a backup, after checking the backup is a SchoolSight database whose schema this version
/// knows (its migration history) and that nobody else is using the database (unless forced). On SQLite the backup is
/// copied to a temporary file in the database's folder, checked there, and moved over the database in one rename; on
/// PostgreSQL it is restored by <c>pg_restore --clean --if-exists</c> in a single transaction. Nothing is changed when a
/// check fails. Run by <c>schoolsight db restore FILE</c>.
/// </summary>
[Operation]
public sealed class RestoreDatabase(DatabaseOptions options, AppDbContext db)
{
    public async Task<OperationResult<RestoreResult>> RunAsync(RestoreRequest request, CancellationToken ct = default)
    {
        var file = Path.GetFullPath(request.File);
        if (!File.Exists(file)) return Fail($"There is no backup at {file}.");
        var known = db.Database.GetMigrations().ToList();
        return options.Provider == DatabaseProvider.Sqlite
            ? SqliteRestore.Run(options.ConnectionString, file, request.Force, known)
            : await PostgresRestore.RunAsync(options.ConnectionString, file, request, known, ct);
    }

    internal static OperationResult<RestoreResult> Fail(string message) =>
        OperationResult<RestoreResult>.Fail(DomainError.Rule("restore.refused", message + " Nothing was changed."));

    /// <summary>Null when a backup with these migrations can be restored by this version; else why not.</summary>
    internal static string? CheckMigrations(IReadOnlyCollection<string> inBackup, IReadOnlyCollection<string> known, out bool older)
    {
        older = false;
        if (inBackup.Count == 0) return "The backup is not a SchoolSight database: it has no migration history.";
        var unknown = inBackup.Except(known).ToList();
        if (unknown.Count > 0)
            return $"The backup was made by a newer version of SchoolSight (its migrations {string.Join(", ", unknown)} are unknown to this one): restore it with that version.";
        if (!inBackup.Contains(known.First())) return "The backup is not a SchoolSight database: its migration history does not start with SchoolSight's first migration.";
        older = known.Except(inBackup).Any();
        return null;
    }
}
