using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SchoolSight.Core.Data;
using SchoolSight.Core.Demo;
using SchoolSight.Domain;
using SchoolSight.Domain.Access;
using SchoolSight.TestSupport;

namespace SchoolSight.Web.Tests.Voice;

/// <summary>One app over Demo Borough (with its self-evaluations and plan priorities) for the self-evaluation page and API tests of a database.</summary>
public abstract class SelfEvaluationApp(DatabaseProvider provider) : IAsyncLifetime
{
    public SchoolSightWebFactory App { get; private set; } = null!;
    public async Task InitializeAsync() => App = await SchoolSightWebFactory.CreateAsync(provider);
    public async Task DisposeAsync() => await App.DisposeAsync();
}

public sealed class SqliteSelfEvaluationApp() : SelfEvaluationApp(DatabaseProvider.Sqlite);
public sealed class PostgresSelfEvaluationApp() : SelfEvaluationApp(DatabaseProvider.Postgres);

public abstract class SelfEvaluationPagesTests(SelfEvaluationApp fixture)
{
    private SchoolSightWebFactory App => fixture.App;
    private const int HeadSchool = DemoSeeder.DemoHeadSchoolUrn;
    private static string Page(string outcome) => $"/Schools/{HeadSchool}/SelfEvaluation/{outcome}";

    private async Task<JsonElement> Read(Role role = Role.SchoolUser) =>
        JsonDocument.Parse(await App.ClientFor(role).GetStringAsync($"/api/v1/schools/{HeadSchool}/self-evaluation")).RootElement;

    private static JsonElement Outcome(JsonElement view, string slug) =>
        view.GetProperty("outcomes").EnumerateArray().Single(o => o.GetProperty("outcome").GetString() == slug);

