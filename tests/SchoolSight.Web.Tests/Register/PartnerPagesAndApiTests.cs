using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SchoolSight.Core.Data;
using SchoolSight.Domain.Access;
using SchoolSight.TestSupport;

namespace SchoolSight.Web.Tests.Register;

public abstract class PartnerPagesAndApiTests(DatabaseProvider provider) : IAsyncLifetime
{
    private SchoolSightWebFactory _app = null!;

    public async Task InitializeAsync() => _app = await SchoolSightWebFactory.CreateAsync(provider);
    public async Task DisposeAsync() => await _app.DisposeAsync();

    private HttpClient Admin => _app.ClientFor(Role.LaAdministrator);

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    [Fact]
    public async Task EveryoneSignedIn_SeesPartnersWithContactDetails_FilteredByKind()
    {
        var html = await _app.ClientFor(Role.Partner).GetStringAsync("/Partners");
        html.ShouldContain("Demo Constabulary Safer Schools Team");
        html.ShouldContain("mailto:safer.schools@police.demo-borough.example");
        html.ShouldContain("Information-sharing agreement ISA-2026-04 in place.");
        html.ShouldNotContain("/Edit\"");

        var police = await _app.ClientFor(Role.Governor).GetStringAsync("/Partners?kind=Police");
        police.ShouldContain("Demo Constabulary Safer Schools Team");
        police.ShouldNotContain("Demo Borough School Nursing Service");
    }

    [Fact]
    public async Task Admin_AddsAPartner_AfterFixingABadEmail()
    {
        var client = Admin;
        var form = await HtmlForm.LoadAsync(client, "/Partners/Create");
        form.Set("Input.Name", "Demo Youth Service").Set("Input.Kind", "LocalAuthorityTeam").Set("Input.Email", "youth at demo");
        var bad = await form.PostAsync(client, "/Partners/Create");
        bad.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await bad.Content.ReadAsStringAsync();
        html.ShouldContain("href=\"#Input_Email\">Enter an email address in the correct format, like name@example.org</a>");

        var fixedForm = HtmlForm.Parse(html).Set("Input.Email", "youth@demo-borough.example");
        var good = await fixedForm.PostAsync(client, "/Partners/Create");
        good.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        good.Headers.Location!.ToString().ShouldStartWith("/Partners#partner-");
        var list = await client.GetStringAsync("/Partners");
        list.ShouldContain("Demo Youth Service has been added");
        list.ShouldContain("mailto:youth@demo-borough.example");
    }

    [Fact]
    public async Task TwoEditsOfAPartner_TheSecondGetsTheConflictMessage()
    {
        var client = Admin;
        var first = await HtmlForm.LoadAsync(client, "/Partners/1/Edit");
        var second = await HtmlForm.LoadAsync(client, "/Partners/1/Edit");
        (await first.Set("Input.ContactName", "Nia Bell-Jones").PostAsync(client, "/Partners/1/Edit")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var response = await second.Set("Input.Telephone", "01632 960199").PostAsync(client, "/Partners/1/Edit");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("This partner was changed by Alex Admin (LA administrator)");
        HtmlForm.Parse(html)["Input.ContactName"].ShouldBe("Nia Bell-Jones");
    }

    [Fact]
    public async Task Api_ListsGetsCreatesAndUpdates()
    {
        var police = await Json(await _app.ClientFor(Role.Partner).GetAsync("/api/v1/partners?kind=Police"));
        police.GetArrayLength().ShouldBe(1);
        police[0].GetProperty("kind").GetString().ShouldBe("Police");

        var one = await Json(await _app.ClientFor(Role.SchoolUser).GetAsync("/api/v1/partners/1"));
        one.GetProperty("version").GetInt32().ShouldBe(1);
        (await Admin.GetAsync("/api/v1/partners/4040")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var created = await Admin.PostAsJsonAsync("/api/v1/partners", new { name = "Demo Youth Service", kind = "LocalAuthorityTeam", email = "youth@demo-borough.example" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await Json(created)).GetProperty("id").GetInt32();

        var invalid = await Admin.PostAsJsonAsync("/api/v1/partners", new { name = "X", kind = "Police", email = "nope" });
        invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Json(invalid)).GetProperty("errors").GetProperty("email").GetArrayLength().ShouldBe(1);

        (await Admin.PutAsJsonAsync($"/api/v1/partners/{id}", new { name = "Demo Youth Service", kind = "LocalAuthorityTeam", telephone = "01632 960700", version = 1 }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Admin.PutAsJsonAsync($"/api/v1/partners/{id}", new { name = "Demo Youth Service", kind = "LocalAuthorityTeam", version = 1 }))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await _app.ClientFor(Role.Partner).PutAsJsonAsync($"/api/v1/partners/{id}", new { name = "Mine now", kind = "Other", version = 2 }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}

public sealed class PartnerPagesAndApiTests_Sqlite() : PartnerPagesAndApiTests(DatabaseProvider.Sqlite);
public sealed class PartnerPagesAndApiTests_Postgres() : PartnerPagesAndApiTests(DatabaseProvider.Postgres);
