using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using SchoolSight.Core.Data;
using SchoolSight.Core.Demo;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.ImprovingOutcomes;
using SchoolSight.TestSupport;

namespace SchoolSight.Web.Tests.Programme;

/// <summary>One app over the Demo Borough data (with its four programme cases) for all the programme page tests of a database.</summary>
public abstract class ProgrammeApp(DatabaseProvider provider) : IAsyncLifetime
{
    public SchoolSightWebFactory App { get; private set; } = null!;

    public async Task InitializeAsync() => App = await SchoolSightWebFactory.CreateAsync(provider);

    public async Task DisposeAsync() => await App.DisposeAsync();

    /// <summary>The first meeting held of a case.</summary>
    public async Task<int> HeldMeetingOf(int caseId)
    {
        using var scope = App.Services.CreateScope();
        var c = await scope.ServiceProvider.GetRequiredService<AppDbContext>().ProgrammeCases.Include(x => x.Meetings).SingleAsync(x => x.Id == caseId);
        return c.Meetings.Where(m => m.HeldOn != null).OrderBy(m => m.HeldOn).First().Id;
    }

    /// <summary>The demo case at a school, by URN.</summary>
    public async Task<int> CaseAt(int urn)
    {
        using var scope = App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().ProgrammeCases.Where(c => c.Urn == urn).Select(c => c.Id).SingleAsync();
    }
}

public sealed class SqliteProgrammeApp() : ProgrammeApp(DatabaseProvider.Sqlite);
public sealed class PostgresProgrammeApp() : ProgrammeApp(DatabaseProvider.Postgres);

public abstract class ProgrammePagesTests(ProgrammeApp fixture)
{
    private SchoolSightWebFactory App => fixture.App;
    private const int HeadSchool = DemoSeeder.DemoHeadSchoolUrn;
    private const int ProposedSchool = DemoSeeder.DemoHeadSchoolUrn + 3;
    private const int AgreedSchool = DemoSeeder.DemoHeadSchoolUrn + 20;

