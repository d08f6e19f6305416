using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Access;
using SchoolSight.Core.Data;
using SchoolSight.Domain.Access;

namespace SchoolSight.Core.ImprovingOutcomes.Reminders;

/// <summary>
/// The people reminders go to: the users with an email address whose account is not disabled, found by role, by school
/// (a school user's school) or by who they are.
/// </summary>
public sealed class ReminderRecipients
{
    private sealed record Person(string Id, string? UserName, string Email, Role Role, int? SchoolUrn);

    private readonly IReadOnlyList<Person> _people;

    private ReminderRecipients(IReadOnlyList<Person> people) => _people = people;

    public static async Task<ReminderRecipients> LoadAsync(AppDbContext db, CancellationToken ct)
    {
        // A disabled account is locked out for good; the lockout's end is compared here, not in SQL (SQLite cannot order it).
        var users = await db.Users.Where(u => u.Email != null)
            .Select(u => new { u.Id, u.UserName, Email = u.Email!, u.Role, u.SchoolUrn, u.LockoutEnd }).ToListAsync(ct);
        return new([.. users.Where(u => !UserAccess.IsDisabled(u.LockoutEnd)).Select(u => new Person(u.Id, u.UserName, u.Email, u.Role, u.SchoolUrn))]);
    }

    /// <summary>The school's own staff (school users; governors read only and are not reminded).</summary>
    public IEnumerable<string> SchoolUsers(int urn) => _people.Where(p => p.Role == Role.SchoolUser && p.SchoolUrn == urn).Select(p => p.Email);

    public IEnumerable<string> WithRole(Role role) => _people.Where(p => p.Role == role).Select(p => p.Email);

    public IEnumerable<string> ById(string userId) => _people.Where(p => p.Id == userId).Select(p => p.Email);

    public IEnumerable<string> ByUserName(string? userName) =>
        _people.Where(p => string.Equals(p.UserName, userName, StringComparison.OrdinalIgnoreCase)).Select(p => p.Email);
}
