using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SchoolSight.Core.Data;
using SchoolSight.Core.Demo;
using SchoolSight.Domain.Access;
using SchoolSight.TestSupport;

namespace SchoolSight.Web.Tests.HealthySchools;

/// <summary>One app over Demo Borough (with its Healthy Schools at several stages) for the Healthy Schools page and API tests of a database.</summary>
public abstract class HealthySchoolsApp(DatabaseProvider provider) : IAsyncLifetime
{
    public SchoolSightWebFactory App { get; private set; } = null!;
    public async Task InitializeAsync() => App = await SchoolSightWebFactory.CreateAsync(provider);
    public async Task DisposeAsync() => await App.DisposeAsync();
}

public sealed class SqliteHealthySchoolsApp() : HealthySchoolsApp(DatabaseProvider.Sqlite);
public sealed class PostgresHealthySchoolsApp() : HealthySchoolsApp(DatabaseProvider.Postgres);

public abstract class HealthySchoolsPagesTests(HealthySchoolsApp fixture)
{
    private SchoolSightWebFactory App => fixture.App;
    private const int HeadSchool = DemoSeeder.DemoHeadSchoolUrn;
    private const int ClarifyingSchool = DemoSeeder.DemoHeadSchoolUrn + 3;
    private const int AwardedSchool = DemoSeeder.DemoHeadSchoolUrn + 6;

    private async Task<int> VersionOf(HttpClient client, int urn) =>
        JsonDocument.Parse(await client.GetStringAsync($"/api/v1/schools/{urn}/healthy-schools")).RootElement.GetProperty("version").GetInt32();

