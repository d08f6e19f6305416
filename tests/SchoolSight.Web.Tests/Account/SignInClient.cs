using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using SchoolSight.TestSupport;

namespace SchoolSight.Web.Tests.Account;

/// <summary>Signing in through the real sign-in form, with a client that keeps cookies as a browser does.</summary>
internal static class SignInClient
{
    public static HttpClient Browser<T>(WebApplicationFactory<T> app) where T : class =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public static Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password) =>
        client.PostFormAsync("/Account/SignIn", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    public static Task<HttpResponseMessage> SignOutAsync(this HttpClient client) =>
        client.PostFormAsync("/Account/SignOut", new Dictionary<string, string>(), getUrl: "/");

    /// <summary>The sign-in cookie a response sets, as "name=value" for a Cookie header.</summary>
    public static string AuthCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.Select(c => c.Split(';')[0]).Single(c => c.StartsWith("SchoolSight.Auth=", StringComparison.Ordinal))
            : throw new InvalidOperationException($"No sign-in cookie ({(int)response.StatusCode})");

    public static bool IsSignInRedirect(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.ToString().Contains("/Account/SignIn", StringComparison.Ordinal) == true;
}
