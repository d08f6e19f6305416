using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Domain;
using SchoolSight.Domain.Auditing;

namespace SchoolSight.Core.Access;

/// <summary>
/// One-time password-reset links. The link carries a random token; the database keeps only its SHA-256 hash and its
/// expiry (in Identity's user-token table), so neither the database nor the audit trail can give the link away.
/// Using the link, issuing a new one, or disabling the user ends it.
/// </summary>
public static class PasswordResetLinks
{
    public const string Provider = "SchoolSight";
    public const string Name = "PasswordResetLink";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    /// <summary>The path of the page where the user sets their new password.</summary>
    public static string PathFor(string userId, string token) =>
        $"/Account/ResetPassword?user={Uri.EscapeDataString(userId)}&token={Uri.EscapeDataString(token)}";

    internal static string Stored(string token, DateTime expiresAt) =>
        $"{expiresAt.ToString("O", CultureInfo.InvariantCulture)}|{Hash(token)}";

    internal static bool Matches(string? stored, string token, DateTime utcNow)
    {
        if (stored?.Split('|') is not [var expiry, var hash]) return false;
        if (!DateTime.TryParse(expiry, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var expiresAt) || expiresAt <= utcNow) return false;
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(hash), Encoding.ASCII.GetBytes(Hash(token)));
    }

    /// <summary>Ends every reset link the user holds (a new link replaces them; disabling the user ends them).</summary>
    internal static async Task ForgetAsync(AppDbContext db, string userId, CancellationToken ct) =>
        db.UserTokens.RemoveRange(await db.UserTokens.Where(t => t.UserId == userId && t.LoginProvider == Provider).ToListAsync(ct));

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}

/// <summary>
/// An LA administrator asks for a one-time link with which a user sets a new password. The link is returned once, to
/// be shown to the administrator (and passed on); the audit trail records who asked for whom and when, never the link.
/// </summary>
[Operation]
public sealed class IssuePasswordResetLink(AppDbContext db)
{
    public sealed record Link(string UserId, string Email, string Token, DateTime ExpiresAt)
    {
        public string Path => PasswordResetLinks.PathFor(UserId, Token);
    }

    public async Task<OperationResult<Link>> RunAsync(string id, CancellationToken ct = default)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null) return OperationResult<Link>.Fail(CoreErrors.NotFound("user"));
        if (user.IsDisabled())
            return OperationResult<Link>.Fail(DomainError.Rule("user.disabled", $"{user.DisplayName}'s account is disabled. Enable it before resetting the password."));

        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        var expiresAt = db.UtcNow + PasswordResetLinks.Lifetime;
        await PasswordResetLinks.ForgetAsync(db, id, ct);
        db.UserTokens.Add(new IdentityUserToken<string>
        {
            UserId = id,
            LoginProvider = PasswordResetLinks.Provider,
            Name = PasswordResetLinks.Name,
            Value = PasswordResetLinks.Stored(token, expiresAt),
        });
        db.AuditEntries.Add(UserAccess.Audit(db, AuditAction.PasswordResetLinkIssued, user, new { user.Email, ExpiresAt = expiresAt }));
        await db.SaveChangesAsync(ct);
        return OperationResult<Link>.Ok(new Link(id, user.Email ?? "", token, expiresAt));
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>
/// A user sets a new password with a one-time link: the password rules apply, the link is used up, a temporary
/// lockout is cleared and every other session of theirs ends (security stamp renewed).
/// </summary>
[Operation]
public sealed class ResetPasswordWithLink(AppDbContext db, UserManager<AppUser> users)
{
    public static readonly DomainError LinkNotValid = DomainError.Rule("reset.link",
        "This link has expired or has already been used. Ask your LA administrator for a new one.");

    public async Task<OperationResult<string>> RunAsync(string userId, string token, string newPassword, CancellationToken ct = default)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct);
        var stored = user is null ? null : await db.UserTokens
            .FirstOrDefaultAsync(t => t.UserId == userId && t.LoginProvider == PasswordResetLinks.Provider && t.Name == PasswordResetLinks.Name, ct);
        if (user is null || stored is null || user.IsDisabled() || !PasswordResetLinks.Matches(stored.Value, token, db.UtcNow))
            return OperationResult<string>.Fail(LinkNotValid);

        var errors = new List<DomainError>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, newPassword);
            errors.AddRange(result.Errors.Select(e => new DomainError("user." + e.Code, e.Description, "NewPassword")));
        }
        if (errors.Count > 0) return OperationResult<string>.Fail(errors);

        user.PasswordHash = users.PasswordHasher.HashPassword(user, newPassword);
        user.AccessFailedCount = 0;
        user.LockoutEnd = null;
        db.UserTokens.Remove(stored);
        db.AuditEntries.Add(new AuditEntry(db.UtcNow, user.Id, user.Email ?? user.Id, AuditAction.PasswordReset, nameof(AppUser), user.Id, null, user.SchoolUrn));
        return UserResults.From(await users.UpdateSecurityStampAsync(user), user);
    }
}
