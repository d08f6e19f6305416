using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SchoolSight.Core.Data;
using SchoolSight.Core.Demo;
using SchoolSight.Domain.Access;
using SchoolSight.TestSupport;

namespace SchoolSight.Web.Tests.Categorisation;

/// <summary>One app over the Demo Borough data (with its judgements and concerns) for all the tests of a database.</summary>
public abstract class EvidenceApp(DatabaseProvider provider) : IAsyncLifetime
{
    public SchoolSightWebFactory App { get; private set; } = null!;
    public async Task InitializeAsync() => App = await SchoolSightWebFactory.CreateAsync(provider);
    public async Task DisposeAsync() => await App.DisposeAsync();
}

public sealed class SqliteEvidenceApp() : EvidenceApp(DatabaseProvider.Sqlite);
public sealed class PostgresEvidenceApp() : EvidenceApp(DatabaseProvider.Postgres);

public abstract class JudgementPagesAndApiTests(EvidenceApp fixture)
{
    private SchoolSightWebFactory App => fixture.App;
    private const int HeadSchool = DemoSeeder.DemoHeadSchoolUrn;
    private const int OtherSchool = DemoSeeder.OtherDemoSchoolUrn;
    private const int SipSchoolWithConcern = DemoSeeder.DemoHeadSchoolUrn + 10;

