using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Domain.Auditing;

namespace SchoolSight.Core.Access;

/// <summary>
/// Ends a user's access (LA administrators only): they cannot sign in, their open sessions end at their next request
/// (security stamp renewed), and any password-reset link they hold stops working. The account stays, with its history.
/// </summary>
[Operation]
public sealed class DisableUser(AppDbContext db, UserManager<AppUser> users)
{
    /// <param name="concurrencyStamp">The version the administrator saw; null from the command line, which acts on the current one.</param>
    public Task<OperationResult<string>> RunAsync(string id, string? concurrencyStamp, CancellationToken ct = default) =>
        UserAccess.GuardedAsync(db, () => DisableAsync(id, concurrencyStamp, ct), ct);

    private async Task<OperationResult<string>> DisableAsync(string id, string? concurrencyStamp, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null) return OperationResult<string>.Fail(CoreErrors.NotFound("user"));
        if (concurrencyStamp is not null && user.ConcurrencyStamp != concurrencyStamp)
            return UserResults.StaleVersion;
        if (user.IsDisabled()) return OperationResult<string>.Ok(user.Id);
        if (await UserAccess.IsLastActiveAdministratorAsync(db, user, ct))
            return OperationResult<string>.Fail(UserAccess.LastAdministrator($"{user.DisplayName} cannot be disabled"));

        user.LockoutEnabled = true;
        user.LockoutEnd = UserAccess.DisabledUntil;
        await PasswordResetLinks.ForgetAsync(db, id, ct);
        db.AuditEntries.Add(UserAccess.Audit(db, AuditAction.UserDisabled, user));
        return UserResults.From(await users.UpdateSecurityStampAsync(user), user);
    }
}

/// <summary>Gives a disabled (or locked-out) user their access back; their password is unchanged.</summary>
[Operation]
public sealed class EnableUser(AppDbContext db, UserManager<AppUser> users)
{
    public async Task<OperationResult<string>> RunAsync(string id, string? concurrencyStamp, CancellationToken ct = default)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null) return OperationResult<string>.Fail(CoreErrors.NotFound("user"));
        if (concurrencyStamp is not null && user.ConcurrencyStamp != concurrencyStamp)
            return UserResults.StaleVersion;
        if (!user.IsDisabled()) return OperationResult<string>.Ok(user.Id);

        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        db.AuditEntries.Add(UserAccess.Audit(db, AuditAction.UserEnabled, user));
        return UserResults.From(await users.UpdateAsync(user), user);
    }
}

/// <summary>What a change to a user gives back, the same for every user operation.</summary>
internal static class UserResults
{
    /// <summary>The user was changed by another administrator since this one read it.</summary>
    public static OperationResult<string> StaleVersion => OperationResult<string>.Fail(CoreErrors.Conflict("user", "another administrator", null));

    /// <summary>Identity's answer to a save: the user's id, a stale version, or its errors (on <paramref name="field"/>).</summary>
    public static OperationResult<string> From(IdentityResult result, AppUser user, string? field = null) =>
        result.Succeeded ? OperationResult<string>.Ok(user.Id)
        : result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure))
            ? StaleVersion
            : OperationResult<string>.Fail(result.Errors.Select(e => new Domain.DomainError("user." + e.Code, e.Description, field)));
}
