using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace SchoolSight.Core.Data;

/// <summary>A database setting SchoolSight cannot work with; its message is one line that names the setting.</summary>
public sealed class DatabaseSetupException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Whether the configured database is there and usable, before anything is created or changed. A mistyped SQLite
/// path or an empty PostgreSQL database is refused (unless <c>Database:CreateIfMissing</c> is true, or the command is
/// <c>schoolsight db migrate</c>), instead of silently starting an empty SchoolSight with no users; an unreadable or
/// read-only database gives one line naming the setting instead of a stack trace.
/// </summary>
public static class DatabaseReadiness
{
    public const string CreateIfMissingSetting = "Database:CreateIfMissing";
    private const string Setting = "Database:ConnectionString";

    /// <summary>Refuses a database that does not exist or has never been migrated.</summary>
    public static async Task EnsureExistsAsync(AppDbContext db, CancellationToken ct = default)
    {
        EnsureFileExists(db);
        var applied = await RunAsync(db, () => db.Database.GetAppliedMigrationsAsync(ct));
        if (!applied.Any()) throw Missing(db, "is empty (SchoolSight has never been set up in it)");
    }

    /// <summary>
    /// Refuses a database already found set up that has gone since or no longer answers, asking it for one small row
    /// instead of its list of migrations (for which EF Core builds a model of its own on every call).
    /// </summary>
    public static async Task EnsureStillThereAsync(AppDbContext db, CancellationToken ct = default)
    {
        EnsureFileExists(db);
        await RunAsync(db, () => db.FiguresVersions.AsNoTracking().AnyAsync(ct));
    }

    private static void EnsureFileExists(AppDbContext db)
    {
        if (db.Database.IsSqlite() && SqliteFile(db.Database.GetConnectionString()) is { } file && !File.Exists(file))
            throw Missing(db, "does not exist");
    }

    /// <summary>Runs <paramref name="work"/>, turning the database's own errors (cannot open, read-only, not a database, refused) into one line.</summary>
    public static async Task<T> RunAsync<T>(AppDbContext db, Func<Task<T>> work)
    {
        try
        {
            return await work();
        }
        catch (Exception e) when (IsDatabaseProblem(e))
        {
            throw Unusable(db, e);
        }
    }

    public static Task RunAsync(AppDbContext db, Func<Task> work) => RunAsync(db, async () =>
    {
        await work();
        return true;
    });

    /// <summary>An error the database raised that means it cannot be used as configured.</summary>
    public static bool IsDatabaseProblem(Exception e) => e switch
    {
        SqliteException or NpgsqlException or UnauthorizedAccessException or IOException => true,
        DbUpdateException or InvalidOperationException when e.InnerException is not null => IsDatabaseProblem(e.InnerException),
        _ => false,
    };

    /// <summary>The database as people know it: the file, or the database and host; never a password.</summary>
    public static string Describe(AppDbContext db)
    {
        var connection = db.Database.GetConnectionString() ?? "";
        if (db.Database.IsSqlite()) return $"SQLite {SqliteFile(connection) ?? connection}";
        var postgres = new NpgsqlConnectionStringBuilder(connection);
        return $"PostgreSQL {postgres.Database} on {postgres.Host}:{postgres.Port}";
    }

    /// <summary>The full path of a SQLite database file; null for an in-memory database.</summary>
    public static string? SqliteFile(string? connectionString)
    {
        var csb = new SqliteConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(csb.DataSource) || csb.DataSource == ":memory:" || csb.Mode == SqliteOpenMode.Memory) return null;
        return Path.GetFullPath(csb.DataSource);
    }

    private static DatabaseSetupException Missing(AppDbContext db, string what) =>
        new($"The database in {Setting} ({Describe(db)}) {what}. Check the setting; to create a new database run " +
            $"'schoolsight db migrate' (or set {CreateIfMissingSetting}=true).");

    private static DatabaseSetupException Unusable(AppDbContext db, Exception e)
    {
        var cause = e;
        while (cause is DbUpdateException or InvalidOperationException && cause.InnerException is not null) cause = cause.InnerException;
        var reason = cause.Message.Split('\n', 2)[0].Trim();
        return new($"The database in {Setting} ({Describe(db)}) cannot be used: {reason}", e);
    }
}
