using System.Net;
using SchoolSight.Core.Data;
using SchoolSight.Core.Demo;
using SchoolSight.TestSupport;

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
