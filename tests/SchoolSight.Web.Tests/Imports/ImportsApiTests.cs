using System.Net;
using System.Text.Json;
using SchoolSight.Core.Data;
using SchoolSight.Core.Demo;
using SchoolSight.Domain.Access;
using SchoolSight.TestSupport;

namespace SchoolSight.Web.Tests.Imports;

/// <summary>The imports API: the GIAS upload (200 applied, 422 rejected with every problem, 400 for a bad request) and the history.</summary>
public abstract class ImportsApiTests(DatabaseProvider provider) : IAsyncLifetime
{
    private SchoolSightWebFactory _app = null!;

    public async Task InitializeAsync() => _app = await SchoolSightWebFactory.CreateAsync(provider);
    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    [Fact]
    public async Task PostGias_WithTheRealFile_Imports()
    {
        var response = await _app.ClientFor(Role.LaAdministrator).PostGiasAsync(File.ReadAllBytes(SharedData.GiasHampshireSurrey), "850,936");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var json = await JsonAsync(response);
        json.GetProperty("outcome").GetString().ShouldBe("Applied");
        json.GetProperty("added").GetInt32().ShouldBe(1096);
        json.GetProperty("scope").GetString().ShouldBe("LA 850, 936");
        json.GetProperty("notices").GetArrayLength().ShouldBe(0, "GIAS figures are kept as GIAS gives them");
    }

    [Fact]
    public async Task PostGias_WithABadFile_Is422WithEveryProblem()
    {
        var file = GiasTestFile.Real();
        file.Set(file.Urn(file.Rows[0]), "CloseDate", "2020-08-31").Set(file.Urn(file.Rows[1]), "EstablishmentStatus (name)", "Shut");

        var response = await _app.ClientFor(Role.LaAdministrator).PostGiasAsync(file.ToBytes(), "850");

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var json = await JsonAsync(response);
        json.GetProperty("title").GetString().ShouldBe("The file was not imported. Nothing has been changed.");
        json.GetProperty("importId").GetInt64().ShouldBeGreaterThan(0);
        var errors = json.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("line").GetInt32(), e.GetProperty("column").GetString())).ToList();
        errors.ShouldBe([(2, "CloseDate"), (3, "EstablishmentStatus (name)")]);
    }

    [Fact]
    public async Task PostGias_WithoutAFileOrLaCodes_Is400()
    {
        var response = await _app.ClientFor(Role.LaAdministrator).PostGiasAsync(null, null, allLas: false, extra: ("note", "no file"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await JsonAsync(response)).GetProperty("errors");
        errors.TryGetProperty("file", out _).ShouldBeTrue();
        errors.TryGetProperty("laCodes", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task PostGias_ForASchoolUser_IsForbiddenAndImportsNothing()
    {
        var response = await _app.ClientFor(Role.SchoolUser).PostGiasAsync(File.ReadAllBytes(SharedData.GiasHampshireSurrey), "850");

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        await using var db = _app.Database.CreateContext();
        db.Imports.Count(i => i.UserName != DemoPupilData.ImportedBy).ShouldBe(0);
    }

    [Fact]
    public async Task History_ListsAndGetsImports()
    {
        var client = _app.ClientFor(Role.LaAdministrator);
        await client.PostGiasAsync(File.ReadAllBytes(SharedData.GiasHampshireSurrey), "850");
        await client.PostGiasAsync([], "850");

        var list = await JsonAsync(await client.GetAsync("/api/v1/imports"));
        // Besides the demo's own data imports.
        list.GetProperty("total").GetInt32().ShouldBe(2 + DemoPupilData.Years * 2);
        var newest = list.GetProperty("imports")[0];
        newest.GetProperty("outcome").GetString().ShouldBe("Rejected");
        newest.GetProperty("firstErrors")[0].GetString().ShouldBe("The file is empty: it has no header row and no establishments");

        var id = list.GetProperty("imports")[1].GetProperty("id").GetInt64();
        var one = await JsonAsync(await client.GetAsync($"/api/v1/imports/{id}"));
        (one.GetProperty("added").GetInt32(), one.GetProperty("sha256").GetString()!.Length).ShouldBe((520, 64));
        (await client.GetAsync("/api/v1/imports/424242")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

public sealed class ImportsApiTests_Sqlite() : ImportsApiTests(DatabaseProvider.Sqlite);
public sealed class ImportsApiTests_Postgres() : ImportsApiTests(DatabaseProvider.Postgres);
