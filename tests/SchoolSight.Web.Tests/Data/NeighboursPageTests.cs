using System.Net;
using System.Text.Json;
using SchoolSight.Core.Data;
using SchoolSight.Domain.Access;
using SchoolSight.TestSupport;

namespace SchoolSight.Web.Tests.Data;

/// <summary>Demo Borough (with Hampshire's published figures) against England, the South East and its statistical neighbours.</summary>
public abstract class NeighboursPageTests(DatabaseProvider provider) : IAsyncLifetime
{
    private SchoolSightWebFactory _app = null!;

    public async Task InitializeAsync() => _app = await SchoolSightWebFactory.CreateAsync(provider);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task ThePage_ShowsTheHeadlineIndicators_WithTheRankQuartileAndTrend()
    {
        var html = await _app.ClientFor(Role.QualityAssuranceManager).GetStringAsync("/Data/Neighbours");
        html.ShouldContain("Demo Borough (demo: Hampshire&#x27;s published figures)");
        html.ShouldContain("data-testid=\"neighbour-table\"");
        html.ShouldContain("South East");
        html.ShouldContain("Statistical neighbours: Surrey, West Sussex, Kent");
        // Hampshire's 63.0% in 2025, as counted by hand from the DfE's file: rank 63 of 151 LAs, second quartile.
        var ks2 = html[html.IndexOf("data-measure=\"KS2RWM_Expected_STD\"", StringComparison.Ordinal)..];
        ks2 = ks2[..ks2.IndexOf("</tr>", StringComparison.Ordinal)];
        ks2.ShouldContain("<strong>63.0</strong>");
        ks2.ShouldContain("63 of 151");
        ks2.ShouldContain("second quartile");
        ks2.ShouldContain("since 2024");
        html.ShouldNotContain("href=\"/Data/NeighbourList\"");
    }

    [Theory]
    [InlineData("csv", "text/csv")]
    [InlineData("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    public async Task ThePage_DownloadsAsCsvAndExcel(string format, string type)
    {
        var response = await _app.ClientFor(Role.SeniorManager).GetAsync("/Data/Neighbours?format=" + format);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(type);
        if (format == "csv")
        {
            var csv = await response.Content.ReadAsStringAsync();
            csv.ShouldContain("KS2RWM_Expected_STD");
            csv.ShouldContain(",63.0,");
            csv.ShouldContain("Rank in England (1 = best)");
        }
    }

    [Fact]
    public async Task TheSelfEvaluationCell_OfAStandardSpeakingOfTheTopQuartile_ShowsTheNationalPositionAsEvidence()
    {
        var client = _app.ClientFor(Role.SeniorManager);
        using var latest = JsonDocument.Parse(await client.GetStringAsync("/api/v1/la-self-evaluation"));
        var year = latest.RootElement.GetProperty("year").GetInt32();
        var primary = await client.GetStringAsync($"/LaSelfEvaluation/Cell?year={year}&standard=2.2&phase=Primary");
        primary.ShouldContain("data-testid=\"national-position\"");
        primary.ShouldContain("Pupils meeting the expected standard in reading, writing and mathematics at key stage 2, 2025: Demo Borough");
        primary.ShouldContain("ranked 63 of 151 LAs in England (second quartile) among the LAs with a figure, 1 the best (higher is better)");
        primary.ShouldNotContain("Attainment 8");
        (await client.GetStringAsync($"/LaSelfEvaluation/Cell?year={year}&standard=2.5&phase=Secondary")).ShouldContain("Average Attainment 8 score per pupil, 2025");
        (await client.GetStringAsync($"/LaSelfEvaluation/Cell?year={year}&standard=1.2&phase=Primary")).ShouldNotContain("national-position");
    }

    [Theory]
    [InlineData(Role.SchoolUser)]
    [InlineData(Role.Governor)]
    [InlineData(Role.Partner)]
    public async Task ASchoolUser_IsRefused(Role role) =>
        (await _app.ClientFor(role).GetAsync("/Data/Neighbours")).StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);

    [Fact]
    public async Task TheAdministrator_ChangesTheNeighbours_TheListCheckedWhole()
    {
        var admin = _app.ClientFor(Role.LaAdministrator);
        (await admin.GetStringAsync("/Data/Neighbours")).ShouldContain("href=\"/Data/NeighbourList\"");
        var refused = await admin.PostFormAsync("/Data/NeighbourList", new Dictionary<string, string> { ["Input.Codes"] = "936, 936, 886" });
        var page = await refused.Content.ReadAsStringAsync();
        page.ShouldContain("<title>Error:");
        page.ShouldContain("936 is given twice.");
        page.ShouldContain("Give exactly 10 LA codes: 3 given.");

        var saved = await admin.PostFormAsync("/Data/NeighbourList", new Dictionary<string, string> { ["Input.Codes"] = "845, 938, 886, 881, 919, 931, 825, 916, 885, 865" });
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await admin.GetStringAsync("/Data/Neighbours")).ShouldContain("Statistical neighbours: East Sussex, West Sussex");
        (await _app.ClientFor(Role.SeniorManager).GetAsync("/Data/NeighbourList")).StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
    }
}

public sealed class NeighboursPageTests_Sqlite() : NeighboursPageTests(DatabaseProvider.Sqlite);
public sealed class NeighboursPageTests_Postgres() : NeighboursPageTests(DatabaseProvider.Postgres);
