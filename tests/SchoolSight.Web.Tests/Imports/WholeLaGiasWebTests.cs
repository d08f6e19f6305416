using System.Net;
using System.Text;
using System.Text.Json;
using SchoolSight.Core.Data;
using SchoolSight.Domain.Access;
using SchoolSight.TestSupport;

namespace SchoolSight.Web.Tests.Imports;

/// <summary>A whole LA's GIAS file through the API and the page: what was skipped, the LA set up, the schools put in localities.</summary>
public abstract class WholeLaGiasWebTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly GiasTestFile Hampshire = WholeLaGiasFile.Build(850);
    private SchoolSightWebFactory _app = null!;

    public async Task InitializeAsync() => _app = await SchoolSightWebFactory.CreateAsync(provider);
    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static ByteArrayContent Csv(byte[] bytes) => ImportUploads.CsvContent(bytes);

    [Fact]
    public async Task PostGias_WithAWholeLaFileAndItsLocalitiesFile_SaysWhatWasSkipped_AndSetsUpTheLaAndLocalities()
    {
        var (a, b) = (Hampshire.Urn(Hampshire.Rows[0]), Hampshire.Urn(Hampshire.Rows[1]));
        using var form = new MultipartFormDataContent
        {
            { Csv(Hampshire.ToBytes()), "file", "edubasealldata.csv" },
            { new StringContent("850"), "laCodes" },
            { Csv(Encoding.UTF8.GetBytes($"URN,Locality\n{a},Meon Valley\n{b},Meon Valley\n")), "localities", "localities.csv" },
        };

        var response = await _app.ClientFor(Role.LaAdministrator).PostAsync("/api/v1/imports/gias", form);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        json.GetProperty("skipped").EnumerateArray().Select(s => (s.GetProperty("typeOfEstablishment").GetString(), s.GetProperty("count").GetInt32()))
            .ShouldBe([("Children's centre", 6), ("Children's centre linked site", 3), ("Further education", 10)]);
        json.GetProperty("lasRegistered").EnumerateArray().Select(l => l.GetString()).ShouldBe(["850 Hampshire"]);
        json.GetProperty("localitiesCreated").EnumerateArray().Select(l => l.GetString()).ShouldBe(["Meon Valley"]);
        json.GetProperty("placedInLocalities").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task PostGias_WithBothALocalitiesFileAndAColumn_Is400()
    {
        using var form = new MultipartFormDataContent
        {
            { Csv(Hampshire.ToBytes()), "file", "edubasealldata.csv" },
            { new StringContent("850"), "laCodes" },
            { Csv(Encoding.UTF8.GetBytes("URN,Locality\n115850,North\n")), "localities", "localities.csv" },
            { new StringContent("DistrictAdministrative (name)"), "localityColumn" },
        };

        var response = await _app.ClientFor(Role.LaAdministrator).PostAsync("/api/v1/imports/gias", form);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task TheImportPage_WithALocalityColumn_ShowsWhatWasSkipped_TheLaSetUp_AndTheLocalities()
    {
        var client = _app.ClientFor(Role.LaAdministrator);
        using var form = await client.GiasPageFormAsync();
        form.Add(Csv(Hampshire.ToBytes()), "Upload", "edubasealldata.csv");
        form.Add(new StringContent("850"), "LaCodes");
        form.Add(new StringContent("DistrictAdministrative (name)"), "LocalityColumn");

        var response = await client.PostAsync("/Imports/Gias", form);

        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("data-testid=\"import-applied\"");
        html.ShouldContain("19: 6 Children's centre, 3 Children's centre linked site, 10 Further education");
        html.ShouldContain("850 Hampshire");
        html.ShouldContain("Basingstoke and Deane");
    }

    [Fact]
    public async Task TheImportPage_WithALocalitiesFile_PutsTheSchoolsInTheirLocalities()
    {
        var client = _app.ClientFor(Role.LaAdministrator);
        var (a, b) = (Hampshire.Urn(Hampshire.Rows[0]), Hampshire.Urn(Hampshire.Rows[1]));
        using var form = await client.GiasPageFormAsync();
        form.Add(Csv(Hampshire.ToBytes()), "Upload", "edubasealldata.csv");
        form.Add(new StringContent("850"), "LaCodes");
        form.Add(Csv(Encoding.UTF8.GetBytes($"URN,Locality\n{a},Meon Valley\n{b},Meon Valley\n")), "Localities", "localities.csv");

        var html = WebUtility.HtmlDecode(await (await client.PostAsync("/Imports/Gias", form)).Content.ReadAsStringAsync());

        html.ShouldContain("2 schools placed; added Meon Valley");
    }

}

public sealed class WholeLaGiasWebTests_Sqlite() : WholeLaGiasWebTests(DatabaseProvider.Sqlite);
public sealed class WholeLaGiasWebTests_Postgres() : WholeLaGiasWebTests(DatabaseProvider.Postgres);
