using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SchoolSight.Core.Data;
using SchoolSight.Core.Demo;
using SchoolSight.Domain.Access;
using SchoolSight.TestSupport;

namespace SchoolSight.Web.Tests.Register;

public abstract class SchoolsApiTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const int Own = DemoSeeder.DemoHeadSchoolUrn;
    private SchoolSightWebFactory _app = null!;

    public async Task InitializeAsync() => _app = await SchoolSightWebFactory.CreateAsync(provider);
    public async Task DisposeAsync() => await _app.DisposeAsync();

    private HttpClient Admin => _app.ClientFor(Role.LaAdministrator);

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static object NewSchool(int urn, string name = "Kestrel Fields Primary School") => new
    {
        urn,
        name,
        laCode = 999,
        typeOfEstablishment = "Community school",
        phaseOfEducation = "Primary",
        status = "Open",
        numberOfPupils = 180,
        percentageFsm = 21.5,
        openDate = "2026-09-01",
    };

    [Fact]
    public async Task List_FiltersSortsAndPages_LikeThePage()
    {
        var json = await Json(await Admin.GetAsync("/api/v1/schools?phase=Secondary&sort=Pupils&order=Desc"));
        var rows = json.GetProperty("rows").EnumerateArray().ToList();
        json.GetProperty("total").GetInt32().ShouldBe(rows.Count);
        rows.ShouldAllBe(r => r.GetProperty("phase").GetString() == "Secondary");
        rows.Select(r => r.GetProperty("numberOfPupils").GetInt32()).ShouldBeInOrder(SortDirection.Descending);
        json.GetProperty("pageSize").GetInt32().ShouldBe(25);
        json.GetProperty("options").GetProperty("localities").GetArrayLength().ShouldBe(4);

        var all = await Json(await Admin.GetAsync("/api/v1/schools?page=2"));
        all.GetProperty("page").GetInt32().ShouldBe(2);
        all.GetProperty("rows").GetArrayLength().ShouldBe(25);
    }

    [Fact]
    public async Task List_ForASchoolUser_HasOnlyTheirSchool()
    {
        var json = await Json(await _app.ClientFor(Role.SchoolUser).GetAsync("/api/v1/schools"));
        json.GetProperty("total").GetInt32().ShouldBe(1);
        json.GetProperty("rows")[0].GetProperty("urn").GetInt32().ShouldBe(Own);
    }

    [Fact]
    public async Task Get_GivesTheProfile_OrProblemDetails()
    {
        var response = await Admin.GetAsync($"/api/v1/schools/{Own}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var json = await Json(response);
        json.GetProperty("urn").GetInt32().ShouldBe(Own);
        json.GetProperty("details").GetProperty("status").GetString().ShouldBe("Open");
        json.GetProperty("version").GetInt32().ShouldBe(1);
        json.GetProperty("locality").GetProperty("name").GetString().ShouldNotBeNullOrEmpty();
        json.GetProperty("clusters").GetArrayLength().ShouldBeGreaterThan(0);

        var missing = await Admin.GetAsync("/api/v1/schools/123456");
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        missing.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");

        var forbidden = await _app.ClientFor(Role.Governor).GetAsync($"/api/v1/schools/{DemoSeeder.OtherDemoSchoolUrn}");
        forbidden.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        forbidden.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task Create_Gives201WithTheProfile_AndRefusesADuplicateUrn()
    {
        var created = await Admin.PostAsJsonAsync("/api/v1/schools", NewSchool(999500));
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        created.Headers.Location!.ToString().ShouldBe("/api/v1/schools/999500");
        var json = await Json(created);
        json.GetProperty("phase").GetString().ShouldBe("Primary");
        json.GetProperty("details").GetProperty("openDate").GetString().ShouldBe("2026-09-01");

        var duplicate = await Admin.PostAsJsonAsync("/api/v1/schools", NewSchool(999500, "Copy"));
        duplicate.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        duplicate.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await Json(duplicate)).GetProperty("errors").GetProperty("urn")[0].GetString().ShouldBe("A school with URN 999500 is already on the register");
    }

    [Fact]
    public async Task Create_WithInvalidValues_IsAValidationProblemByField()
    {
        var response = await Admin.PostAsJsonAsync("/api/v1/schools", new { urn = 0, name = "", laCode = 1000, typeOfEstablishment = "Community school", percentageFsm = -1 });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await Json(response)).GetProperty("errors");
        errors.EnumerateObject().Select(e => e.Name).ShouldBe(["urn", "name", "laCode", "percentageFsm"], ignoreOrder: true);
    }

    [Fact]
    public async Task Update_SavesFromTheCurrentVersion_And409sAStaleOne()
    {
        var current = await Json(await Admin.GetAsync($"/api/v1/schools/{Own}"));
        var details = current.GetProperty("details");
        object Body(string name, int version) => new
        {
            name,
            laCode = 999,
            typeOfEstablishment = details.GetProperty("typeOfEstablishment").GetString(),
            phaseOfEducation = details.GetProperty("phaseOfEducation").GetString(),
            numberOfPupils = 120,
            version,
        };

        var saved = await Admin.PutAsJsonAsync($"/api/v1/schools/{Own}", Body("Renamed Nursery School", 1));
        saved.StatusCode.ShouldBe(HttpStatusCode.OK);
        var json = await Json(saved);
        json.GetProperty("version").GetInt32().ShouldBe(2);
        json.GetProperty("details").GetProperty("name").GetString().ShouldBe("Renamed Nursery School");
        json.GetProperty("clusters").GetArrayLength().ShouldBe(current.GetProperty("clusters").GetArrayLength(), "clusterIds left out keeps them");

        var stale = await Admin.PutAsJsonAsync($"/api/v1/schools/{Own}", Body("Stale Nursery School", 1));
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        stale.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await Json(stale)).GetProperty("detail").GetString()!.ShouldContain("changed by Alex Admin (LA administrator)");

        (await Admin.PutAsJsonAsync("/api/v1/schools/123456", Body("Nowhere", 1))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var invalid = await Admin.PutAsJsonAsync($"/api/v1/schools/{Own}", Body("", 2));
        invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Json(invalid)).GetProperty("errors").GetProperty("name")[0].GetString().ShouldBe("Enter the school name");
    }

    [Fact]
    public async Task CreateAndUpdate_AreRefusedToOtherRoles()
    {
        foreach (var role in new[] { Role.SeniorManager, Role.SchoolUser, Role.Governor, Role.Partner })
        {
            var client = _app.ClientFor(role);
            var post = await client.PostAsJsonAsync("/api/v1/schools", NewSchool(999600));
            post.StatusCode.ShouldBe(HttpStatusCode.Forbidden, role + ": " + await post.Content.ReadAsStringAsync());
            (await client.PutAsJsonAsync($"/api/v1/schools/{Own}", NewSchool(Own))).StatusCode.ShouldBe(HttpStatusCode.Forbidden, role.ToString());
        }
        (await _app.ClientFor(Role.Partner).GetAsync("/api/v1/schools")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}

public sealed class SchoolsApiTests_Sqlite() : SchoolsApiTests(DatabaseProvider.Sqlite);
public sealed class SchoolsApiTests_Postgres() : SchoolsApiTests(DatabaseProvider.Postgres);
