using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Domain;
using SchoolSight.Domain.Access;

namespace SchoolSight.Core.Access;

/// <summary>The details an LA administrator sets for a user: their one role and, where the role needs it, their schools.</summary>
public sealed record UserInput(string DisplayName, string Email, Role Role, int? SchoolUrn, IReadOnlyList<int> AssignedUrns, int? PartnerId);

/// <summary>
/// Creating and changing users (LA administrators only). A role, school or assignment change renews the user's
/// security stamp, so their next request re-reads their permissions.
/// </summary>
[Operation]
public sealed class ManageUsers(AppDbContext db, UserManager<AppUser> users)
{
    public sealed record Row(string Id, string DisplayName, string Email, Role Role, int? SchoolUrn, string? SchoolName, int Assigned, UserStatus Status)
    {
        public bool LockedOut => Status == UserStatus.LockedOut;
    }

    public async Task<IReadOnlyList<Row>> ListAsync(CancellationToken ct = default)
    {
        var now = db.UtcNow;
        var rows = await db.Users.AsNoTracking()
            .OrderBy(u => u.Role).ThenBy(u => u.DisplayName)
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.Role, u.SchoolUrn, Assigned = u.Assignments.Count, u.LockoutEnd })
            .ToListAsync(ct);
        var urns = rows.Where(r => r.SchoolUrn != null).Select(r => r.SchoolUrn!.Value).Distinct().ToList();
        var names = await db.Schools.IgnoreQueryFilters().Where(s => urns.Contains(s.Urn)).Select(s => new { s.Urn, s.Details.Name }).ToDictionaryAsync(s => s.Urn, s => s.Name, ct);
        return rows.Select(r => new Row(r.Id, r.DisplayName, r.Email ?? "", r.Role, r.SchoolUrn,
            r.SchoolUrn is { } urn && names.TryGetValue(urn, out var n) ? n : null, r.Assigned, UserAccess.StatusOf(r.LockoutEnd, now))).ToList();
    }

    /// <summary>The id of the user who signs in with <paramref name="email"/>, for the command line.</summary>
    public async Task<string?> FindIdAsync(string email, CancellationToken ct = default)
    {
        var normalized = users.NormalizeEmail(email.Trim());
        return await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => u.Id).FirstOrDefaultAsync(ct);
    }

    public async Task<(AppUser User, IReadOnlyList<int> Assigned)?> GetAsync(string id, CancellationToken ct = default)
    {
        var user = await db.Users.Include(u => u.Assignments).FirstOrDefaultAsync(u => u.Id == id, ct);
        return user is null ? null : (user, user.Assignments.Select(a => a.Urn).OrderBy(u => u).ToList());
    }

    public async Task<OperationResult<string>> CreateAsync(UserInput input, string password, CancellationToken ct = default)
    {
        var errors = await ValidateAsync(input, null, ct);
        if (errors.Count > 0) return OperationResult<string>.Fail(errors);
        var user = new AppUser { UserName = input.Email.Trim(), Email = input.Email.Trim(), EmailConfirmed = true };
        Apply(user, input);
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
            return OperationResult<string>.Fail(result.Errors.Select(e => new DomainError("user." + e.Code, e.Description, e.Code.Contains("Password") ? "Password" : "Email")));
        return OperationResult<string>.Ok(user.Id);
    }

    public Task<OperationResult<string>> EditAsync(string id, UserInput input, string concurrencyStamp, CancellationToken ct = default) =>
        UserAccess.GuardedAsync(db, () => SaveEditAsync(id, input, concurrencyStamp, ct), ct);

    private async Task<OperationResult<string>> SaveEditAsync(string id, UserInput input, string concurrencyStamp, CancellationToken ct)
    {
        var user = await db.Users.Include(u => u.Assignments).FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null) return OperationResult<string>.Fail(CoreErrors.NotFound("user"));
        if (user.ConcurrencyStamp != concurrencyStamp) return UserResults.StaleVersion;
        var errors = await ValidateAsync(input, id, ct);
        if (input.Role != Role.LaAdministrator && await UserAccess.IsLastActiveAdministratorAsync(db, user, ct))
            errors.Add(UserAccess.LastAdministrator($"{user.DisplayName} must stay an LA administrator", "Role"));
        if (errors.Count > 0) return OperationResult<string>.Fail(errors);
        Apply(user, input);
        user.UserName = user.Email = input.Email.Trim();
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded) return UserResults.From(result, user, "Email");
        await users.UpdateSecurityStampAsync(user);
        return OperationResult<string>.Ok(user.Id);
    }

    public async Task<OperationResult<string>> UnlockAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return OperationResult<string>.Fail(CoreErrors.NotFound("user"));
        if (user.IsDisabled()) return OperationResult<string>.Fail(DomainError.Rule("user.disabled", "A disabled account is enabled, not unlocked."));
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        return OperationResult<string>.Ok(user.Id);
    }

    private static void Apply(AppUser user, UserInput input)
    {
        user.DisplayName = input.DisplayName.Trim();
        user.Role = input.Role;
        user.SchoolUrn = input.Role.IsSchoolBound() ? input.SchoolUrn : null;
        user.PartnerId = input.Role == Role.Partner ? input.PartnerId : null;
        var wanted = input.Role == Role.SchoolImprovementPartner ? input.AssignedUrns.Distinct().ToHashSet() : [];
        user.Assignments.RemoveAll(a => !wanted.Contains(a.Urn));
        foreach (var urn in wanted.Where(u => user.Assignments.All(a => a.Urn != u)))
            user.Assignments.Add(new SipAssignment { UserId = user.Id, Urn = urn });
    }

    private async Task<List<DomainError>> ValidateAsync(UserInput input, string? id, CancellationToken ct)
    {
        var errors = new List<DomainError>();
        if (string.IsNullOrWhiteSpace(input.DisplayName)) errors.Add(new("user.name", "Enter the user's name.", "DisplayName"));
        if (string.IsNullOrWhiteSpace(input.Email) || !input.Email.Contains('@'))
            errors.Add(new("user.email", "Enter an email address in the correct format, like name@example.org", "Email"));
        else if (await db.Users.AnyAsync(u => u.Email == input.Email.Trim() && u.Id != id, ct))
            errors.Add(new("user.email-taken", "Another user already has this email address.", "Email"));

        var allSchools = db.Schools.IgnoreQueryFilters();
        if (input.Role.IsSchoolBound())
        {
            if (input.SchoolUrn is not { } urn) errors.Add(new("user.school", $"Enter the URN of the {input.Role.DisplayName().ToLowerInvariant()}'s school.", "SchoolUrn"));
            else if (!await allSchools.AnyAsync(s => s.Urn == urn, ct)) errors.Add(new("user.school", $"There is no school with URN {urn}.", "SchoolUrn"));
        }
        if (input.Role == Role.SchoolImprovementPartner && input.AssignedUrns.Count > 0)
        {
            var wanted = input.AssignedUrns.Distinct().ToList();
            var known = await allSchools.Where(s => wanted.Contains(s.Urn)).Select(s => s.Urn).ToListAsync(ct);
            var unknown = wanted.Except(known).ToList();
            if (unknown.Count > 0) errors.Add(new("user.assigned", $"There is no school with URN {string.Join(", ", unknown)}.", "AssignedUrns"));
        }
        if (input.Role == Role.Partner && input.PartnerId is { } partnerId && !await db.Partners.AnyAsync(p => p.Id == partnerId, ct))
            errors.Add(new("user.partner", "Choose the partner organisation.", "PartnerId"));
        return errors;
    }
}
