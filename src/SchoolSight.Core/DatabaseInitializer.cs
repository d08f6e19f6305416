using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;

namespace SchoolSight.Core;

public static class DatabaseInitializer
{
    /// <summary>Brings the database up to the latest migration (creating it when it does not exist).</summary>
    public static async Task MigrateAsync(AppDbContext db, CancellationToken ct = default)
    {
        if (db.Database.IsSqlite() && DatabaseReadiness.SqliteFile(db.Database.GetConnectionString()) is { } file
            && Path.GetDirectoryName(file) is { Length: > 0 } folder)
            Directory.CreateDirectory(folder);
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
        {
            // Write-ahead logging lets pages read while an import writes.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
        await Calendar.TermCalendarStore.EnsureDefaultAsync(db, ct);
        await Categorisation.RuleSets.EnsureDefaultAsync(db, ct);
    }
}
