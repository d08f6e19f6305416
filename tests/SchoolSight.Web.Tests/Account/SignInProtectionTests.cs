using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SchoolSight.Core.Access;
using SchoolSight.Core.Data;
using SchoolSight.Core.Demo;
using SchoolSight.Domain.Access;
using SchoolSight.TestSupport;

namespace SchoolSight.Web.Tests.Account;

/// <summary>
/// Sign-in says nothing about which accounts exist (same hash work, same words, same lockout), limits attempts per
/// address and per account, and counts wrong current passwords on the change-password page towards lockout.
/// </summary>
public abstract class SignInProtectionTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string RealAccount = "qa@demo-borough.example";
    private const string UnknownAccount = "nobody@demo-borough.example";
    private const string NotRight = "The email address or password is not right.";
    private const string Locked = "This account is locked after too many failed attempts.";
    private SchoolSightWebFactory _app = null!;

    public async Task InitializeAsync() => _app = await SchoolSightWebFactory.CreateAsync(provider);
    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task SignIn_UnknownAccount_DoesThePasswordHashWork_AndGivesTheSameAnswerAsAWrongPassword()
    {
        var hasher = new CountingPasswordHasher();
        await using var app = _app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IPasswordHasher<AppUser>>(hasher)));
        var browser = SignInClient.Browser(app);

        var real = await browser.SignInAsync(RealAccount, "Wrong-password-1");
        var realChecks = hasher.Verifications;
        var unknown = await browser.SignInAsync(UnknownAccount, "Wrong-password-1");

        realChecks.ShouldBe(1);
        (hasher.Verifications - realChecks).ShouldBe(1, "an unknown account's password is checked against a hash too");
        real.StatusCode.ShouldBe(HttpStatusCode.OK);
        unknown.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await real.Content.ReadAsStringAsync()).ShouldContain(NotRight);
        (await unknown.Content.ReadAsStringAsync()).ShouldContain(NotRight);
    }

    [Fact]
    public async Task SignIn_UnknownAccount_IsLockedAfterFiveFailures_ExactlyAsARealAccountIs()
    {
        var hasher = new CountingPasswordHasher();
        await using var app = _app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IPasswordHasher<AppUser>>(hasher)));
        var browser = SignInClient.Browser(app);

        async Task<(List<bool> Locked, int Checks)> SixWrongAttempts(string email)
        {
            var before = hasher.Verifications;
            var locked = new List<bool>();
            for (var i = 0; i < 6; i++)
                locked.Add((await (await browser.SignInAsync(email, "Wrong-password-" + i)).Content.ReadAsStringAsync()).Contains(Locked, StringComparison.Ordinal));
            return (locked, hasher.Verifications - before);
        }

        var real = await SixWrongAttempts(RealAccount);
        var unknown = await SixWrongAttempts(UnknownAccount);

        real.Locked.ShouldBe([false, false, false, false, true, true]);
        unknown.Locked.ShouldBe(real.Locked);
        unknown.Checks.ShouldBe(real.Checks);
    }

    [Fact]
    public async Task SignIn_MoreAttemptsFromOneAddressThanTheLimit_AreRefusedWith429()
    {
        await using var app = _app.WithWebHostBuilder(b => b.UseSetting("Security:AttemptsPerAddress", "3"));
        var browser = SignInClient.Browser(app);
        for (var i = 0; i < 3; i++)
            (await browser.SignInAsync($"someone{i}@demo-borough.example", "Wrong-password-1")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var refused = await browser.SignInAsync(RealAccount, DemoSeeder.DemoPassword);
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter.ShouldNotBeNull();
        var html = await refused.Content.ReadAsStringAsync();
        html.ShouldContain("Too many attempts");
        html.ShouldContain("govuk-heading-l");
        (await browser.GetAsync("/Account/SignIn")).StatusCode.ShouldBe(HttpStatusCode.OK, "only attempts count, not reading the page");
    }

    [Fact]
    public async Task SignIn_MoreAttemptsForOneAccountThanTheLimit_AreRefusedWith429_WhileOtherAccountsMayTry()
    {
        await using var app = _app.WithWebHostBuilder(b => b.UseSetting("Security:AttemptsPerAccount", "3"));
        var browser = SignInClient.Browser(app);
        for (var i = 0; i < 3; i++)
            (await browser.SignInAsync(RealAccount, "Wrong-password-1")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await browser.SignInAsync(" QA@demo-borough.example", DemoSeeder.DemoPassword)).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await browser.SignInAsync("smt@demo-borough.example", DemoSeeder.DemoPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task ChangePassword_MoreAttemptsThanTheAccountLimit_AreRefusedWith429()
    {
        await using var app = _app.WithWebHostBuilder(b => b.UseSetting("Security:AttemptsPerAccount", "3"));
        var client = ClientFor(app, "governor@demo-borough.example");
        for (var i = 0; i < 3; i++)
            (await ChangePasswordAsync(client, "Wrong-password-" + i)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ChangePasswordAsync(client, DemoSeeder.DemoPassword)).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task ChangePassword_WrongCurrentPasswords_CountTowardsLockout()
    {
        var client = _app.ClientFor(Role.Governor);
        string html = "";
        for (var i = 0; i < 5; i++)
            html = await (await ChangePasswordAsync(client, "Wrong-password-" + i)).Content.ReadAsStringAsync();
        html.ShouldContain(Locked);

        var browser = SignInClient.Browser(_app);
        var signIn = await browser.SignInAsync("governor@demo-borough.example", DemoSeeder.DemoPassword);
        signIn.StatusCode.ShouldBe(HttpStatusCode.OK, "the right password does not sign a locked account in");
        (await signIn.Content.ReadAsStringAsync()).ShouldContain(Locked);
    }

    private static Task<HttpResponseMessage> ChangePasswordAsync(HttpClient client, string current) =>
        client.PostFormAsync("/Account/ChangePassword", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = current,
            ["Input.NewPassword"] = "A-new-password-42",
            ["Input.ConfirmPassword"] = "A-new-password-42",
        });

    private static HttpClient ClientFor(WebApplicationFactory<Program> app, string email)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(SchoolSightWebFactory.TestUserHeader, email);
        return client;
    }

    /// <summary>Identity's password hasher, counting the passwords it checks.</summary>
    private sealed class CountingPasswordHasher : IPasswordHasher<AppUser>
    {
        private readonly PasswordHasher<AppUser> _inner = new();
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public string HashPassword(AppUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}

public sealed class SignInProtectionTests_Sqlite() : SignInProtectionTests(DatabaseProvider.Sqlite);
public sealed class SignInProtectionTests_Postgres() : SignInProtectionTests(DatabaseProvider.Postgres);
