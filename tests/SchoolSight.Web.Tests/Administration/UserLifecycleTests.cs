using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SchoolSight.Core.Access;
using SchoolSight.Core.Data;
using SchoolSight.Core.Demo;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Auditing;
using SchoolSight.TestSupport;
using SchoolSight.Web.Authentication;

namespace SchoolSight.Web.Tests.Administration;

public abstract partial class UserLifecycleTests(DatabaseProvider provider) : IAsyncLifetime
{
    private SchoolSightWebFactory _app = null!;

    public async Task InitializeAsync() => _app = await SchoolSightWebFactory.CreateAsync(provider);
    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Admin_DisablesAUser_WhoCannotSignIn_AndIsSignedOut()
    {
        // Check the security stamp on every request, so the signed-in session's end shows at once.
        await using var app = _app.WithWebHostBuilder(b => b.ConfigureServices(s =>
            s.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero)));
        var qa = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        (await SignInAsync(qa, "qa@demo-borough.example", DemoSeeder.DemoPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await qa.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var id = await IdOfAsync("qa@demo-borough.example");
        var admin = _app.ClientFor(Role.LaAdministrator);
        var confirm = await admin.GetStringAsync($"/Users/{id}/Disable");
        confirm.ShouldContain("Are you sure you want to disable");
        var response = await admin.PostFormAsync($"/Users/{id}/Disable", new Dictionary<string, string> { ["ConcurrencyStamp"] = Stamp(confirm) });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var open = await qa.GetAsync("/");
        open.StatusCode.ShouldBe(HttpStatusCode.Redirect, "their open session ends");
        open.Headers.Location!.ToString().ShouldContain("/Account/SignIn");
        var browser = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var right = await SignInAsync(browser, "qa@demo-borough.example", DemoSeeder.DemoPassword);
        right.StatusCode.ShouldBe(HttpStatusCode.OK, "no sign-in with the right password");
        WebUtility.HtmlDecode(await right.Content.ReadAsStringAsync()).ShouldContain(SignInMessages.Disabled);
        var wrong = await SignInAsync(browser, "qa@demo-borough.example", "Not-the-password-1");
        var wrongPage = WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync());
        wrongPage.ShouldNotContain(SignInMessages.Disabled, customMessage: "only the right password learns the account is disabled");
        wrongPage.ShouldContain(SignInMessages.Locked);

        var list = await admin.GetStringAsync("/Users");
        Regex.IsMatch(list, "qa@demo-borough.example</td>.*?Disabled</strong>.*?/Enable", RegexOptions.Singleline).ShouldBeTrue();
        await using var db = Context();
        (await db.AuditEntries.SingleAsync(a => a.Action == AuditAction.UserDisabled)).UserName.ShouldBe("admin@demo-borough.example");
    }

    [Theory]
    [InlineData(Role.SeniorManager)]
    [InlineData(Role.SchoolUser)]
    public async Task SomeoneNotAnAdministrator_CannotReachTheActions(Role role)
    {
        var id = await IdOfAsync("qa@demo-borough.example");
        var client = _app.ClientFor(role);
        foreach (var action in new[] { "Disable", "Enable", "ResetPassword" })
        {
            var get = await client.GetAsync($"/Users/{id}/{action}");
            get.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
            get.Headers.Location?.ToString().ShouldContain("AccessDenied");
            var post = await client.PostFormAsync($"/Users/{id}/{action}", new Dictionary<string, string>(), getUrl: "/Account/ChangePassword");
            post.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
            post.Headers.Location?.ToString().ShouldContain("AccessDenied");
        }
        await using var db = Context();
        (await db.Users.SingleAsync(u => u.Id == id)).IsDisabled().ShouldBeFalse();
        (await db.AuditEntries.AnyAsync(a => a.Action == AuditAction.UserDisabled || a.Action == AuditAction.PasswordResetLinkIssued)).ShouldBeFalse();
    }

    [Fact]
    public async Task TheLastAdministrator_CannotDisableThemselves()
    {
        var id = await IdOfAsync("admin@demo-borough.example");
        var admin = _app.ClientFor(Role.LaAdministrator);
        var confirm = await admin.GetStringAsync($"/Users/{id}/Disable");
        confirm.ShouldContain("This is your own account");

        var response = await admin.PostFormAsync($"/Users/{id}/Disable", new Dictionary<string, string> { ["ConcurrencyStamp"] = Stamp(confirm) });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("govuk-error-summary");
        html.ShouldContain("last active LA administrator");
        await using var db = Context();
        (await db.Users.SingleAsync(u => u.Id == id)).IsDisabled().ShouldBeFalse();
    }

    [Fact]
    public async Task Admin_ResetsAPassword_TheUserSetsANewOneWithTheLink_Once()
    {
        var id = await IdOfAsync("mi@demo-borough.example");
        var admin = _app.ClientFor(Role.LaAdministrator);
        var confirm = await admin.GetStringAsync($"/Users/{id}/ResetPassword");
        var answer = await admin.PostFormAsync($"/Users/{id}/ResetPassword", new Dictionary<string, string> { ["ConcurrencyStamp"] = Stamp(confirm) });
        answer.Headers.CacheControl!.NoStore.ShouldBeTrue();
        var link = new Uri(WebUtility.HtmlDecode(ResetLink().Match(await answer.Content.ReadAsStringAsync()).Groups[1].Value));
        link.AbsolutePath.ShouldBe("/Account/ResetPassword");

        var user = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var fields = new Dictionary<string, string> { ["Input.NewPassword"] = "A-new-password-42", ["Input.ConfirmPassword"] = "A-new-password-42" };
        (await user.PostFormAsync(link.PathAndQuery, fields)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await SignInAsync(user, "mi@demo-borough.example", "A-new-password-42")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var again = await _app.AnonymousClient().PostFormAsync(link.PathAndQuery, new Dictionary<string, string>(fields) { ["Input.NewPassword"] = "Yet-another-one-43", ["Input.ConfirmPassword"] = "Yet-another-one-43" });
        (await again.Content.ReadAsStringAsync()).ShouldContain("has expired or has already been used");
        await using var db = Context();
        (await db.AuditEntries.Where(a => a.EntityKey == id).Select(a => a.Changes).ToListAsync())
            .ShouldAllBe(c => c == null || !c.Contains(link.Query.Split("token=", StringSplitOptions.None)[1]));
    }

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password) =>
        await client.PostFormAsync("/Account/SignIn", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    private async Task<string> IdOfAsync(string email)
    {
        await using var db = Context();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    private static string Stamp(string page) => WebUtility.HtmlDecode(ConcurrencyStamp().Match(page).Groups[1].Value);

    private AppDbContext Context() => _app.Services.CreateScope().ServiceProvider.GetRequiredService<AppDbContext>();

    [GeneratedRegex("name=\"ConcurrencyStamp\" value=\"([^\"]*)\"")]
    private static partial Regex ConcurrencyStamp();

    [GeneratedRegex("data-testid=\"reset-link\">([^<]+)<")]
    private static partial Regex ResetLink();
}

public sealed class UserLifecycleTests_Sqlite() : UserLifecycleTests(DatabaseProvider.Sqlite);
public sealed class UserLifecycleTests_Postgres() : UserLifecycleTests(DatabaseProvider.Postgres);
