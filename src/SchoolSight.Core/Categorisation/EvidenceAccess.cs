using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Domain;
using SchoolSight.Domain.Access;

namespace SchoolSight.Core.Categorisation;

/// <summary>
/// The checks every judgement and concern operation makes before anything else: the signed-in role may do this at
/// all (otherwise refused: 403), and the school is one the user may see — within their school scope and, for a
/// SIP, one they are assigned to (otherwise not found: 404, so a school user cannot learn about another school).
/// </summary>
internal static class EvidenceAccess
{
    public sealed record Allowed(Role Role, string SchoolName);

    public static async Task<(Allowed? Allowed, DomainError? Refusal)> CheckAsync(this AppDbContext db, int urn, IReadOnlySet<Role> roles, string doing, CancellationToken ct)
    {
        if (db.CurrentUser.Role is not { } role || !roles.Contains(role))
            return (null, CoreErrors.Forbidden($"Your role does not allow you to {doing}."));
        var name = await db.Schools.Where(s => s.Urn == urn).Select(s => s.Details.Name).FirstOrDefaultAsync(ct);
        if (name is null) return (null, CoreErrors.NotFound("school"));
        if (role == Role.SchoolImprovementPartner &&
            !await db.SipAssignments.AnyAsync(a => a.UserId == db.CurrentUser.UserId && a.Urn == urn, ct))
            return (null, CoreErrors.NotFound("school"));
        return (new Allowed(role, name), null);
    }

    /// <summary>Display names of the users who recorded something, by user name; unknown names stay as they are.</summary>
    public static async Task<Func<string, string>> DisplayNamesAsync(this AppDbContext db, IEnumerable<string> userNames, CancellationToken ct)
    {
        var names = userNames.Distinct().ToList();
        var found = await db.Users.Where(u => names.Contains(u.UserName!)).Select(u => new { u.UserName, u.DisplayName }).ToListAsync(ct);
        var byName = found.Where(u => !string.IsNullOrWhiteSpace(u.DisplayName)).ToDictionary(u => u.UserName!, u => u.DisplayName);
        return name => byName.GetValueOrDefault(name, name);
    }
}
