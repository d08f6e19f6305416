using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;

namespace SchoolSight.Core.Data;

/// <summary>
/// On PostgreSQL, the large values written in the current transaction are compressed with LZ4 rather than the default
/// pglz when the server has it (stored values carry their method, so values written either way read back the same):
/// pglz compressing every pupil block and school result was most of the server's work in writing them. Whether a
/// server has LZ4 is asked once per connection string and remembered, so each transaction after the first needs one
/// statement, not two. Nothing on SQLite.
/// </summary>
internal static class ToastCompression
{
    private static readonly ConcurrentDictionary<string, bool> HasLz4 = new(StringComparer.Ordinal);

    public static async Task UseLz4Async(AppDbContext db, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql()) return;
        var server = db.Database.GetConnectionString() ?? "";
        if (!HasLz4.TryGetValue(server, out var lz4))
        {
            lz4 = (await db.Database.SqlQueryRaw<int>(
                "SELECT 1 AS \"Value\" FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY(enumvals)").ToListAsync(ct)).Count > 0;
            HasLz4[server] = lz4;
        }
        if (lz4) await db.Database.ExecuteSqlRawAsync("SET LOCAL default_toast_compression = 'lz4'", ct);
    }
}
