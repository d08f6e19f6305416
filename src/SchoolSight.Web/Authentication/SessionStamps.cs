using System.Collections.Concurrent;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SchoolSight.Core.Data;

namespace SchoolSight.Web.Authentication;

/// <summary>
/// The users' security stamps (and whether they use two-factor sign-in) as the session check last read them, so that
/// a request does not read its user from the database. Every change this app makes to a user goes through
/// <see cref="SessionCheckedUserStore"/>, which drops the user's entry at once; an entry is read again once it is older
/// than <see cref="SignInSecurityOptions.SessionCheckStaleness"/>, for changes made by another process. Kept per
/// database (connection string), as one process may serve several.
/// </summary>
public sealed class SessionStamps(TimeProvider clock, IOptions<SignInSecurityOptions> options)
{
    public sealed record Known(string? Stamp, bool TwoFactorEnabled, DateTimeOffset ReadAt);

    private readonly ConcurrentDictionary<(string Database, string UserId), Known> _known = new();

    /// <summary>The user's stamp, from memory while it is fresh, otherwise read by <paramref name="read"/>; null when there is no such user.</summary>
    public async Task<Known?> GetAsync(string database, string userId, Func<Task<AppUser?>> read)
    {
        var now = clock.GetUtcNow();
        if (_known.TryGetValue((database, userId), out var known) && now - known.ReadAt < options.Value.SessionCheckStaleness) return known;
        var user = await read();
        if (user is null)
        {
            _known.TryRemove((database, userId), out _);
            return null;
        }
        known = new Known(user.SecurityStamp, user.TwoFactorEnabled, now);
        _known[(database, userId)] = known;
        return known;
    }

    /// <summary>Drops what is known of the user, in every database: their next request reads them again.</summary>
    public void Forget(string userId)
    {
        foreach (var key in _known.Keys.Where(k => k.UserId == userId)) _known.TryRemove(key, out _);
    }
}