    [Fact]
    public async Task EveryPageOfACase_RendersForEveryoneWhoMayReadIt()
    {
        var id = await fixture.CaseAt(HeadSchool);
        var pages = new[] { "", "/Entry", "/Plan", "/ManagementGroup", "/Meetings", $"/Meetings/{await fixture.HeldMeetingOf(id)}", "/Funding", "/Exit" };
        foreach (var role in ProgrammeRoles.Readers)
        {
            var client = App.ClientFor(role);
            (await client.GetStringAsync("/Programme")).ShouldContain("Ashcombe Nursery School", customMessage: $"dashboard as {role}");
            foreach (var page in pages)
            {
                var response = await client.GetAsync($"/Programme/Cases/{id}{page}");
                response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{page} as {role}");
                (await response.Content.ReadAsStringAsync()).ShouldContain("Ashcombe Nursery School");
            }
        }
        foreach (var role in ProgrammeRoles.LaProgrammeStaff)
        {
            (await App.ClientFor(role).GetAsync($"/Programme/Cases/{id}/Intervention")).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await App.ClientFor(role).GetAsync("/Programme/Quarterly")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        var action = JsonDocument.Parse(await App.ClientFor(Role.SchoolUser).GetStringAsync($"/api/v1/programme/cases/{id}/actions")).RootElement[0].GetProperty("id").GetInt32();
        (await App.ClientFor(Role.SchoolUser).GetAsync($"/Programme/Cases/{id}/Plan/Actions/{action}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await App.ClientFor(Role.LaAdministrator).GetAsync("/Programme/Calendar/1/Edit")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await App.ClientFor(Role.HealthySchoolsCoordinator).GetStringAsync("/Programme/Calendar")).ShouldContain("2026/27");
    }

    [Fact]
    public async Task ManagementGroupPage_ListsTheSipVisitsLinkedToItsMeetings_ForRolesThatMayReadThem()
    {
        var id = await fixture.CaseAt(HeadSchool);
        foreach (var role in ProgrammeRoles.Readers)
        {
            var page = await App.ClientFor(role).GetStringAsync($"/Programme/Cases/{id}/ManagementGroup");
            if (role.Allows(Resource.SipVisit, ResourceAction.Read))
            {
                page.ShouldContain("data-testid=\"linked-visits\"", customMessage: $"as {role}");
                page.ShouldContain("href=\"/Sip/Visits/", customMessage: $"as {role}");
            }
            else page.ShouldNotContain("linked-visits", customMessage: $"as {role}");
        }
    }

    [Theory]
    [InlineData(Role.SchoolUser)]
    [InlineData(Role.Governor)]
    public async Task ASchoolUser_CannotSeeAnotherSchoolsCase(Role role)
    {
        var other = await fixture.CaseAt(ProposedSchool);
        var client = App.ClientFor(role);
        var dashboard = await client.GetStringAsync("/Programme");
        dashboard.ShouldContain("Ashcombe Nursery School");
        dashboard.ShouldNotContain($"/Programme/Cases/{other}\"");
        foreach (var page in new[] { "", "/Plan", "/Meetings", "/Funding", "/Exit" })
            (await client.GetAsync($"/Programme/Cases/{other}{page}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync($"/api/v1/programme/cases/{other}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var api = await client.GetStringAsync("/api/v1/programme/cases");
        api.ShouldContain($"\"urn\":{HeadSchool}");
        api.ShouldNotContain($"\"urn\":{ProposedSchool}");
        (await client.PostAsJsonAsync($"/api/v1/programme/cases/{other}/actions", new { description = "x", owner = "y", dueOn = "2027-01-01", successCriteria = "5 visits" }))
            .StatusCode.ShouldBeOneOf(HttpStatusCode.NotFound, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ASip_SeesTheCasesOfTheirAssignedSchoolsOnly()
    {
        var sip = App.ClientFor(Role.SchoolImprovementPartner);
        (await sip.GetAsync($"/Programme/Cases/{await fixture.CaseAt(ProposedSchool)}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await sip.GetAsync($"/Programme/Cases/{await fixture.CaseAt(AgreedSchool)}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TheCasePage_ShowsTheDecisionsOpenToTheReader_AndTheDeadlines()
    {
        var proposed = await fixture.CaseAt(ProposedSchool);
        (await App.ClientFor(Role.SeniorManager).GetStringAsync($"/Programme/Cases/{proposed}")).ShouldContain($"/Programme/Cases/{proposed}/Decide?move=AgreeEntry");
        var asOfficer = await App.ClientFor(Role.InterventionOfficer).GetStringAsync($"/Programme/Cases/{proposed}");
        asOfficer.ShouldNotContain("move=AgreeEntry");
        asOfficer.ShouldContain("There is no decision for you to make at this stage.");

        var active = await App.ClientFor(Role.InterventionOfficer).GetStringAsync($"/Programme/Cases/{await fixture.CaseAt(HeadSchool)}");
        active.ShouldContain("Tier 2: intensive support");
        active.ShouldContain("Agenda for the programme meeting on");
        active.ShouldContain("7 days before the meeting on");
        active.ShouldContain("move=MoveToTargetedSupport");
        active.ShouldNotContain("Record the exit strategy agreed with the school before the SMT agrees exit.");
        var asSmt = await App.ClientFor(Role.SeniorManager).GetStringAsync($"/Programme/Cases/{await fixture.CaseAt(HeadSchool)}");
        asSmt.ShouldContain("Agree exit: not yet");
        asSmt.ShouldContain("Record the exit strategy agreed with the school before the SMT agrees exit.");
    }

    [Fact]
    public async Task ProposingWithMissingAnswers_ShowsAnErrorSummary_AndProposingASchool_OpensItsCase()
    {
        var officer = App.ClientFor(Role.InterventionOfficer);
        var empty = await officer.PostFormAsync("/Programme/Propose", new Dictionary<string, string> { ["Input.Concerns"] = "" });
        empty.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await empty.Content.ReadAsStringAsync();
        html.ShouldContain("govuk-error-summary");
        html.ShouldContain("href=\"#Input_Urn\">Enter the school&#x27;s URN</a>");

        var urn = DemoSeeder.DemoHeadSchoolUrn + 30;
        var created = await officer.PostFormAsync("/Programme/Propose", new Dictionary<string, string>
        {
            ["Input.Urn"] = urn.ToString(),
            ["Input.Tier"] = "Targeted",
            ["Input.Ground"] = "SafetyThreatened",
            ["Input.Concerns"] = "Safeguarding audit found serious gaps.",
            ["Input.CaseOfficerName"] = "Morgan Intervention",
            ["Input.CaseOfficerEmail"] = "mi@demo-borough.example",
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var id = await fixture.CaseAt(urn);
        created.Headers.Location!.ToString().ShouldBe($"/Programme/Cases/{id}");

        var smt = App.ClientFor(Role.SeniorManager);
        var noReason = await smt.PostFormAsync($"/Programme/Cases/{id}/Decide", new Dictionary<string, string> { ["Input.Move"] = "AgreeEntry", ["Input.Version"] = "1", ["Input.Reason"] = "" }, $"/Programme/Cases/{id}/Decide?move=AgreeEntry");
        (await noReason.Content.ReadAsStringAsync()).ShouldContain("Give the reason for this decision.");
        var agreed = await smt.PostFormAsync($"/Programme/Cases/{id}/Decide", new Dictionary<string, string> { ["Input.Move"] = "AgreeEntry", ["Input.Version"] = "1", ["Input.Reason"] = "Agreed." }, $"/Programme/Cases/{id}/Decide?move=AgreeEntry");
        agreed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stale = await smt.PostFormAsync($"/Programme/Cases/{id}/Decide", new Dictionary<string, string> { ["Input.Move"] = "AgreeEntry", ["Input.Version"] = "1", ["Input.Reason"] = "Agreed again." }, $"/Programme/Cases/{id}/Decide?move=AgreeEntry");
        (await stale.Content.ReadAsStringAsync()).ShouldContain("This case was changed by Sam Senior (Senior management team member) at ");
    }

    [Fact]
    public async Task TheQuarterlyReport_DownloadsAsARealPdf_AndAnExcelWorkbook()
    {
        var qa = App.ClientFor(Role.QualityAssuranceManager);
        var pdf = await qa.GetAsync("/Programme/Quarterly?handler=Pdf");
        pdf.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        PdfText.LooksLikePdf(bytes).ShouldBeTrue();
        var text = await PdfText.ExtractAsync(bytes);
        text.ShouldContain("quarterly report to the SMT");
        text.ShouldContain("Ashcombe Nursery School");

        var excel = await qa.GetAsync("/Programme/Quarterly?handler=Excel");
        excel.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using var stream = new MemoryStream(await excel.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        rows.ShouldContain(r => (string?)r["School"] == "Ashcombe Nursery School");
        (await App.ClientFor(Role.SchoolUser).GetAsync("/Programme/Quarterly?handler=Pdf")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task TheMeetingReportForGovernors_IsARealPdf()
    {
        var id = await fixture.CaseAt(HeadSchool);
        var response = await App.ClientFor(Role.Governor).GetAsync($"/Programme/Cases/{id}/Meetings/{await fixture.HeldMeetingOf(id)}?handler=Report");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        PdfText.LooksLikePdf(bytes).ShouldBeTrue();
        var text = await PdfText.ExtractAsync(bytes);
        text.ShouldContain("report to the full governing body");
        text.ShouldContain("64% of Reception children on track in phonics");
    }

    [Fact]
    public async Task TheApi_RefusesAnIllegalMoveWith422AndTheReasons_AndAStaleVersionWith409()
    {
        var id = await fixture.CaseAt(AgreedSchool);
        var officer = App.ClientFor(Role.InterventionOfficer);
        var details = JsonDocument.Parse(await officer.GetStringAsync($"/api/v1/programme/cases/{id}")).RootElement;
        var version = details.GetProperty("version").GetInt32();
        details.GetProperty("state").GetString().ShouldBe("EntryAgreed");

        var illegal = await officer.PostAsJsonAsync($"/api/v1/programme/cases/{id}/transitions", new { move = "StartSupport", version });
        illegal.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problem = JsonDocument.Parse(await illegal.Content.ReadAsStringAsync()).RootElement;
        problem.GetProperty("errors").GetProperty("").EnumerateArray().Single().GetString().ShouldBe("You cannot start support while the case is at \"Entry agreed\".");
        var stale = await App.ClientFor(Role.SeniorManager).PostAsJsonAsync($"/api/v1/programme/cases/{id}/transitions", new { move = "DeclineEntry", reason = "x", version = version - 1 });
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await App.ClientFor(Role.SchoolUser).PostAsJsonAsync($"/api/v1/programme/cases/{id}/transitions", new { move = "AgreeEntry", version })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var calendar = await App.ClientFor(Role.Governor).GetStringAsync("/api/v1/programme/calendar");
        calendar.ShouldContain("Autumn term 2026 (2026/27)");
    }
}

public sealed class ProgrammePagesTests_Sqlite(SqliteProgrammeApp app) : ProgrammePagesTests(app), IClassFixture<SqliteProgrammeApp>;
public sealed class ProgrammePagesTests_Postgres(PostgresProgrammeApp app) : ProgrammePagesTests(app), IClassFixture<PostgresProgrammeApp>;
