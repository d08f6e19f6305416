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

public abstract class ClusterPagesAndApiTests(DatabaseProvider provider) : IAsyncLifetime
{
    private SchoolSightWebFactory _app = null!;
    private int _northfield;

    public async Task InitializeAsync()
    {
        _app = await SchoolSightWebFactory.CreateAsync(provider);
        _northfield = await Read(db => db.Clusters.Where(c => c.Name == "Northfield Cluster").Select(c => c.Id).SingleAsync());
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private HttpClient Admin => _app.ClientFor(Role.LaAdministrator);

    private async Task<T> Read<T>(Func<AppDbContext, Task<T>> query)
    {
        using var scope = _app.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    private Task<List<int>> Members(int cluster) =>
        Read(db => db.ClusterMemberships.IgnoreQueryFilters().Where(m => m.ClusterId == cluster).Select(m => m.Urn).OrderBy(u => u).ToListAsync());

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    [Fact]
    public async Task ListAndDetails_ShowGroupsAndTheirMembers()
    {
        var list = await _app.ClientFor(Role.QualityAssuranceManager).GetStringAsync("/Clusters");
        list.ShouldContain("Riverside Learning Network");
        list.ShouldContain("Learning community");
        var details = await _app.ClientFor(Role.QualityAssuranceManager).GetStringAsync($"/Clusters/{_northfield}");
        details.ShouldContain($"href=\"/Schools/{DemoSeeder.DemoHeadSchoolUrn}\"");
        details.ShouldNotContain("/Edit\"");
        (await Admin.GetAsync("/Clusters/4040")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Admin_AddsASchoolByUrn_AndRemovesTickedMembers()
    {
        var before = await Members(_northfield);
        var leaving = before[0];
        var joining = Enumerable.Range(DemoSeeder.DemoHeadSchoolUrn, 70).First(u => !before.Contains(u));
        var url = $"/Clusters/{_northfield}/Edit";
        var client = Admin;

        var response = await (await HtmlForm.LoadAsync(client, url))
            .Set("Input.RemoveUrns", leaving.ToString()).Set("AddUrns", joining.ToString()).PostAsync(client, url);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe($"/Clusters/{_northfield}");
        var after = await Members(_northfield);
        after.ShouldContain(joining);
        after.ShouldNotContain(leaving);
        after.Count.ShouldBe(before.Count);
        (await Read(db => db.Clusters.Where(c => c.Id == _northfield).Select(c => c.Version).SingleAsync())).ShouldBe(2);
    }

    [Fact]
    public async Task Edit_WithAnUnknownOrBadUrn_ShowsTheErrorAndChangesNothing()
    {
        var url = $"/Clusters/{_northfield}/Edit";
        var client = Admin;
        var before = await Members(_northfield);

        var unknown = await (await HtmlForm.LoadAsync(client, url)).Set("AddUrns", "999999").PostAsync(client, url);
        unknown.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await unknown.Content.ReadAsStringAsync()).ShouldContain("href=\"#Input_AddUrns\">There is no school with URN 999999 on the register</a>");

        var letters = await (await HtmlForm.LoadAsync(client, url)).Set("AddUrns", "99900x").PostAsync(client, url);
        var html = await letters.Content.ReadAsStringAsync();
        html.ShouldContain("Enter URNs as numbers, like 100001");
        html.ShouldContain("value=\"99900x\"");
        (await Members(_northfield)).ShouldBe(before);
    }

    [Fact]
    public async Task Admin_AddsAGroupWithItsFirstMembers()
    {
        var client = Admin;
        var response = await (await HtmlForm.LoadAsync(client, "/Clusters/Create"))
            .Set("Input.Name", "Southside Network").Set("Input.Kind", "Network").Set("AddUrns", "999010, 999011")
            .PostAsync(client, "/Clusters/Create");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var id = int.Parse(response.Headers.Location!.ToString().Split('/')[^1]);
        (await Members(id)).ShouldBe([999010, 999011]);

        var noKind = await (await HtmlForm.LoadAsync(client, "/Clusters/Create")).Set("Input.Name", "Another").PostAsync(client, "/Clusters/Create");
        (await noKind.Content.ReadAsStringAsync()).ShouldContain("href=\"#Input_Kind\">Choose whether it is a cluster, a network or a learning community</a>");
    }

    [Fact]
    public async Task Api_CreatesAndEditsMembers_WithConflictsAndNotFound()
    {
        var created = await Admin.PostAsJsonAsync("/api/v1/clusters", new { name = "API Network", kind = "Network", addUrns = new[] { 999020, 999021 } });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var json = await Json(created);
        var id = json.GetProperty("id").GetInt32();
        json.GetProperty("kind").GetString().ShouldBe("Network");
        json.GetProperty("members").GetArrayLength().ShouldBe(2);

        var edited = await Admin.PutAsJsonAsync($"/api/v1/clusters/{id}", new { name = "API Network", kind = "Network", version = 1, addUrns = new[] { 999022 }, removeUrns = new[] { 999020 } });
        edited.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Json(edited)).GetProperty("members").EnumerateArray().Select(m => m.GetProperty("urn").GetInt32()).ShouldBe([999021, 999022], ignoreOrder: true);

        var stale = await Admin.PutAsJsonAsync($"/api/v1/clusters/{id}", new { name = "API Network", kind = "Network", version = 1, removeUrns = new[] { 999021 } });
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await Members(id)).ShouldBe([999021, 999022]);

        (await Admin.GetAsync("/api/v1/clusters/4040")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var invalid = await Admin.PostAsJsonAsync("/api/v1/clusters", new { name = "" });
        invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Json(invalid)).GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe(["name", "kind"], ignoreOrder: true);

        var sip = await Json(await _app.ClientFor(Role.SchoolImprovementPartner).GetAsync($"/api/v1/clusters/{_northfield}"));
        sip.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("urn").GetInt32())
            .ShouldAllBe(u => u == 999001 || u == 999004 || u == 999011 || u == 999041);
    }
}

public sealed class ClusterPagesAndApiTests_Sqlite() : ClusterPagesAndApiTests(DatabaseProvider.Sqlite);
public sealed class ClusterPagesAndApiTests_Postgres() : ClusterPagesAndApiTests(DatabaseProvider.Postgres);
