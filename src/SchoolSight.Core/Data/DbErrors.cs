using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace SchoolSight.Core.Data;

/// <summary>What a failed save means, the same on SQLite and PostgreSQL.</summary>
public static class DbErrors
{
    /// <summary>
    /// A save that met someone else's change: a stale version (optimistic concurrency) or a row a unique index says
    /// cannot exist twice, written by someone else between reading and saving.
    /// </summary>
    public static bool IsConcurrentChange(this DbUpdateException e) => e is DbUpdateConcurrencyException || e.InnerException switch
    {
        PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode is 2067 or 1555, // SQLITE_CONSTRAINT_UNIQUE / _PRIMARYKEY
        _ => false,
    };
}
