using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SchoolSight.Core.Data;
using SchoolSight.Core.Published;
using SchoolSight.Domain.Access;
using SchoolSight.TestSupport;

namespace SchoolSight.Web.Tests.Data;

/// <summary>
/// The demo LA's figures with the DfE's own LA row beside them: the LA holds a few schools' pupil data, while the DfE's
/// KS2 row for the LA counts 14,855 pupils (the real Hampshire row of the KS2 example file, given the demo LA's code).
/// </summary>
public abstract class CoverageApp(DatabaseProvider provider) : IAsyncLifetime
{
    public SchoolSightWebFactory App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = await SchoolSightWebFactory.CreateAsync(provider);
        await IndicatorTestData.SeedAsync(App.Services);
        var lines = await File.ReadAllLinesAsync(RepoData.Path("..", "..", "docs", "imports", "examples", "ks2_850_2018-19_example.csv"));
        var file = string.Join("\r\n", lines.Select(l => l.StartsWith("3,", StringComparison.Ordinal) ? l.Replace(",850,", ",999,") : l)) + "\r\n";
        await using var scope = App.Services.GetRequiredService<IServiceScopeFactory>().CreateScopeAs(new FixedCurrentUser("admin@demo-borough.example"));
        var import = scope.ServiceProvider.GetRequiredService<ImportPublished>();
        var result = await import.RunAsync(new PublishedImportRequest(PublishedSource.Ks2, new MemoryStream(Encoding.UTF8.GetBytes(file)), "ks2_la.csv", IndicatorTestData.LatestYear));
        result.Value!.Applied.ShouldBeTrue();
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

public sealed class SqliteCoverageApp() : CoverageApp(DatabaseProvider.Sqlite);
public sealed class PostgresCoverageApp() : CoverageApp(DatabaseProvider.Postgres);

public abstract class AreaCoverageTests(CoverageApp data)
{
    private SchoolSightWebFactory App => data.App;
    private HttpClient Officer => App.ClientFor(Role.InterventionOfficer);

    [Fact]
    public async Task TheLaPage_SaysWhichSchoolsItCounted_AndWarnsThatItsFigureIsPartial()
    {
        var html = await Officer.GetStringAsync("/Data/La?indicator=KS2_RWM_EXP&year=2024");

        html.ShouldContain("data-testid=\"coverage-warning\"");
        html.ShouldContain("Partial figure: it counts");
        html.ShouldContain("of 14,855 pupils");
        html.ShouldContain("state-funded mainstream and special schools");
        html.ShouldContain("data-cell=\"published\">68.0%<");
        // The export carries the same note.
        var csv = Encoding.UTF8.GetString(await Officer.GetByteArrayAsync("/Data/La?indicator=KS2_RWM_EXP&year=2024&format=csv"));
        csv.ShouldContain("of 14,855 pupils");
        csv.ShouldContain("Partial figure");
    }

    [Fact]
    public async Task TheFiguresApi_GivesAnLasRowsToLaStaff_WithCoverage_AndRefusesSchoolStaff()
    {
        using var json = JsonDocument.Parse(await Officer.GetStringAsync("/api/v1/figures?area=la:999&year=2024"));
        json.RootElement.GetProperty("academicYear").GetInt32().ShouldBe(2024);
        var rwm = json.RootElement.GetProperty("rows").EnumerateArray()
            .Single(r => r.GetProperty("indicatorId").GetString() == "KS2_RWM_EXP" && r.GetProperty("group").GetString() == "All");
        rwm.GetProperty("dfeColumn").GetString().ShouldBe("PTRWM_EXP");
        rwm.GetProperty("publishedPupils").GetDouble().ShouldBe(14855);
        rwm.GetProperty("publishedValue").GetDecimal().ShouldBe(68m);
        rwm.GetProperty("partial").GetBoolean().ShouldBeTrue();

        var csv = await Officer.GetAsync("/api/v1/figures?area=la:999&year=2024&format=csv");
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        (await csv.Content.ReadAsStringAsync()).ShouldContain("indicator_id");

        var school = App.ClientFor(Role.SchoolUser);
        (await school.GetAsync("/api/v1/figures?area=la:999")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await school.GetAsync("/api/v1/figures?area=school:999001")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await school.GetAsync("/api/v1/figures?area=school:999007")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Officer.GetAsync("/api/v1/figures?area=county:1")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}

public sealed class AreaCoverageTests_Sqlite(SqliteCoverageApp data) : AreaCoverageTests(data), IClassFixture<SqliteCoverageApp>;
public sealed class AreaCoverageTests_Postgres(PostgresCoverageApp data) : AreaCoverageTests(data), IClassFixture<PostgresCoverageApp>;
