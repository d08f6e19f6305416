using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace SchoolSight.Web.Authentication;

/// <summary>
/// Limits how often anyone may try a password or a code: per client address and per account name, over a fixed
/// window. Only the posts of the sign-in, second-factor and change-password pages count.
/// </summary>
public static class SignInRateLimits
{
    private static readonly string[] LimitedPages = ["/Account/SignIn", "/Account/SignInCode", "/Account/SignInRecoveryCode", "/Account/ChangePassword"];

    public static void Configure(RateLimiterOptions options, SignInSecurityOptions security)
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.OnRejected = (context, _) =>
        {
            context.HttpContext.Response.Headers.RetryAfter = ((int)security.AttemptWindow.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            return ValueTask.CompletedTask;
        };
        options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
            PartitionedRateLimiter.Create<HttpContext, string>(context => IsAttempt(context)
                ? Window("address:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"), security.AttemptsPerAddress, security.AttemptWindow)
                : RateLimitPartition.GetNoLimiter("")),
            PartitionedRateLimiter.Create<HttpContext, string>(context => IsAttempt(context) && AccountName(context) is { } account
                ? Window("account:" + account, security.AttemptsPerAccount, security.AttemptWindow)
                : RateLimitPartition.GetNoLimiter("")));
    }

    /// <summary>Reads the posted form before the limiter runs, so the limiter can see the account name in it.</summary>
    public static async Task ReadAttemptFormAsync(HttpContext context, Func<Task> next)
    {
        if (IsAttempt(context) && context.Request.HasFormContentType) await context.Request.ReadFormAsync(context.RequestAborted);
        await next();
    }

    private static bool IsAttempt(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method) &&
        LimitedPages.Any(page => context.Request.Path.Equals(page, StringComparison.OrdinalIgnoreCase) || context.Request.Path.Equals(page + "/", StringComparison.OrdinalIgnoreCase));

    private static string? AccountName(HttpContext context)
    {
        var name = context.Request.HasFormContentType && context.Request.Form.TryGetValue("Input.Email", out var posted)
            ? posted.ToString()
            : context.User.Identity?.IsAuthenticated == true ? context.User.Identity.Name : null;
        return string.IsNullOrWhiteSpace(name) ? null : name.Trim().ToUpperInvariant();
    }

    private static RateLimitPartition<string> Window(string key, int permits, TimeSpan window) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = window,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
}
