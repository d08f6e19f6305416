using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SchoolSight.Core.Access;
using SchoolSight.Core.Data;
using SchoolSight.Core.Demo;
using SchoolSight.TestSupport;
using SchoolSight.Web.Authentication;

namespace SchoolSight.Web.Tests.Account;

/// <summary>A session ends on the server: at sign-out for every copy of the cookie, and at its absolute lifetime however active.</summary>
public abstract class SessionEndTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string Email = "smt@demo-borough.example";
    private readonly TestClock _clock = new(new DateTimeOffset(DateTime.UtcNow.Date.AddHours(8), TimeSpan.Zero));
    private SchoolSightWebFactory _app = null!;

    public async Task InitializeAsync() => _app = await SchoolSightWebFactory.CreateAsync(provider, clock: _clock);
    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task SignOut_ACookieCapturedBeforeSignOut_IsRefusedAfterIt()
    {
        var browser = SignInClient.Browser(_app);
        var cookie = SignInClient.AuthCookie(await browser.SignInAsync(Email, DemoSeeder.DemoPassword));
        (await WithCookie(cookie, "/")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await WithCookie(cookie, "/api/v1/schools")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await browser.SignOutAsync()).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        SignInClient.IsSignInRedirect(await WithCookie(cookie, "/")).ShouldBeTrue("the page sends the old cookie to sign in");
        (await WithCookie(cookie, "/api/v1/schools")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        SignInClient.IsSignInRedirect(await browser.GetAsync("/")).ShouldBeTrue();
    }

    [Fact]
    public async Task Session_OlderThanTheAbsoluteLifetime_IsRefused_ThoughUsedWithinTheIdleTimeout()
    {
        var browser = SignInClient.Browser(_app);
        (await browser.SignInAsync(Email, DemoSeeder.DemoPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        _clock.Advance(TimeSpan.FromHours(5));
        (await browser.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);
        _clock.Advance(TimeSpan.FromHours(5));
        (await browser.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK, "10 hours in, used every 5 hours: still signed in");
        _clock.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1));
        SignInClient.IsSignInRedirect(await browser.GetAsync("/")).ShouldBeTrue("12 hours after sign-in the session is over");
        (await browser.GetAsync("/api/v1/schools")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        (await browser.SignInAsync(Email, DemoSeeder.DemoPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await browser.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK, "signing in again starts a new session");
    }

    [Fact]
    public async Task DisablingTheUser_FromASecondScope_RefusesTheirSessionOnTheNextRequest()
    {
        var cookie = await SignedInCookieAsync();
        await using (var scope = _app.Services.GetRequiredService<IServiceScopeFactory>().CreateScopeAs(ActingUsers.CommandLine()))
        {
            var id = await UserIdAsync(scope);
            (await scope.ServiceProvider.GetRequiredService<DisableUser>().RunAsync(id, null)).Succeeded.ShouldBeTrue();
        }
        SignInClient.IsSignInRedirect(await WithCookie(cookie, "/")).ShouldBeTrue("a disabled user's session ends at once");
    }

    [Fact]
    public async Task ChangingThePassword_FromASecondScope_RefusesTheOldSessionOnTheNextRequest()
    {
        var cookie = await SignedInCookieAsync();
        await using (var scope = _app.Services.GetRequiredService<IServiceScopeFactory>().CreateScopeAs(ActingUsers.CommandLine()))
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByIdAsync(await UserIdAsync(scope)))!;
            (await users.ChangePasswordAsync(user, DemoSeeder.DemoPassword, "A-new-password-for-the-session-test-1")).Succeeded.ShouldBeTrue();
        }
        SignInClient.IsSignInRedirect(await WithCookie(cookie, "/")).ShouldBeTrue("a changed password ends the other sessions at once");
        (await WithCookie(cookie, "/api/v1/schools")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task AStampChangedByAnotherProcess_RefusesTheSession_OnceTheSessionCheckStalenessHasPassed()
    {
        var cookie = await SignedInCookieAsync();
        // The command line writes the user's row itself, outside this app's user store (as another process would).
        await using (var db = _app.Database.CreateContext(ActingUsers.CommandLine()))
        {
            var user = await db.Users.SingleAsync(u => u.Email == Email);
            user.SecurityStamp = Guid.NewGuid().ToString("N");
            await db.SaveChangesAsync();
        }
        _clock.Advance(new SignInSecurityOptions().SessionCheckStaleness);
        SignInClient.IsSignInRedirect(await WithCookie(cookie, "/")).ShouldBeTrue("the stamp is read again once the staleness bound has passed");
    }

    private async Task<string> SignedInCookieAsync()
    {
        var cookie = SignInClient.AuthCookie(await SignInClient.Browser(_app).SignInAsync(Email, DemoSeeder.DemoPassword));
        (await WithCookie(cookie, "/")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await WithCookie(cookie, "/")).StatusCode.ShouldBe(HttpStatusCode.OK, "the second request uses the session check's copy of the stamp");
        return cookie;
    }

    private static async Task<string> UserIdAsync(AsyncServiceScope scope) =>
        (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(Email))!.Id;

    private async Task<HttpResponseMessage> WithCookie(string cookie, string url)
    {
        using var client = _app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }
}

public sealed class SessionEndTests_Sqlite() : SessionEndTests(DatabaseProvider.Sqlite);
public sealed class SessionEndTests_Postgres() : SessionEndTests(DatabaseProvider.Postgres);