    private async Task Post(Role role, string handler, Dictionary<string, string> fields, int urn = HeadSchool)
    {
        var client = App.ClientFor(role);
        var page = $"/Schools/{urn}/HealthySchools";
        var response = await client.PostFormAsync($"{page}?handler={handler}", fields, page);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"{handler} as {role}: {body[..Math.Min(body.Length, 3000)]}");
    }

    [Fact]
    public async Task DemoBorough_HasSchoolsAtSeveralStages_OneAskedToClarify_AndOneWithAnAwardThatDownloads()
    {
        var list = await App.ClientFor(Role.HealthySchoolsCoordinator).GetStringAsync("/HealthySchools");
        foreach (var stage in new[] { "Stage 1:", "Stage 2:", "Stage 4:", "Stage 4b:", "Stage 7:", "Stage 8:" }) list.ShouldContain(stage);
        list.ShouldContain("the QUAS has asked for clarification");
        (await App.ClientFor(Role.QuasPanelMember).GetStringAsync("/HealthySchools")).ShouldContain("Stage 4 form");

        var governor = App.ClientFor(Role.Governor);
        (await governor.GetAsync($"/Schools/{AwardedSchool}/HealthySchools")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var award = await App.ClientFor(Role.HealthySchoolsCoordinator).GetAsync($"/api/v1/schools/{AwardedSchool}/healthy-schools/documents/award?outcome=2");
        award.StatusCode.ShouldBe(HttpStatusCode.OK);
        var text = await PdfText.ExtractAsync(await award.Content.ReadAsByteArrayAsync());
        text.ShouldContain("Healthy Schools award");
        text.ShouldContain("more pupils agree in the survey");
        (await App.ClientFor(Role.HealthySchoolsCoordinator).GetAsync($"/api/v1/schools/{ClarifyingSchool}/healthy-schools/documents/certificate")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task StartingTheEnhancementModel_ForASchoolThatMayNotJoin_IsRefusedInTheErrorSummary_WithThePathwaysReason()
    {
        // A Demo Borough school without the LA's status.
        var urn = DemoSeeder.DemoHeadSchoolUrn + 7;
        var coordinator = App.ClientFor(Role.HealthySchoolsCoordinator);
        var page = $"/Schools/{urn}/HealthySchools";
        var response = await coordinator.PostFormAsync($"{page}?handler=Engage", new Dictionary<string, string>(), page);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldNotBe(HttpStatusCode.Redirect);
        var reason = "The school may not join yet: it does not hold the Healthy School status. The coordinator records the day it was achieved.";
        var summary = body[body.IndexOf("govuk-error-summary", StringComparison.Ordinal)..];
        summary.ShouldContain(reason);
        body.ShouldContain("<title>Error: ");
        (await coordinator.GetStringAsync($"{page}/AnnualReview")).ShouldContain(reason);
        (await coordinator.GetStringAsync(page)).ShouldContain("data-testid=\"not-engaged\"");
        var api = await coordinator.PostAsJsonAsync($"/api/v1/schools/{urn}/healthy-schools", new { });
        api.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await api.Content.ReadAsStringAsync()).ShouldContain("does not hold the Healthy School status");
    }

    [Fact]
    public async Task APartner_SeesOnlyTheActivitiesNamingItsOrganisation_AndCannotOpenASchoolsHealthySchoolsPage()
    {
        const int Delivering = DemoSeeder.DemoHeadSchoolUrn + 5;
        var partner = App.ClientFor(Role.Partner);
        (await partner.GetStringAsync("/")).ShouldContain("/HealthySchools/MyActivities");
        var page = await partner.GetStringAsync("/HealthySchools/MyActivities");
        page.ShouldContain($"data-testid=\"activity-{Delivering}-2\"");
        page.ShouldContain("Lunchtime club for pupils eligible for free school meals");
        page.ShouldContain("Targeted: Pupils eligible for free school meals");
        page.ShouldContain("Stage 7: monitoring");
        // The same activities at the school under review (stage 8), and another partner's and the school's own, are not shown.
        page.ShouldNotContain("The daily mile for every class");
        page.ShouldNotContain("Safer lunchtimes assembly for every year group");
        System.Text.RegularExpressions.Regex.Count(page, "data-testid=\"activity-").ShouldBe(1);

        Access.AccessMatrixTests.IsRefused(await partner.GetAsync($"/Schools/{Delivering}/HealthySchools")).ShouldBeTrue();
        (await partner.GetAsync($"/api/v1/schools/{Delivering}/healthy-schools")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        Access.AccessMatrixTests.IsRefused(await partner.GetAsync("/HealthySchools")).ShouldBeTrue();
        Access.AccessMatrixTests.IsRefused(await App.ClientFor(Role.HealthySchoolsCoordinator).GetAsync("/HealthySchools/MyActivities")).ShouldBeTrue();
    }

    [Fact]
    public async Task ASchoolJustEngaged_SeesASentenceForEachEmptyStage_NotBareTableHeaders()
    {
        var page = await App.ClientFor(Role.HealthySchoolsCoordinator).GetStringAsync($"/Schools/{DemoSeeder.DemoHeadSchoolUrn + 1}/HealthySchools");
        page.ShouldContain("The school has not chosen its priorities yet.");
        page.ShouldContain("The school has not set any meaningful outcomes yet.");
        page.ShouldContain("The school has not set any early success indicators yet.");
        page.ShouldContain("The school has not planned any activities yet.");
        page.ShouldNotContain("data-testid=\"outcomes\"");
        page.ShouldNotContain("data-testid=\"esis\"");
        page.ShouldContain("data-testid=\"members\"");
    }

    [Fact]
    public async Task TheQuas_SeesTheBoxToAskForClarification_NotTheMoveBlockedForWantOfItsOwnNote()
    {
        var page = await App.ClientFor(Role.QuasPanelMember).GetStringAsync($"/Schools/{DemoSeeder.DemoHeadSchoolUrn + 4}/HealthySchools");
        page.ShouldContain("id=\"Decision_Reason\"");
        page.ShouldNotContain("Say what needs clarifying.");
        // One box for the comments, whichever decision is made: not a box per decision.
        System.Text.RegularExpressions.Regex.Count(page, "name=\"Decision.Reason\"").ShouldBe(1);
        page.ShouldContain("value=\"AskForClarification\"");
        page.ShouldContain("value=\"Approve\"");
    }

    [Fact]
    public async Task TheApi_RefusesAStaleVersion_ARoleNotAllowed_AndListsEveryReasonAMoveIsRefused()
    {
        var coordinator = App.ClientFor(Role.HealthySchoolsCoordinator);
        var urn = DemoSeeder.DemoHeadSchoolUrn + 1;
        var version = await VersionOf(coordinator, urn);
        var refused = await coordinator.PostAsJsonAsync($"/api/v1/schools/{urn}/healthy-schools/moves/complete-development-group", new { version });
        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("Add a member who represents governors.");
        (await coordinator.PostAsJsonAsync($"/api/v1/schools/{urn}/healthy-schools/moves/approve", new { version, reason = "x" })).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await App.ClientFor(Role.QuasPanelMember).PostAsJsonAsync($"/api/v1/schools/{DemoSeeder.DemoHeadSchoolUrn + 4}/healthy-schools/moves/approve", new { version = 99, reason = "x" }))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await App.ClientFor(Role.Governor).PutAsJsonAsync($"/api/v1/schools/{HeadSchool}/healthy-schools/key-tasks", new { text = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await coordinator.PutAsJsonAsync($"/api/v1/schools/{urn}/healthy-schools/key-tasks", new { text = "Plan the year.", version = version + 5 })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task ASchool_WalksThePagesFromItsFirstStepToItsCertificate_WithTheQuasAskingForClarification()
    {
        var head = App.ClientFor(Role.SchoolUser);
        (await head.GetStringAsync($"/Schools/{HeadSchool}")).ShouldContain("healthy-schools-link");
        await Post(Role.SchoolUser, "Engage", []);
        var welcome = await head.GetAsync($"/Schools/{HeadSchool}/HealthySchools?handler=Document&kind=WelcomeLetter");
        (await PdfText.ExtractAsync(await welcome.Content.ReadAsByteArrayAsync())).ShouldContain("Welcome to the Healthy Schools enhancement model");

        var partner = JsonDocument.Parse(await head.GetStringAsync("/api/v1/partners")).RootElement[0].GetProperty("id").GetInt32();
        foreach (var (name, role, who) in new[] { ("Pat Chair", "Chair", "Staff"), ("School council", "Member", "Pupils"), ("Sam Parent", "Member", "Parents"), ("Gray Governor", "Member", "Governors") })
            await Post(Role.SchoolUser, "Member", new() { ["Member.Name"] = name, ["Member.GroupRole"] = role, ["Member.Represents"] = who, ["Member.Version"] = $"{await VersionOf(head, HeadSchool)}" });
        await Post(Role.SchoolUser, "Member", new() { ["Member.Name"] = "Nia Nurse", ["Member.GroupRole"] = "Member", ["Member.Represents"] = "Partner", ["Member.PartnerId"] = $"{partner}", ["Member.Version"] = $"{await VersionOf(head, HeadSchool)}" });
        await Post(Role.SchoolUser, "KeyTasks", new() { ["Text"] = "Lead the needs analysis.", ["Version"] = $"{await VersionOf(head, HeadSchool)}" });
        await Post(Role.SchoolUser, "Move", new() { ["Move"] = "CompleteDevelopmentGroup", ["Decision.Version"] = $"{await VersionOf(head, HeadSchool)}" });
        var needs = await head.GetStringAsync($"/Schools/{HeadSchool}/HealthySchools");
        needs.ShouldContain("Stage 2: needs analysis");
        needs.ShouldContain("Healthy weight: more pupils physically active");
        await Post(Role.SchoolUser, "NeedsAnalysis", new() { ["Text"] = "Too few pupils active.", ["Version"] = $"{await VersionOf(head, HeadSchool)}" });
        await Post(Role.SchoolUser, "Move", new() { ["Move"] = "CompleteNeedsAnalysis", ["Decision.Version"] = $"{await VersionOf(head, HeadSchool)}" });
        var local = JsonDocument.Parse(await head.GetStringAsync("/api/v1/healthy-schools/local-priorities")).RootElement[0].GetProperty("id").GetInt32();
        await Post(Role.SchoolUser, "Priority", new() { ["Priority.Kind"] = "Local", ["Priority.LocalPriorityId"] = $"{local}", ["Priority.Version"] = $"{await VersionOf(head, HeadSchool)}" });
        await Post(Role.SchoolUser, "Priority", new() { ["Priority.Kind"] = "School", ["Priority.Title"] = "Feeling safe", ["Priority.IndicatorId"] = "PUPIL_FEEL_SAFE", ["Priority.Version"] = $"{await VersionOf(head, HeadSchool)}" });
        await Post(Role.SchoolUser, "Move", new() { ["Move"] = "ChoosePriorities", ["Decision.Version"] = $"{await VersionOf(head, HeadSchool)}" });
        foreach (var priority in new[] { 1, 2 })
            foreach (var kind in new[] { "Quantitative", "Perception", "Targeted" })
                await Post(Role.SchoolUser, "Outcome", new()
                {
                    ["Outcome.PriorityNumber"] = $"{priority}",
                    ["Outcome.Kind"] = kind,
                    ["Outcome.Description"] = $"{kind} outcome {priority}",
                    ["Outcome.TargetGroup"] = kind == "Targeted" ? "Year 6 girls" : "",
                    ["Outcome.Baseline"] = "40",
                    ["Outcome.Target"] = "60",
                    ["Outcome.ByWhen"] = "2029-07-01",
                    ["Outcome.EvidencedBy"] = "Survey",
                    ["Outcome.Version"] = $"{await VersionOf(head, HeadSchool)}",
                });
        await Post(Role.SchoolUser, "Indicator", new() { ["Indicator.Description"] = "Club running", ["Indicator.Timescale"] = "2028-03-01", ["Indicator.Kind"] = "Process", ["Indicator.Version"] = $"{await VersionOf(head, HeadSchool)}" });
        await Post(Role.SchoolUser, "Move", new() { ["Move"] = "SubmitToQuas", ["Decision.Version"] = $"{await VersionOf(head, HeadSchool)}" });

        (await App.ClientFor(Role.QuasPanelMember).GetStringAsync("/HealthySchools")).ShouldContain("Ashcombe Nursery School");
        var quas = App.ClientFor(Role.QuasPanelMember);
        await Post(Role.QuasPanelMember, "Move", new() { ["Move"] = "AskForClarification", ["Decision.Reason"] = "Which survey?", ["Decision.Version"] = $"{await VersionOf(quas, HeadSchool)}" });
        (await head.GetStringAsync($"/Schools/{HeadSchool}/HealthySchools")).ShouldContain("Which survey?");
        await Post(Role.SchoolUser, "Answer", new() { ["Answer.Answer"] = "The summer pupil survey.", ["Answer.Version"] = $"{await VersionOf(head, HeadSchool)}" });
        await Post(Role.SchoolUser, "Move", new() { ["Move"] = "SubmitToQuas", ["Decision.Version"] = $"{await VersionOf(head, HeadSchool)}" });
        await Post(Role.QuasPanelMember, "Move", new() { ["Move"] = "Approve", ["Decision.Reason"] = "Clear.", ["Decision.Version"] = $"{await VersionOf(quas, HeadSchool)}" });

        var page = await App.ClientFor(Role.Governor).GetStringAsync($"/Schools/{HeadSchool}/HealthySchools");
        page.ShouldContain("Stage 5: baselines and activities");
        page.ShouldContain("The summer pupil survey.");
        var certificate = await head.GetAsync($"/Schools/{HeadSchool}/HealthySchools?handler=Document&kind=Certificate");
        (await PdfText.ExtractAsync(await certificate.Content.ReadAsByteArrayAsync())).ShouldContain("Healthy Schools certificate");
    }
}

public sealed class HealthySchoolsPagesTests_Sqlite(SqliteHealthySchoolsApp app) : HealthySchoolsPagesTests(app), IClassFixture<SqliteHealthySchoolsApp>;

public sealed class HealthySchoolsPagesTests_Postgres(PostgresHealthySchoolsApp app) : HealthySchoolsPagesTests(app), IClassFixture<PostgresHealthySchoolsApp>;
