using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Domain.Access;

namespace SchoolSight.Core.Access;

/// <summary>
/// Who did something, as users see it: the person's display name and role ("Name · Role"), looked up from the
/// sign-in name or e-mail address stored with the decision. A stored value that matches no user (a system user such
/// as the start-up, or a user since removed) is shown as stored. The users are read once per request.
/// </summary>
[Operation]
public sealed class PeopleNames(AppDbContext db)
{
    private Dictionary<string, string>? _names;

    public async Task<string> NameAsync(string? stored, CancellationToken ct = default) => (await ResolverAsync(ct))(stored);

    /// <summary>The lookup itself, for an operation that names many people at once.</summary>
    public async Task<Func<string?, string>> ResolverAsync(CancellationToken ct = default)
    {
        var names = _names ??= await LoadAsync(ct);
        return stored => string.IsNullOrWhiteSpace(stored) ? stored ?? ""
            : names.TryGetValue(stored.Trim(), out var name) ? name : stored;
    }

    private async Task<Dictionary<string, string>> LoadAsync(CancellationToken ct)
    {
        var users = await db.Users.AsNoTracking().Select(u => new { u.UserName, u.Email, u.DisplayName, u.Role }).ToListAsync(ct);
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var u in users.Where(u => u.DisplayName.Length > 0))
        {
            var shown = $"{u.DisplayName} · {u.Role.DisplayName()}";
            if (u.UserName is { } userName) names.TryAdd(userName, shown);
            if (u.Email is { } email) names.TryAdd(email, shown);
        }
        return names;
    }
}
