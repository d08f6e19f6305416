using Microsoft.Extensions.Options;
using SchoolSight.Domain.Access;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Authentication;

/// <summary>
/// When <see cref="SignInSecurityOptions.RequireTwoFactorForLaRoles"/> is on, LA staff without an authenticator app
/// are sent to set one up (the API answers 403) before they can use anything but their own account pages.
/// </summary>
public static class TwoFactorRequirement
{
    public const string SetUpPage = "/Account/SetUpAuthenticator";

    public static bool AppliesTo(Role? role, SignInSecurityOptions options) => options.RequireTwoFactorForLaRoles && role is { } r && r.IsLaStaff();

    public static async Task EnforceAsync(HttpContext context, Func<Task> next)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<SignInSecurityOptions>>().Value;
        if (!AppliesTo(context.User.GetRole(), options) ||
            context.Request.Path.StartsWithSegments("/Account") || context.Request.Path.StartsWithSegments("/Error") ||
            await SessionLifetime.TwoFactorEnabledAsync(context))
        {
            await next();
            return;
        }
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/openapi"))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }
        context.Response.Redirect(SetUpPage);
    }
}
