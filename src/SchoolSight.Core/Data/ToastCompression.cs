using Microsoft.EntityFrameworkCore;

namespace SchoolSight.Core.Data;

/// <summary>
/// On PostgreSQL, the large values written in the current transaction are compressed with LZ4 rather than the default
/// pglz when the server has it (stored values carry their method, so values written either way read back the same):
/// pglz compressing every pupil block and school result was most of the server's work in writing them. Nothing on SQLite.
/// </summary>
internal static class ToastCompression
{
    public static async Task UseLz4Async(AppDbContext db, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql()) return;
        var lz4 = await db.Database.SqlQueryRaw<int>(
            "SELECT 1 AS \"Value\" FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY(enumvals)").ToListAsync(ct);
        if (lz4.Count > 0) await db.Database.ExecuteSqlRawAsync("SET LOCAL default_toast_compression = 'lz4'", ct);
    }
}
