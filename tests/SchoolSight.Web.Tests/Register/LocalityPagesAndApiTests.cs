using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SchoolSight.Core.Data;
using SchoolSight.Core.Demo;
using SchoolSight.Domain.Access;
using SchoolSight.TestSupport;

namespace SchoolSight.Web.Tests.Register;

public abstract class LocalityPagesAndApiTests(DatabaseProvider provider) : IAsyncLifetime
{
    private SchoolSightWebFactory _app = null!;
    private int _north;

    public async Task InitializeAsync()
    {
        _app = await SchoolSightWebFactory.CreateAsync(provider);
        using var scope = _app.Services.CreateScope();
        _north = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Localities.Where(l => l.Name == "North").Select(l => l.Id).SingleAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private HttpClient Admin => _app.ClientFor(Role.LaAdministrator);

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    [Fact]
    public async Task List_ShowsEachLocalityWithItsBoardAndSchoolCounts()
    {
        var html = await _app.ClientFor(Role.SeniorManager).GetStringAsync("/Localities");
        foreach (var name in new[] { "North", "South", "East", "West" }) html.ShouldContain($">{name}</a>");
        html.ShouldContain("North Locality School Effectiveness Board");
        html.ShouldNotContain("href=\"/Localities/Create\"");
        (await Admin.GetStringAsync("/Localities")).ShouldContain("href=\"/Localities/Create\"");
    }

    [Fact]
    public async Task Details_ListsTheLocalitysSchools_ScopedForASip()
    {
        var all = await Admin.GetStringAsync($"/Localities/{_north}");
        all.ShouldContain("North Locality School Effectiveness Board");
        all.ShouldContain($"href=\"/Schools/{DemoSeeder.DemoHeadSchoolUrn}\"");
        all.ShouldContain($"href=\"/Localities/{_north}/Edit\"");

        var sip = await _app.ClientFor(Role.SchoolImprovementPartner).GetStringAsync($"/Localities/{_north}");
        sip.ShouldContain($"href=\"/Schools/{DemoSeeder.DemoHeadSchoolUrn}\"");
        sip.ShouldNotContain($"href=\"/Schools/{DemoSeeder.DemoHeadSchoolUrn + 4}\"", customMessage: "a North school not assigned to the SIP");
        sip.ShouldNotContain("/Edit\"");
        (await Admin.GetAsync("/Localities/4040")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task SchoolUsers_CannotSeeLocalities()
    {
        var response = await _app.ClientFor(Role.SchoolUser).GetAsync("/Localities");
        (response.StatusCode == HttpStatusCode.Forbidden || response.Headers.Location?.ToString().Contains("AccessDenied") == true).ShouldBeTrue();
    }

    [Fact]
    public async Task Admin_AddsALocalityThroughTheForm_AndAStaleEditIsRefused()
    {
        var client = Admin;
        var created = await (await HtmlForm.LoadAsync(client, "/Localities/Create"))
            .Set("Input.Name", "Central").Set("Input.BoardName", "Central Board").PostAsync(client, "/Localities/Create");
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var url = created.Headers.Location!.ToString();
        var page = await client.GetStringAsync(url);
        page.ShouldContain("Central has been added");
        page.ShouldContain("Central Board");

        var first = await HtmlForm.LoadAsync(client, url + "/Edit");
        var second = await HtmlForm.LoadAsync(client, url + "/Edit");
        (await first.Set("Input.BoardName", "Central Locality Board").PostAsync(client, url + "/Edit")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stale = await second.Set("Input.Name", "Middle").PostAsync(client, url + "/Edit");
        stale.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await stale.Content.ReadAsStringAsync();
        html.ShouldContain("This locality was changed by Alex Admin (LA administrator)");
        HtmlForm.Parse(html)["Input.BoardName"].ShouldBe("Central Locality Board");

        var empty = await (await HtmlForm.LoadAsync(client, "/Localities/Create")).Set("Input.Name", "").PostAsync(client, "/Localities/Create");
        empty.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await empty.Content.ReadAsStringAsync()).ShouldContain("href=\"#Input_Name\">Enter the locality name</a>");
    }

    [Fact]
    public async Task Api_ListsGetsCreatesAndUpdates()
    {
        var list = await Json(await _app.ClientFor(Role.InterventionOfficer).GetAsync("/api/v1/localities"));
        list.GetArrayLength().ShouldBe(4);
        list[0].GetProperty("openSchools").GetInt32().ShouldBeGreaterThan(0);

        var one = await Json(await Admin.GetAsync($"/api/v1/localities/{_north}"));
        one.GetProperty("name").GetString().ShouldBe("North");
        one.GetProperty("schools").GetArrayLength().ShouldBeGreaterThan(0);
        (await Admin.GetAsync("/api/v1/localities/4040")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var created = await Admin.PostAsJsonAsync("/api/v1/localities", new { name = "Central", boardName = "Central Board" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await Json(created)).GetProperty("id").GetInt32();
        created.Headers.Location!.ToString().ShouldBe($"/api/v1/localities/{id}");

        var duplicate = await Admin.PostAsJsonAsync("/api/v1/localities", new { name = "central" });
        duplicate.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Json(duplicate)).GetProperty("errors").GetProperty("name")[0].GetString().ShouldBe("There is already a locality called central");

        (await Admin.PutAsJsonAsync($"/api/v1/localities/{id}", new { name = "Central", boardName = "New Board", version = 1 })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var stale = await Admin.PutAsJsonAsync($"/api/v1/localities/{id}", new { name = "Centre", version = 1 });
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await Json(stale)).GetProperty("detail").GetString()!.ShouldContain("changed by Alex Admin (LA administrator)");
        (await Admin.PutAsJsonAsync("/api/v1/localities/4040", new { name = "Nowhere", version = 1 })).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        (await _app.ClientFor(Role.SeniorManager).PostAsJsonAsync("/api/v1/localities", new { name = "Nope" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await _app.ClientFor(Role.SchoolUser).GetAsync("/api/v1/localities")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}

public sealed class LocalityPagesAndApiTests_Sqlite() : LocalityPagesAndApiTests(DatabaseProvider.Sqlite);
public sealed class LocalityPagesAndApiTests_Postgres() : LocalityPagesAndApiTests(DatabaseProvider.Postgres);
