using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using SchoolSight.Core.Data;
using SchoolSight.Core.Demo;
using SchoolSight.TestSupport;

namespace SchoolSight.Web.Tests.Account;

/// <summary>Two-factor sign-in with an authenticator app: set-up, signing in with a code or a recovery code, and the LA staff requirement.</summary>
public abstract partial class TwoFactorSignInTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string Officer = "qa@demo-borough.example";
    private SchoolSightWebFactory _app = null!;

    public async Task InitializeAsync() => _app = await SchoolSightWebFactory.CreateAsync(provider);
    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task AUser_SetsUpAnAuthenticator_ThenSignsInWithItsCode_OrOnceWithARecoveryCode()
    {
        var browser = SignInClient.Browser(_app);
        (await browser.SignInAsync(Officer, DemoSeeder.DemoPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var key = await SetUpAuthenticatorAsync(browser);
        var codes = RecoveryCodes().Matches(await browser.GetStringAsync("/Account/RecoveryCodes")).Select(m => m.Groups[1].Value).ToList();
        codes.Count.ShouldBe(10);
        (await browser.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK, "the session goes on after setting up");
        (await browser.GetStringAsync("/Account/TwoFactor")).ShouldContain("Two-factor sign-in is on");
        await browser.SignOutAsync();

        var password = await browser.SignInAsync(Officer, DemoSeeder.DemoPassword);
        password.Headers.Location!.ToString().ShouldStartWith("/Account/SignInCode");
        SignInClient.IsSignInRedirect(await browser.GetAsync("/")).ShouldBeTrue("the password alone does not sign in");
        var wrong = await CodeAsync(browser, "SignInCode", "000000" == Totp.Code(key, DateTimeOffset.UtcNow) ? "111111" : "000000");
        (await wrong.Content.ReadAsStringAsync()).ShouldContain("The code is not right");
        var signedIn = await CodeAsync(browser, "SignInCode", Totp.Code(key, DateTimeOffset.UtcNow));
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signedIn.Headers.Location!.ToString().ShouldBe("/");
        (await browser.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await browser.SignOutAsync();

        (await browser.SignInAsync(Officer, DemoSeeder.DemoPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await CodeAsync(browser, "SignInRecoveryCode", codes[0])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await browser.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await browser.SignOutAsync();

        (await browser.SignInAsync(Officer, DemoSeeder.DemoPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var reused = await CodeAsync(browser, "SignInRecoveryCode", codes[0]);
        reused.StatusCode.ShouldBe(HttpStatusCode.OK, "a recovery code works once");
        (await reused.Content.ReadAsStringAsync()).ShouldContain("has been used");
    }

    [Fact]
    public async Task RequiredTwoFactor_SendsLaStaffToSetUpFirst_AndLetsThemInOnceItIsOn()
    {
        await using var app = _app.WithWebHostBuilder(b => b.UseSetting("Security:RequireTwoFactorForLaRoles", "true"));
        var officer = ClientFor(app, Officer);
        var home = await officer.GetAsync("/");
        home.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        home.Headers.Location!.ToString().ShouldBe("/Account/SetUpAuthenticator");
        (await officer.GetAsync("/api/v1/schools")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await officer.GetStringAsync("/Account/SetUpAuthenticator")).ShouldContain("Your role needs two-factor sign-in");

        (await ClientFor(app, "head@demo-borough.example").GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK, "school users are not LA staff");

        await SetUpAuthenticatorAsync(officer);
        (await officer.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await officer.GetAsync("/api/v1/schools")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>Reads the key off the set-up page, turns two-factor sign-in on with a code made from it, and returns the key.</summary>
    private static async Task<string> SetUpAuthenticatorAsync(HttpClient client)
    {
        var page = await client.GetStringAsync("/Account/SetUpAuthenticator");
        var key = SharedKey().Match(page).Groups[1].Value;
        key.ShouldNotBeEmpty();
        var on = await client.PostFormAsync("/Account/SetUpAuthenticator", new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        on.StatusCode.ShouldBe(HttpStatusCode.Redirect, await on.Content.ReadAsStringAsync());
        on.Headers.Location!.ToString().ShouldBe("/Account/RecoveryCodes");
        return key;
    }

    private static Task<HttpResponseMessage> CodeAsync(HttpClient client, string page, string code) =>
        client.PostFormAsync($"/Account/{page}", new Dictionary<string, string> { ["Input.Code"] = code, ["ReturnUrl"] = "/" });

    private static HttpClient ClientFor(WebApplicationFactory<Program> app, string email)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(SchoolSightWebFactory.TestUserHeader, email);
        return client;
    }

    [GeneratedRegex("data-testid=\"shared-key\">([a-z2-7 ]+)<")]
    private static partial Regex SharedKey();

    [GeneratedRegex("<li><code>([^<]+)</code></li>")]
    private static partial Regex RecoveryCodes();
}

public sealed class TwoFactorSignInTests_Sqlite() : TwoFactorSignInTests(DatabaseProvider.Sqlite);
public sealed class TwoFactorSignInTests_Postgres() : TwoFactorSignInTests(DatabaseProvider.Postgres);