    [Fact]
    public async Task AHead_CompletesAnOutcome_WithTheEvidenceShown_AndTheSipDisagrees()
    {
        var head = App.ClientFor(Role.SchoolUser);
        var page = await head.GetStringAsync(Page("stay-safe"));
        page.ShouldContain("data-testid=\"evidence-gaps\"");
        page.ShouldContain("Questions to answer");
        page.ShouldContain("data-testid=\"draft-form\"");
        var year = (await Read()).GetProperty("academicYear").GetString()!;
        AcademicYear.TryParse(year, out var y, out _).ShouldBeTrue();
        var plan = JsonDocument.Parse(await head.GetStringAsync("/api/v1/plan-priorities")).RootElement.EnumerateArray().First().GetProperty("id").GetInt32();

        var draft = await head.PostFormAsync($"{Page("stay-safe")}?year={y}", new Dictionary<string, string>
        {
            ["Input.Grade"] = "expected-standard",
            ["Input.Strengths"] = "Pupils say they feel safe.",
            ["Input.Priorities[0].Text"] = "Pupils in years 5 and 6 feel safe online",
            ["Input.Priorities[0].PlanPriorities"] = plan.ToString(),
        }, Page("stay-safe"));
        draft.StatusCode.ShouldBe(HttpStatusCode.Redirect, await draft.Content.ReadAsStringAsync());
        var version = (await Read()).GetProperty("version").GetInt32();
        (await head.PostFormAsync($"{Page("stay-safe")}?handler=Move&year={y}", new Dictionary<string, string> { ["Move"] = "Complete", ["Version"] = $"{version}" }, Page("stay-safe")))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var sip = App.ClientFor(Role.SchoolImprovementPartner);
        version = (await Read()).GetProperty("version").GetInt32();
        var refused = await sip.PostFormAsync($"{Page("stay-safe")}?handler=Move&year={y}", new Dictionary<string, string> { ["Move"] = "Disagree", ["Version"] = $"{version}" }, Page("stay-safe"));
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("Say why you disagree with the school&#x27;s judgement.");
        (await sip.PostFormAsync($"{Page("stay-safe")}?handler=Move&year={y}",
                new Dictionary<string, string> { ["Move"] = "Disagree", ["Reason"] = "Online safety incidents rose this term.", ["Version"] = $"{version}" }, Page("stay-safe")))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var governor = await App.ClientFor(Role.Governor).GetStringAsync(Page("stay-safe"));
        governor.ShouldContain("Disagrees");
        governor.ShouldContain("Online safety incidents rose this term.");
        governor.ShouldNotContain("data-testid=\"draft-form\"");
        var safe = Outcome(await Read(Role.Governor), "stay-safe");
        (safe.GetProperty("state").GetString(), safe.GetProperty("grade").GetString(), safe.GetProperty("sipAgrees").GetBoolean()).ShouldBe(("Completed", "expected-standard", false));
        (await App.ClientFor(Role.Governor).GetAsync($"/Schools/{DemoSeeder.OtherDemoSchoolUrn}/SelfEvaluation")).StatusCode.ShouldNotBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task TheApi_SavesAndMoves_AStaleVersionIsAConflict_AndThePdfAndLinksAreThere()
    {
        var head = App.ClientFor(Role.SchoolUser);
        var view = await Read();
        AcademicYear.TryParse(view.GetProperty("academicYear").GetString(), out var year, out _).ShouldBeTrue();
        view.GetProperty("history").GetArrayLength().ShouldBeGreaterThanOrEqualTo(1);
        var version = view.GetProperty("version").GetInt32();
        var url = $"/api/v1/schools/{HeadSchool}/self-evaluation/{year}/outcomes/be-healthy";
        var saved = await head.PutAsJsonAsync(url, new { grade = "strong-standard", strengths = "A daily active mile.", priorities = new[] { new { text = "More pupils active", planPriorities = Array.Empty<int>() } }, version = version == 0 ? (int?)null : version });
        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        var after = JsonDocument.Parse(await saved.Content.ReadAsStringAsync()).RootElement.GetProperty("version").GetInt32();
        if (version > 0)
            (await head.PutAsJsonAsync(url, new { grade = "exceptional", strengths = "x", version })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await App.ClientFor(Role.Governor).PutAsJsonAsync(url, new { grade = "exceptional" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var complete = await head.PostAsJsonAsync($"{url}/moves/complete", new { reason = (string?)null, version = after });
        complete.StatusCode.ShouldBe(HttpStatusCode.OK, await complete.Content.ReadAsStringAsync());
        var early = await App.ClientFor(Role.SchoolImprovementPartner).PostAsJsonAsync($"/api/v1/schools/{HeadSchool}/self-evaluation/{year}/outcomes/make-a-positive-contribution/moves/agree", new { reason = (string?)null, version = after + 1 });
        early.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);

        var pdf = await head.GetAsync($"/Schools/{HeadSchool}/SelfEvaluation?handler=Pdf&year={year}");
        pdf.StatusCode.ShouldBe(HttpStatusCode.OK);
        var text = await PdfText.ExtractAsync(await pdf.Content.ReadAsByteArrayAsync());
        text.ShouldContain("Well-being self-evaluation");
        text.ShouldContain("A daily active mile.");

        const int engaged = HeadSchool + 3;
        (await App.ClientFor(Role.InterventionOfficer).GetStringAsync($"/Schools/{engaged}/HealthySchools")).ShouldContain($"href=\"/Schools/{engaged}/SelfEvaluation\"");
        (await head.GetStringAsync($"/Schools/{HeadSchool}/Wellbeing/stay-safe")).ShouldContain($"href=\"/Schools/{HeadSchool}/SelfEvaluation/stay-safe");
        var officer = App.ClientFor(Role.InterventionOfficer);
        (await officer.PostAsJsonAsync("/api/v1/plan-priorities", new { title = "Young carers are known and supported" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await officer.GetStringAsync("/SelfEvaluations/PlanPriorities")).ShouldContain("Young carers are known and supported");
        (await head.PostAsJsonAsync("/api/v1/plan-priorities", new { title = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task TheLa_SeesEverySchoolsStatus_TheWeakestOutcomes_AndTheRecurringPriorities_AndDownloadsThem()
    {
        var officer = App.ClientFor(Role.InterventionOfficer);
        var page = await officer.GetStringAsync("/SelfEvaluations");
        page.ShouldContain("data-testid=\"not-completed\"");
        page.ShouldContain("Completed");
        page.ShouldContain("Not started");
        page.ShouldContain("Every child in school every day: reduce persistent absence");
        page.ShouldContain("Weakest");
        var csv = await officer.GetAsync("/SelfEvaluations?format=csv&phase=Primary");
        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await csv.Content.ReadAsStringAsync()).ShouldContain("Personal development");
        (await App.ClientFor(Role.SchoolUser).GetAsync("/SelfEvaluations")).StatusCode.ShouldNotBe(HttpStatusCode.OK);
    }
}

public sealed class SelfEvaluationPagesTests_Sqlite(SqliteSelfEvaluationApp app) : SelfEvaluationPagesTests(app), IClassFixture<SqliteSelfEvaluationApp>;
public sealed class SelfEvaluationPagesTests_Postgres(PostgresSelfEvaluationApp app) : SelfEvaluationPagesTests(app), IClassFixture<PostgresSelfEvaluationApp>;
