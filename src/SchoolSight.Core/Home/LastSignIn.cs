using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Domain.Auditing;

namespace SchoolSight.Core.Home;

/// <summary>
/// When the reader last signed in before this session, from the sign-ins the audit trail records: the sign-in before
/// the latest one. Null for a first sign-in.
/// </summary>
internal static class LastSignIn
{
    public const string AuditEntityType = "SignIn";

    public static async Task<DateTime?> BeforeThisSessionAsync(AppDbContext db, CancellationToken ct)
    {
        if (db.CurrentUser.UserId is not { } userId) return null;
        var latest = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == AuditEntityType && a.UserId == userId && a.Action == AuditAction.SignedIn)
            .OrderByDescending(a => a.At).Select(a => a.At).Take(2).ToListAsync(ct);
        return latest.Count == 2 ? DateTime.SpecifyKind(latest[1], DateTimeKind.Utc) : null;
    }
}
