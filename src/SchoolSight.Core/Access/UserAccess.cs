using System.Data;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SchoolSight.Core.Data;
using SchoolSight.Domain;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Auditing;

namespace SchoolSight.Core.Access;

/// <summary>Whether a user may sign in at all, as LA administrators set it.</summary>
public enum UserStatus
{
    Active,
    LockedOut,
    Disabled,
}

/// <summary>
/// The rules of a user's lifetime. A user is never deleted: the audit trail and the records they decided keep naming
/// them, so disabling is the end of an account. A disabled user is locked out for good (Identity's lockout, which
/// every sign-in checks) and their security stamp is renewed, so their open sessions end too.
/// </summary>
public static class UserAccess
{
    /// <summary>The lockout end that marks an account as disabled rather than locked out for a while.</summary>
    public static readonly DateTimeOffset DisabledUntil = new(9999, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static bool IsDisabled(this AppUser user) => IsDisabled(user.LockoutEnd);

    public static bool IsDisabled(DateTimeOffset? lockoutEnd) => lockoutEnd >= DisabledUntil;

    public static UserStatus StatusOf(DateTimeOffset? lockoutEnd, DateTime utcNow) =>
        IsDisabled(lockoutEnd) ? UserStatus.Disabled
        : lockoutEnd > new DateTimeOffset(utcNow, TimeSpan.Zero) ? UserStatus.LockedOut
        : UserStatus.Active;

    /// <summary>
    /// The rule that keeps SchoolSight manageable: the last active LA administrator cannot be demoted or disabled,
    /// not by another administrator and not by themselves.
    /// </summary>
    public static async Task<bool> IsLastActiveAdministratorAsync(AppDbContext db, AppUser user, CancellationToken ct)
    {
        if (user.Role != Role.LaAdministrator || user.IsDisabled()) return false;
        var others = await db.Users.AsNoTracking()
            .Where(u => u.Role == Role.LaAdministrator && u.Id != user.Id)
            .Select(u => u.LockoutEnd)
            .ToListAsync(ct);
        return others.All(IsDisabled);
    }

    /// <summary>
    /// Runs a change that the last-administrator rule guards in a serializable transaction, so two administrators
    /// disabling or demoting each other at the same moment cannot leave none: on SQLite the second waits for the first;
    /// on PostgreSQL one of them is refused and asked to look again.
    /// </summary>
    public static async Task<OperationResult<string>> GuardedAsync(AppDbContext db, Func<Task<OperationResult<string>>> change, CancellationToken ct)
    {
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, ct);
            var result = await change();
            if (result.Succeeded) await transaction.CommitAsync(ct);
            return result;
        }
        catch (Exception e) when (IsSerializationFailure(e))
        {
            db.ChangeTracker.Clear();
            return OperationResult<string>.Fail(CoreErrors.ChangedMeanwhile("the LA administrators"));
        }
    }

    private static bool IsSerializationFailure(Exception? e) => e switch
    {
        PostgresException pg => pg.SqlState is PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected,
        null => false,
        _ => IsSerializationFailure(e.InnerException),
    };

    public static DomainError LastAdministrator(string change, string? field = null) =>
        DomainError.Rule("user.last-administrator",
            $"{change}: they are the last active LA administrator. Add or enable another LA administrator first.", field);

    /// <summary>An audit line for a change to a user's access, by whoever is acting; never holds a password or a link.</summary>
    public static AuditEntry Audit(AppDbContext db, AuditAction action, AppUser user, object? detail = null) =>
        new(db.UtcNow, db.CurrentUser.UserId, db.CurrentUser.UserName, action, nameof(AppUser), user.Id,
            JsonSerializer.Serialize(detail ?? new { user.Email }), user.SchoolUrn);
}
