using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SchoolSight.Core.Data;
using SchoolSight.Core.Demo;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Auditing;
using SchoolSight.TestSupport;

namespace SchoolSight.Web.Tests.Administration;

public abstract class UsersAndAuditTests(DatabaseProvider provider) : IAsyncLifetime
{
    private SchoolSightWebFactory _app = null!;

    public async Task InitializeAsync() => _app = await SchoolSightWebFactory.CreateAsync(provider);
    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task SignIn_WithTheRightPassword_SetsTheCookie_AndIsAudited()
    {
        var client = _app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var response = await client.PostFormAsync("/Account/SignIn", new Dictionary<string, string>
        {
            ["Input.Email"] = "smt@demo-borough.example",
            ["Input.Password"] = DemoSeeder.DemoPassword,
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await using var db = Context();
        (await db.AuditEntries.CountAsync(a => a.Action == AuditAction.SignedIn && a.UserName == "smt@demo-borough.example")).ShouldBe(1);

        // The audit trail names who by name and role, with the sign-in name the administrator filters by beneath.
        var audit = await _app.ClientFor(Role.LaAdministrator).GetStringAsync("/Audit?UserName=smt%40demo-borough.example&Action=SignedIn");
        System.Net.WebUtility.HtmlDecode(audit).ShouldContain("Sam Senior · Senior management team member");
    }

    [Fact]
    public async Task SignIn_FiveWrongPasswords_LocksTheAccount()
    {
        var client = _app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        string html = "";
        for (var i = 0; i < 6; i++)
        {
            var response = await client.PostFormAsync("/Account/SignIn", new Dictionary<string, string>
            {
                ["Input.Email"] = "qa@demo-borough.example",
                ["Input.Password"] = "Wrong-password-" + i,
            });
            html = await response.Content.ReadAsStringAsync();
        }
        html.ShouldContain("locked");
        var right = await client.PostFormAsync("/Account/SignIn", new Dictionary<string, string>
        {
            ["Input.Email"] = "qa@demo-borough.example",
            ["Input.Password"] = DemoSeeder.DemoPassword,
        });
        right.StatusCode.ShouldBe(HttpStatusCode.OK, "a locked account is not signed in even with the right password");
    }

    [Fact]
    public async Task AUser_ChangesTheirPassword_AndSignsInWithTheNewOne()
    {
        var client = _app.ClientFor(Role.Governor);
        var wrong = await client.PostFormAsync("/Account/ChangePassword", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = "not-my-password",
            ["Input.NewPassword"] = "A-new-password-42",
            ["Input.ConfirmPassword"] = "A-new-password-42",
        });
        (await wrong.Content.ReadAsStringAsync()).ShouldContain("Your current password is not right");

        var right = await client.PostFormAsync("/Account/ChangePassword", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = DemoSeeder.DemoPassword,
            ["Input.NewPassword"] = "A-new-password-42",
            ["Input.ConfirmPassword"] = "A-new-password-42",
        });
        right.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var browser = _app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var signIn = await browser.PostFormAsync("/Account/SignIn", new Dictionary<string, string>
        {
            ["Input.Email"] = "governor@demo-borough.example",
            ["Input.Password"] = "A-new-password-42",
        });
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Admin_CreatesASchoolUser_BoundToTheirSchool()
    {
        var admin = _app.ClientFor(Role.LaAdministrator);
        var response = await admin.PostFormAsync("/Users/Create", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Robin Deputy",
            ["Input.Email"] = "deputy@demo-borough.example",
            ["Input.Role"] = nameof(Role.SchoolUser),
            ["Input.SchoolUrn"] = DemoSeeder.OtherDemoSchoolUrn.ToString(),
            ["Input.Password"] = "A-strong-password-9",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var deputy = _app.ClientFor("deputy@demo-borough.example");
        (await deputy.GetAsync($"/api/v1/schools/{DemoSeeder.OtherDemoSchoolUrn}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await deputy.GetAsync($"/api/v1/schools/{DemoSeeder.DemoHeadSchoolUrn}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Admin_CreatingASchoolUserWithoutASchool_GetsAnErrorAndNoUser()
    {
        var admin = _app.ClientFor(Role.LaAdministrator);
        var response = await admin.PostFormAsync("/Users/Create", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "No School",
            ["Input.Email"] = "noschool@demo-borough.example",
            ["Input.Role"] = nameof(Role.SchoolUser),
            ["Input.Password"] = "A-strong-password-9",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("govuk-error-summary");
        html.ShouldContain("school user&#x27;s school");
        await using var db = Context();
        (await db.Users.AnyAsync(u => u.Email == "noschool@demo-borough.example")).ShouldBeFalse();
    }

    [Fact]
    public async Task AuditPage_ShowsChanges_AndFiltersByRecordType()
    {
        var admin = _app.ClientFor(Role.LaAdministrator);
        var html = await admin.GetStringAsync("/Audit?EntityType=Partner&Action=Created");
        html.ShouldContain("Demo Borough School Nursing Service");
        html.ShouldNotContain("<td class=\"govuk-table__cell\">School 999001</td>");

        var second = await admin.GetStringAsync("/Audit?p=2");
        second.ShouldContain("aria-label=\"Page 2\" aria-current=\"page\"");
    }

    private AppDbContext Context() => _app.Services.CreateScope().ServiceProvider.GetRequiredService<AppDbContext>();
}

public sealed class UsersAndAuditTests_Sqlite() : UsersAndAuditTests(DatabaseProvider.Sqlite);
public sealed class UsersAndAuditTests_Postgres() : UsersAndAuditTests(DatabaseProvider.Postgres);