    /// <summary>A page refuses a role by sending it to the access-denied page (which answers 403).</summary>
    private static bool Refused(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.ToString().Contains("/Account/AccessDenied", StringComparison.Ordinal) == true;

    [Fact]
    public async Task TheJudgementsPage_ShowsTheDemoHeadsSchool_BothSourcesSideBySide()
    {
        foreach (var role in new[] { Role.SchoolUser, Role.Governor, Role.SchoolImprovementPartner, Role.SeniorManager })
        {
            var page = await App.ClientFor(role).GetStringAsync($"/Schools/{HeadSchool}/Judgements");
            page.ShouldContain("Ashcombe Nursery School");
            page.ShouldContain("School improvement partner");
            page.ShouldContain("Requires improvement");
            page.ShouldContain("SIP agrees", customMessage: role.ToString());
            page.ShouldContain("SIP&#x27;s judgement differs", customMessage: "last year the school judged itself good and the SIP did not");
            page.Contains("/Judgements/Record?source=", StringComparison.Ordinal).ShouldBe(role != Role.Governor, role.ToString());
        }
        var details = await App.ClientFor(Role.SchoolUser).GetStringAsync($"/Schools/{HeadSchool}");
        details.ShouldContain($"/Schools/{HeadSchool}/Judgements");
        details.ShouldNotContain($"/Schools/{HeadSchool}/Concerns");
        (await App.ClientFor(Role.InterventionOfficer).GetStringAsync($"/Schools/{HeadSchool}")).ShouldContain($"/Schools/{HeadSchool}/Concerns");
        (await App.ClientFor(Role.HealthySchoolsCoordinator).GetStringAsync($"/Schools/{HeadSchool}")).ShouldNotContain("/Judgements");
    }

    [Theory]
    [InlineData(Role.SchoolUser)]
    [InlineData(Role.Governor)]
    [InlineData(Role.SchoolImprovementPartner)]
    public async Task ASchoolBoundUser_CannotReadOrWriteAnotherSchoolsJudgements(Role role)
    {
        var client = App.ClientFor(role);
        (await client.GetAsync($"/Schools/{OtherSchool}/Judgements")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync($"/api/v1/schools/{OtherSchool}/judgements")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var write = await client.PutAsJsonAsync($"/api/v1/schools/{OtherSchool}/judgements",
            new { academicYear = "2025/26", source = role == Role.SchoolImprovementPartner ? "sip" : "self-evaluation", judgedOn = "2025-11-12", grades = new Dictionary<string, string> { ["overall-effectiveness"] = "outstanding" } });
        write.StatusCode.ShouldBe(role == Role.Governor ? HttpStatusCode.Forbidden : HttpStatusCode.NotFound);
        if (role != Role.Governor)
            (await client.GetAsync($"/Schools/{OtherSchool}/Judgements/Record")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ASchoolUser_RecordsTheSchoolsSelfEvaluation_ButNotTheSips()
    {
        var head = App.ClientFor(Role.SchoolUser);
        Refused(await head.GetAsync($"/Schools/{HeadSchool}/Judgements/Record?source=sip")).ShouldBeTrue();
        var form = await head.GetStringAsync($"/Schools/{HeadSchool}/Judgements/Record");
        form.ShouldContain("The school&#x27;s self-evaluation judgements");
        form.ShouldContain("checked", customMessage: "prefilled with the grades recorded this year");
        (await head.GetAsync($"/Schools/{HeadSchool}/Judgements/Record?source=self-evaluation&year=2099")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ABadJudgementsForm_ShowsTheErrorSummary_AndAGoodOneIsSaved()
    {
        var url = $"/Schools/{HeadSchool}/Judgements/Record?source=self-evaluation&year=2020";
        var head = App.ClientFor(Role.SchoolUser);
        var bad = await head.PostFormAsync(url, new Dictionary<string, string> { ["Input.Grades[quality-of-education]"] = "good", ["Input.JudgedOn"] = "" });
        bad.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await bad.Content.ReadAsStringAsync();
        page.ShouldContain("govuk-error-summary");
        page.ShouldContain("<a href=\"#Input_JudgedOn\">Enter the date the judgements were made</a>");
        page.ShouldContain("<title>Error:");

        var noOverall = await head.PostFormAsync(url, new Dictionary<string, string> { ["Input.Grades[quality-of-education]"] = "good", ["Input.JudgedOn"] = "2020-10-01" });
        (await noOverall.Content.ReadAsStringAsync()).ShouldContain("<a href=\"#Input_Grades_overall-effectiveness\">Choose the overall effectiveness judgement</a>");

        var good = await head.PostFormAsync(url, new Dictionary<string, string>
        {
            ["Input.Grades[overall-effectiveness]"] = "good",
            ["Input.Grades[quality-of-education]"] = "requires-improvement",
            ["Input.Grades[early-years]"] = "",
            ["Input.JudgedOn"] = "2020-10-01",
            ["Input.Note"] = "Reviewed with governors.",
        });
        good.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var judgements = await head.GetStringAsync($"/Schools/{HeadSchool}/Judgements");
        judgements.ShouldContain("2020/21");
        judgements.ShouldContain("Reviewed with governors.");
    }

    [Fact]
    public async Task TheApi_RecordsASipsJudgements_FromTheVersionsRead_AndRefusesAStaleOne()
    {
        var sip = App.ClientFor(Role.SchoolImprovementPartner);
        var body = new Dictionary<string, object>
        {
            ["academicYear"] = "2021/22",
            ["source"] = "sip",
            ["judgedOn"] = "2021-11-12",
            ["grades"] = new Dictionary<string, string> { ["overall-effectiveness"] = "good", ["quality-of-education"] = "requires-improvement" },
        };
        var created = await sip.PutAsJsonAsync($"/api/v1/schools/{HeadSchool}/judgements", body);
        created.StatusCode.ShouldBe(HttpStatusCode.OK);
        var year = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement;
        year.GetProperty("academicYear").GetString().ShouldBe("2021/22");
        var quality = year.GetProperty("areas").EnumerateArray().Single(a => a.GetProperty("area").GetString() == "quality-of-education");
        quality.GetProperty("sip").GetProperty("grade").GetString().ShouldBe("requires-improvement");
        quality.GetProperty("agreement").GetString().ShouldBe("not-both-judged");

        body["grades"] = new Dictionary<string, string> { ["quality-of-education"] = "good" };
        body["versions"] = new Dictionary<string, int> { ["quality-of-education"] = 1 };
        (await App.ClientFor(Role.InterventionOfficer).PostAsJsonAsync($"/api/v1/schools/{HeadSchool}/judgements", body)).StatusCode.ShouldBe(HttpStatusCode.OK);
        body["grades"] = new Dictionary<string, string> { ["quality-of-education"] = "outstanding" };
        var stale = await sip.PutAsJsonAsync($"/api/v1/schools/{HeadSchool}/judgements", body);
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await stale.Content.ReadAsStringAsync()).ShouldContain("was changed by Morgan Intervention (Monitoring and intervention officer)");

        var list = JsonDocument.Parse(await App.ClientFor(Role.Governor).GetStringAsync($"/api/v1/schools/{HeadSchool}/judgements")).RootElement;
        list.GetProperty("youMayRecord").GetArrayLength().ShouldBe(0);
        list.GetProperty("years").EnumerateArray().Single(y => y.GetProperty("startYear").GetInt32() == 2021)
            .GetProperty("areas")[1].GetProperty("sip").GetProperty("grade").GetString().ShouldBe("good");

        var bad = await sip.PutAsJsonAsync($"/api/v1/schools/{HeadSchool}/judgements", new { academicYear = "2021", source = "self-evaluation", grades = new Dictionary<string, string> { ["overall-effectiveness"] = "great" } });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = JsonDocument.Parse(await bad.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        errors.GetProperty("academicYear")[0].GetString().ShouldBe("'2021' is not an academic year: write it like 2018/19");
        errors.GetProperty("judgedOn")[0].GetString().ShouldBe("Enter the date the judgements were made");
        errors.GetProperty("grades.overall-effectiveness")[0].GetString().ShouldStartWith("'great' is not a grade");
        var wrongSource = await sip.PutAsJsonAsync($"/api/v1/schools/{HeadSchool}/judgements", new { academicYear = "2021/22", source = "self-evaluation", judgedOn = "2021-11-12", grades = new Dictionary<string, string> { ["overall-effectiveness"] = "good" } });
        wrongSource.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData(Role.SchoolUser)]
    [InlineData(Role.Governor)]
    public async Task ASchoolUser_CannotSeeConcerns(Role role)
    {
        var client = App.ClientFor(role);
        Refused(await client.GetAsync($"/Schools/{HeadSchool}/Concerns")).ShouldBeTrue();
        (await client.GetAsync($"/api/v1/schools/{HeadSchool}/concerns")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.PostAsJsonAsync($"/api/v1/schools/{HeadSchool}/concerns", new { kind = "safeguarding", raisedOn = "2026-11-01", summary = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ConcernsPage_RecordsAndClosesAConcern_WithErrorsInTheSummary()
    {
        var officer = App.ClientFor(Role.InterventionOfficer);
        var url = $"/Schools/{SipSchoolWithConcern}/Concerns";
        (await officer.GetStringAsync(url)).ShouldContain("Single central record incomplete");
        var bad = await officer.PostFormAsync(url, new Dictionary<string, string> { ["Input.Summary"] = "" });
        var page = await bad.Content.ReadAsStringAsync();
        page.ShouldContain("<a href=\"#Input_Kind\">Choose the kind of concern</a>");
        page.ShouldContain("<a href=\"#Input_Summary\">Describe the concern</a>");

        var recorded = await officer.PostFormAsync(url, new Dictionary<string, string>
        { ["Input.Kind"] = "management-or-governance", ["Input.RaisedOn"] = "2026-11-01", ["Input.Summary"] = "Chair of governors resigned; no quorum since." });
        recorded.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var concerns = JsonDocument.Parse(await officer.GetStringAsync($"/api/v1/schools/{SipSchoolWithConcern}/concerns")).RootElement;
        var added = concerns.EnumerateArray().Single(c => c.GetProperty("summary").GetString()!.StartsWith("Chair of governors", StringComparison.Ordinal));
        var id = added.GetProperty("id").GetInt32();

        var noReason = await officer.PostFormAsync($"{url}?handler=Close&concernId={id}", new Dictionary<string, string> { ["Close.Version"] = "1", ["Close.ClosedOn"] = "2026-11-20" }, url);
        (await noReason.Content.ReadAsStringAsync()).ShouldContain("<a href=\"#Close_Reason\">Give the reason the concern is closed</a>");
        var closed = await officer.PostFormAsync($"{url}?handler=Close&concernId={id}", new Dictionary<string, string> { ["Close.Version"] = "1", ["Close.ClosedOn"] = "2026-11-20", ["Close.Reason"] = "New chair elected." }, url);
        closed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var after = JsonDocument.Parse(await App.ClientFor(Role.SchoolImprovementPartner).GetStringAsync($"/api/v1/schools/{SipSchoolWithConcern}/concerns/{id}")).RootElement;
        after.GetProperty("open").GetBoolean().ShouldBeFalse();
        after.GetProperty("closedReason").GetString().ShouldBe("New chair elected.");
    }

    [Fact]
    public async Task ConcernsApi_RecordsAndClosesAConcern_AndOnlyLaOfficersClose()
    {
        var sip = App.ClientFor(Role.SchoolImprovementPartner);
        var created = await sip.PostAsJsonAsync($"/api/v1/schools/{HeadSchool}/concerns", new { kind = "safeguarding", raisedOn = "2026-11-10", summary = "Site fence broken by the playground." });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var concern = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement;
        var id = concern.GetProperty("id").GetInt32();
        concern.GetProperty("raisedByName").GetString().ShouldBe("Sidney Partner");
        created.Headers.Location!.ToString().ShouldBe($"/api/v1/schools/{HeadSchool}/concerns/{id}");

        (await sip.PostAsJsonAsync($"/api/v1/schools/{HeadSchool}/concerns/{id}/close", new { closedOn = "2026-11-20", reason = "Fixed.", version = 1 })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var smt = App.ClientFor(Role.SeniorManager);
        (await smt.PostAsJsonAsync($"/api/v1/schools/{HeadSchool}/concerns/{id}/close", new { closedOn = "2026-11-20", reason = "Fixed.", version = 7 })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var bad = await smt.PostAsJsonAsync($"/api/v1/schools/{HeadSchool}/concerns/{id}/close", new { version = 1 });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var ok = await smt.PostAsJsonAsync($"/api/v1/schools/{HeadSchool}/concerns/{id}/close", new { closedOn = "2026-11-20", reason = "Fence repaired the same week.", version = 1 });
        ok.StatusCode.ShouldBe(HttpStatusCode.OK);
        JsonDocument.Parse(await ok.Content.ReadAsStringAsync()).RootElement.GetProperty("open").GetBoolean().ShouldBeFalse();
        (await sip.GetAsync($"/api/v1/schools/{OtherSchool}/concerns")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TheJudgementsForm_OffersTheScaleOfTheJudgementsDate()
    {
        var officer = App.ClientFor(Role.InterventionOfficer);
        var today = await officer.GetStringAsync($"/Schools/{SipSchoolWithConcern}/Judgements/Record?source=sip");
        today.ShouldContain("name=\"Input.Grades[leadership-and-governance]\"", customMessage: "judgements made now are of the report card's areas");
        today.ShouldContain("value=\"urgent-improvement\"");
        today.ShouldNotContain("name=\"Input.Grades[overall-effectiveness]\"");

        var older = await officer.GetStringAsync($"/Schools/{SipSchoolWithConcern}/Judgements/Record?source=sip&year=2024&scale=four-point");
        older.ShouldContain("name=\"Input.Grades[overall-effectiveness]\"");
        older.ShouldContain("value=\"requires-improvement\"");
        older.ShouldNotContain("value=\"needs-attention\"");

        var mixed = await officer.PostFormAsync($"/Schools/{SipSchoolWithConcern}/Judgements/Record?source=sip&year=2025&scale=four-point", new Dictionary<string, string>
        {
            ["Input.Grades[overall-effectiveness]"] = "good",
            ["Input.JudgedOn"] = "2025-11-10",
        });
        (await mixed.Content.ReadAsStringAsync()).ShouldContain("which does not judge overall effectiveness");
    }

    [Fact]
    public async Task TheApi_GivesEachJudgementsScale()
    {
        var api = JsonDocument.Parse(await App.ClientFor(Role.InterventionOfficer).GetStringAsync($"/api/v1/schools/{HeadSchool}/judgements")).RootElement;
        var grades = api.GetProperty("years").EnumerateArray().SelectMany(y => y.GetProperty("areas").EnumerateArray())
            .SelectMany(a => new[] { a.GetProperty("sip"), a.GetProperty("selfEvaluation") }).Where(g => g.ValueKind == JsonValueKind.Object).ToList();
        grades.Select(g => g.GetProperty("scale").GetString()).Distinct().Order().ShouldBe(["four-point", "report-card"]);
        grades.Where(g => g.GetProperty("scale").GetString() == "report-card").Select(g => g.GetProperty("grade").GetString())
            .ShouldAllBe(g => g == "exceptional" || g == "strong-standard" || g == "expected-standard" || g == "needs-attention" || g == "urgent-improvement");
    }
}

public sealed class JudgementPagesAndApiTests_Sqlite(SqliteEvidenceApp app) : JudgementPagesAndApiTests(app), IClassFixture<SqliteEvidenceApp>;
public sealed class JudgementPagesAndApiTests_Postgres(PostgresEvidenceApp app) : JudgementPagesAndApiTests(app), IClassFixture<PostgresEvidenceApp>;
