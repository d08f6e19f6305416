using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MiniExcelLibs;
using SchoolSight.Core.Demo;
using SchoolSight.Domain.Access;
using SchoolSight.TestSupport;

namespace SchoolSight.Web.Tests.HealthySchools;

/// <summary>
/// The QUAS report over Demo Borough (six schools in the enhancement model; the stage 4 form of one waits for the panel,
/// another finds no service to train lunchtime play leaders): the page, its files and the API, and who may see them.
/// </summary>
public abstract class QuasReportPagesTests(HealthySchoolsApp fixture)
{
    private SchoolSightWebFactory App => fixture.App;
    private const int Waiting = DemoSeeder.DemoHeadSchoolUrn + 4;
    private const int Awarded = DemoSeeder.DemoHeadSchoolUrn + 6;

    [Theory]
    [InlineData(Role.QuasPanelMember)]
    [InlineData(Role.HealthySchoolsCoordinator)]
    [InlineData(Role.SeniorManager)]
    public async Task QuasReportPage_ShowsRecruitmentStagesWaitingOutcomesAndPriorities(Role role)
    {
        var page = await App.ClientFor(role).GetStringAsync("/HealthySchools/Report");

        page.ShouldContain("<h1 class=\"govuk-heading-l\">QUAS report");
        foreach (var table in new[] { "recruitment-locality", "recruitment-cluster", "stages", "schools", "pending", "outcomes", "recurring", "no-service" })
            page.ShouldContain($"data-testid=\"{table}\"");
        page.ShouldContain("Stage 4 form");
        page.ShouldContain("the oldest for 21 days");
        page.ShouldContain("Training for lunchtime play leaders: no local service or partner offers it.");
        page.ShouldContain("have no partner named");
        page.ShouldContain("href=\"/HealthySchools/Report\"");
    }

    [Fact]
    public async Task QuasReportPage_ForALocalityWithNoEngagedSchool_SaysSoInSentences_AndABadYearIsNamedInTheErrorSummary()
    {
        var client = App.ClientFor(Role.QuasPanelMember);
        var empty = await client.GetStringAsync("/HealthySchools/Report?year=1995");
        empty.ShouldContain("QUAS report 1995/96");
        empty.ShouldContain("data-testid=\"schools-empty\"");
        empty.ShouldContain("No school has engaged with the enhancement model yet.");

        var bad = await client.GetStringAsync("/HealthySchools/Report?year=next");
        bad.ShouldContain("govuk-error-summary");
        bad.ShouldContain("Choose an academic year from the list");
        (await client.GetAsync("/HealthySchools/Report?year=next&format=csv")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.GetAsync("/HealthySchools/Report?format=docx")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task QuasReport_DownloadsAsExcelCsvAndPdf_WithTheSameFigures()
    {
        var client = App.ClientFor(Role.QuasPanelMember);

        using var workbook = new MemoryStream(await client.GetByteArrayAsync("/HealthySchools/Report?format=xlsx"));
        var waiting = workbook.Query(useHeaderRow: true, sheetName: "Approvals waiting", excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        waiting.Select(r => ((string?)r["Waiting for"], Convert.ToInt32(r["Days waiting"]))).ShouldContain(("Stage 4 form", 21));
        var schools = workbook.Query(useHeaderRow: true, sheetName: "Schools", excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        schools.Count.ShouldBe(6);
        schools.Select(r => Convert.ToInt32(r["URN"])).ShouldContain(Awarded);

        var csv = await client.GetAsync("/HealthySchools/Report?format=csv");
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        (await csv.Content.ReadAsStringAsync()).ShouldContain("Priorities with no service to work with");

        var pdf = await client.GetAsync("/HealthySchools/Report?format=pdf");
        pdf.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var text = await PdfText.ExtractAsync(await pdf.Content.ReadAsByteArrayAsync());
        text.ShouldContain("the evidence for commissioning");
        text.ShouldContain("Approvals waiting for the QUAS");
        text.ShouldContain("Training for lunchtime play leaders");
    }

    [Fact]
    public async Task QuasReportApi_AnswersTheReport_AndASchoolsNoServiceAnswerReachesIt()
    {
        var coordinator = App.ClientFor(Role.HealthySchoolsCoordinator);
        var version = JsonDocument.Parse(await coordinator.GetStringAsync($"/api/v1/schools/{Awarded}/healthy-schools")).RootElement.GetProperty("version").GetInt32();
        var saved = await coordinator.PutAsJsonAsync($"/api/v1/schools/{Awarded}/healthy-schools/priorities/1/no-service", new { note = "A weight management service for children", version });
        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());

        using var report = JsonDocument.Parse(await App.ClientFor(Role.SeniorManager).GetStringAsync("/api/v1/healthy-schools/report"));
        var root = report.RootElement;
        root.GetProperty("totals").GetProperty("engaged").GetInt32().ShouldBe(6);
        root.GetProperty("oldestWaitingDays").GetInt32().ShouldBe(21);
        root.GetProperty("pending")[0].GetProperty("kind").GetString().ShouldBe("StageFourForm");
        root.GetProperty("pending")[0].GetProperty("urn").GetInt32().ShouldBe(Waiting);
        root.GetProperty("noServicePriorities").EnumerateArray().SelectMany(p => p.GetProperty("notes").EnumerateArray().Select(n => n.GetString()))
            .ShouldContain(n => n!.EndsWith(": A weight management service for children", StringComparison.Ordinal));
        (await App.ClientFor(Role.SeniorManager).GetAsync("/api/v1/healthy-schools/report?year=2100")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ASchool_SaysOnItsPageThatNoServiceIsAvailableForAPriority()
    {
        var coordinator = App.ClientFor(Role.HealthySchoolsCoordinator);
        const int Monitoring = DemoSeeder.DemoHeadSchoolUrn + 5;
        var page = $"/Schools/{Monitoring}/HealthySchools";
        (await coordinator.GetStringAsync(page)).ShouldContain("data-testid=\"no-service-form\"");
        var version = JsonDocument.Parse(await coordinator.GetStringAsync($"/api/v1/schools/{Monitoring}/healthy-schools")).RootElement.GetProperty("version").GetInt32();
        var response = await coordinator.PostFormAsync($"{page}?handler=NoService",
            new Dictionary<string, string> { ["NoService.PriorityNumber"] = "1", ["NoService.Note"] = "A cycling instructor for Year 5", ["NoService.Version"] = $"{version}" }, page);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await coordinator.GetStringAsync(page)).ShouldContain("No service available to work with:</strong> A cycling instructor for Year 5");
    }

    [Theory]
    [InlineData(Role.SchoolUser)]
    [InlineData(Role.Partner)]
    [InlineData(Role.Governor)]
    [InlineData(Role.LaAdministrator)]
    public async Task QuasReport_IsRefusedToOtherRoles(Role role)
    {
        var client = App.ClientFor(role);
        Access.AccessMatrixTests.IsRefused(await client.GetAsync("/HealthySchools/Report")).ShouldBeTrue();
        Access.AccessMatrixTests.IsRefused(await client.GetAsync("/HealthySchools/Report?format=pdf")).ShouldBeTrue();
        (await client.GetAsync("/api/v1/healthy-schools/report")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}

public sealed class QuasReportPagesTests_Sqlite(SqliteHealthySchoolsApp app) : QuasReportPagesTests(app), IClassFixture<SqliteHealthySchoolsApp>;

public sealed class QuasReportPagesTests_Postgres(PostgresHealthySchoolsApp app) : QuasReportPagesTests(app), IClassFixture<PostgresHealthySchoolsApp>;
