using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using SchoolSight.Core.Data;

namespace SchoolSight.Web.Authentication;

/// <summary>
/// Failed sign-ins for email addresses that have no account, counted in memory and locked out exactly as a real
/// account is, so that "locked" says nothing about whether an account exists.
/// </summary>
public sealed class UnknownAccounts(IOptions<IdentityOptions> identity, TimeProvider clock) : IDisposable
{
    private readonly MemoryCache _failures = new(new MemoryCacheOptions { SizeLimit = 10_000 });
    private readonly Lock _gate = new();
    private string? _decoyHash;

    private sealed class Failures
    {
        public int Count;
        public DateTimeOffset? LockedUntil;
    }

    /// <summary>A hash of a random password made by this app's hasher, to check unknown accounts' passwords against.</summary>
    public string DecoyHash(IPasswordHasher<Core.Data.AppUser> hasher) =>
        _decoyHash ??= hasher.HashPassword(new Core.Data.AppUser(), Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)));

    public bool IsLockedOut(string normalizedEmail)
    {
        lock (_gate)
            return _failures.TryGetValue(normalizedEmail, out Failures? f) && f!.LockedUntil is { } until && until > clock.GetUtcNow();
    }

    /// <summary>Records a failure; true when it locks the name out, as the failure that locks a real account does.</summary>
    public bool RecordFailure(string normalizedEmail)
    {
        var lockout = identity.Value.Lockout;
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            if (!_failures.TryGetValue(normalizedEmail, out Failures? f) || f!.LockedUntil is { } ended && ended <= now)
                f = new Failures();
            f.Count++;
            if (f.Count >= lockout.MaxFailedAccessAttempts)
            {
                f.Count = 0;
                f.LockedUntil = now + lockout.DefaultLockoutTimeSpan;
            }
            _failures.Set(normalizedEmail, f, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromDays(1) });
            return f.LockedUntil is { } until && until > now;
        }
    }

    public void Dispose() => _failures.Dispose();
}
