using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SchoolSight.Core.Data;
using SchoolSight.Domain.Access;
using SchoolSight.TestSupport;

namespace SchoolSight.Web.Tests.LaSelfEvaluation;

/// <summary>The RAG dashboard and the self-evaluation API over Demo Borough (last year rated and signed off).</summary>
public abstract class SelfEvaluationPagesAndApiTests(DatabaseProvider provider) : IAsyncLifetime
{
    private SchoolSightWebFactory _app = null!;

    public async Task InitializeAsync() => _app = await SchoolSightWebFactory.CreateAsync(provider);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task TheDashboard_ShowsLastYearsReadout_WithColourAndText_AndTheOverallRule()
    {
        var lastYear = await LastYearAsync();
        var page = await _app.ClientFor(Role.InterventionOfficer).GetStringAsync("/LaSelfEvaluation");
        page.ShouldContain("data-testid=\"rag-dashboard\"");
        page.ShouldContain("govuk-tag govuk-tag--red\" title=\"Requires significant improvement\">SI");
        page.ShouldContain("Primary overall");
        page.ShouldContain("at least 75% of its rated parts");
        page.ShouldContain("Signed off by smt@demo-borough.example");
        page.ShouldContain("Peer review: G");
        page.ShouldNotContain("data-testid=\"save-rating\"");
        (await _app.ClientFor(Role.InterventionOfficer).GetStringAsync("/LaSelfEvaluation/Cell?year=" + lastYear + "&standard=2.4&phase=Primary"))
            .ShouldContain("Reports of school improvement partners show all seven features of a good report.");
    }

    [Fact]
    public async Task TheDashboard_DownloadsAsExcel()
    {
        var response = await _app.ClientFor(Role.SeniorManager).GetAsync($"/LaSelfEvaluation?year={await LastYearAsync()}&format=xlsx");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    [Fact]
    public async Task Rating_ThroughTheApi_FollowsTheCriticalCriteriaRule_AndVersions()
    {
        var qa = _app.ClientFor(Role.QualityAssuranceManager);
        var year = await LastYearAsync() + 1;
        var url = $"/api/v1/la-self-evaluation/{year}/ratings/1.2/Secondary";
        var refused = await qa.PutAsJsonAsync(url, new { rating = "Good", criteriaMet = new[] { "1.2-g-monitoring" }, version = 0 });
        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("Good needs the critical criterion");

        var saved = await qa.PutAsJsonAsync(url, new { rating = "Good", criteriaMet = new[] { "1.2-g-vision" }, evidence = "LA data | /Data/La", version = 0 });
        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        using var cell = JsonDocument.Parse(await saved.Content.ReadAsStringAsync());
        cell.RootElement.GetProperty("colour").GetString().ShouldBe("green");
        cell.RootElement.GetProperty("version").GetInt32().ShouldBe(1);

        var stale = await _app.ClientFor(Role.SeniorManager).PutAsJsonAsync(url, new { rating = "RequiresSomeImprovement", version = 0 });
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var signOff = await _app.ClientFor(Role.SeniorManager).PostAsJsonAsync($"/api/v1/la-self-evaluation/{year}/moves/sign-off", new { reason = "Agreed.", version = 1 });
        signOff.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await signOff.Content.ReadAsStringAsync()).ShouldContain("Rate every standard before signing off");
    }

    /// <summary>The year the demo rated: the latest the dashboard has.</summary>
    private async Task<int> LastYearAsync()
    {
        using var latest = JsonDocument.Parse(await _app.ClientFor(Role.InterventionOfficer).GetStringAsync("/api/v1/la-self-evaluation"));
        latest.RootElement.GetProperty("status").GetString().ShouldBe("signed-off");
        return latest.RootElement.GetProperty("year").GetInt32();
    }
}

public sealed class SelfEvaluationPagesAndApiTests_Sqlite() : SelfEvaluationPagesAndApiTests(DatabaseProvider.Sqlite);
public sealed class SelfEvaluationPagesAndApiTests_Postgres() : SelfEvaluationPagesAndApiTests(DatabaseProvider.Postgres);
