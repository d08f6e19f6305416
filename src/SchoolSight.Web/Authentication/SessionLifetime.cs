using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SchoolSight.Core.Access;
using SchoolSight.Core.Data;

namespace SchoolSight.Web.Authentication;

/// <summary>
/// Ends sign-in sessions on the server's word, not only the cookie's: every request checks the user's security stamp
/// (signing out changes it, so a copied cookie stops working at once) and refuses a session older than the absolute
/// lifetime, however recently it was used. The stamp is read from <see cref="SessionStamps"/>, which this app's own
/// changes to a user update at once.
/// </summary>
public static class SessionLifetime
{
    public const string SignedInAtKey = "schoolsight.signedInAt";
    private const string TwoFactorEnabledKey = "schoolsight.twoFactorEnabled";

    /// <summary>Marks a new session with the time of sign-in; a refreshed session keeps its first time.</summary>
    public static Task OnSigningIn(CookieSigningInContext context)
    {
        var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        context.Properties.Items.TryAdd(SignedInAtKey, now.ToString("O", CultureInfo.InvariantCulture));
        return Task.CompletedTask;
    }

    public static async Task OnValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var options = services.GetRequiredService<IOptions<SignInSecurityOptions>>().Value;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var expired = !context.Properties.Items.TryGetValue(SignedInAtKey, out var at) ||
                      !DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var signedInAt) ||
                      now - signedInAt > options.SessionAbsoluteLifetime;
        var user = expired ? null : await KnownUserAsync(context);
        if (user is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }
        context.HttpContext.Items[TwoFactorEnabledKey] = user.TwoFactorEnabled;
        // Identity's own validator still refreshes the role and school claims when they change.
        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }

    /// <summary>The session's user as last read, when the session's security stamp is still theirs; null otherwise.</summary>
    private static async Task<SessionStamps.Known?> KnownUserAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var claims = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var principal = context.Principal;
        if (principal?.FindFirst(claims.UserIdClaimType)?.Value is not { } userId) return null;
        var database = services.GetRequiredService<AppDbContext>().Database.GetConnectionString() ?? "";
        // The user manager (and the services it is built from) only when the user is read.
        var known = await services.GetRequiredService<SessionStamps>().GetAsync(database, userId,
            () => services.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(userId));
        return known is not null && known.Stamp == principal.FindFirst(claims.SecurityStampClaimType)?.Value ? known : null;
    }

    /// <summary>Whether the signed-in user has two-factor sign-in on, from this request's session check when there was one.</summary>
    public static async Task<bool> TwoFactorEnabledAsync(HttpContext context)
    {
        if (context.Items.TryGetValue(TwoFactorEnabledKey, out var known) && known is bool enabled) return enabled;
        var users = context.RequestServices.GetRequiredService<UserManager<AppUser>>();
        return await users.GetUserAsync(context.User) is { TwoFactorEnabled: true };
    }
}
