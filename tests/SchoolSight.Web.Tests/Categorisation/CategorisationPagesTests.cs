using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SchoolSight.Core.Categorisation;
using SchoolSight.Core.Data;
using SchoolSight.Core.Demo;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Categorisation;
using SchoolSight.Domain.Published;
using SchoolSight.Domain.Register;
using SchoolSight.TestSupport;

namespace SchoolSight.Web.Tests.Categorisation;

/// <summary>One app over Demo Borough (its proposals, agreed levels and judgements) for the categorisation page tests of a database.</summary>
public abstract class CategorisationApp(DatabaseProvider provider) : IAsyncLifetime
{
    public SchoolSightWebFactory App { get; private set; } = null!;

    public async Task InitializeAsync() => App = await SchoolSightWebFactory.CreateAsync(provider);

    public async Task DisposeAsync() => await App.DisposeAsync();

    public async Task<T> Read<T>(Func<AppDbContext, Task<T>> query)
    {
        using var scope = App.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}

public sealed class SqliteCategorisationApp() : CategorisationApp(DatabaseProvider.Sqlite);
public sealed class PostgresCategorisationApp() : CategorisationApp(DatabaseProvider.Postgres);

public abstract class CategorisationPagesTests(CategorisationApp fixture)
{
    private SchoolSightWebFactory App => fixture.App;
    private const int HeadSchool = DemoSeeder.DemoHeadSchoolUrn;
    private const int OtherSchool = DemoSeeder.OtherDemoSchoolUrn;

    private Task<LevelProposal> AnOpenProposal(int skip = 0) =>
        fixture.Read(db => db.LevelProposals.Where(p => p.Status == ProposalStatus.Open).OrderBy(p => p.Urn).Skip(skip).FirstAsync());

    [Fact]
    public async Task TheDemo_HasAgreedLevels_AndProposalsWaitingForTheSmt()
    {
        var page = await App.ClientFor(Role.QualityAssuranceManager).GetStringAsync("/Categorisation");
        page.ShouldContain("Proposals waiting for the SMT");
        var open = await fixture.Read(db => db.LevelProposals.CountAsync(p => p.Status == ProposalStatus.Open));
        open.ShouldBeGreaterThan(0);
        open.ShouldBeLessThanOrEqualTo(DemoCategorisation.WaitingForSmt);
        var current = await fixture.Read(db => CurrentLevels.OfAsync(db, null, CancellationToken.None));
        current[HeadSchool].ProposalId.ShouldNotBeNull();
        current.Values.Select(d => d.Level).Distinct().Count().ShouldBe(3, "the demo has schools at each level");
    }

    [Fact]
    public async Task ThePoposalPage_ShowsEveryFiredRule_WithItsEvidenceAndDates()
    {
        var proposal = await AnOpenProposal();
        var explanation = ProposalExplanation.FromJson(proposal.Explanation);
        var page = WebUtility.HtmlDecode(await App.ClientFor(Role.InterventionOfficer).GetStringAsync($"/Categorisation/Proposals/{proposal.Id}"));

        page.ShouldContain($"Proposed level: <strong class=\"govuk-tag {proposal.ProposedLevel.TagClass()}\" data-testid=\"proposed-level\">{proposal.ProposedLevel.Describe()}</strong>");
        foreach (var rule in explanation.Fired)
        {
            page.ShouldContain(rule.Description);
            foreach (var e in rule.Evidence) page.ShouldContain($"{e.Value}</td><td class=\"govuk-table__cell\">{e.Date}");
        }
        page.ShouldContain("Only a member of the senior management team can agree the level.");
        page.ShouldNotContain("Record the decision");
    }

    [Fact]
    public async Task TheSmt_AgreesAProposal_AndTheSchoolsLevelChanges()
    {
        var proposal = await AnOpenProposal();
        var smt = App.ClientFor(Role.SeniorManager);
        var url = $"/Categorisation/Proposals/{proposal.Id}";

        var noChoice = await smt.PostFormAsync(url, new Dictionary<string, string> { ["Input.Version"] = proposal.Version.ToString() });
        (await noChoice.Content.ReadAsStringAsync()).ShouldContain("Choose whether to agree the proposed level or set another");

        var other = LevelsOfSupport.All.First(l => l != proposal.ProposedLevel);
        var noReason = await smt.PostFormAsync(url, new Dictionary<string, string> { ["Input.Choice"] = other.ToString(), ["Input.Version"] = proposal.Version.ToString() });
        var noReasonPage = await noReason.Content.ReadAsStringAsync();
        noReasonPage.ShouldContain("There is a problem");
        noReasonPage.ShouldContain("Give the reason for setting a different level from the one proposed");
        (await fixture.Read(db => db.LevelProposals.SingleAsync(p => p.Id == proposal.Id))).Status.ShouldBe(ProposalStatus.Open);

        var agreed = await smt.PostFormAsync(url, new Dictionary<string, string>
        {
            ["Input.Choice"] = "agree",
            ["Input.Reason"] = "Agreed at the SMT meeting; evidence checked with the SIP.",
            ["Input.Version"] = proposal.Version.ToString(),
        });
        agreed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var decision = await fixture.Read(db => db.SchoolLevels.Where(d => d.ProposalId == proposal.Id).SingleAsync());
        decision.Level.ShouldBe(proposal.ProposedLevel);
        decision.DecidedBy.ShouldBe(DemoSeeder.DemoUsers.First(u => u.Role == Role.SeniorManager).Email);

        var level = await App.ClientFor(Role.QualityAssuranceManager).GetStringAsync($"/Schools/{proposal.Urn}/Level");
        level.ShouldContain("Agreed at the SMT meeting; evidence checked with the SIP.");

        // The same form, sent again with the version it was opened at, is refused: nobody decides a proposal twice.
        var again = await smt.PostFormAsync(url, new Dictionary<string, string>
        {
            ["Input.Choice"] = other.ToString(),
            ["Input.Reason"] = "Second thoughts.",
            ["Input.Version"] = proposal.Version.ToString(),
        });
        (await again.Content.ReadAsStringAsync()).ShouldContain("after you opened it");
        (await fixture.Read(db => db.SchoolLevels.CountAsync(d => d.ProposalId == proposal.Id))).ShouldBe(1);
    }

    [Fact]
    public async Task ASchoolUser_SeesTheirOwnLevelInPlainWords_AndNotAnotherSchools()
    {
        var client = App.ClientFor(Role.SchoolUser);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/Schools/{HeadSchool}/Level"));
        var current = (await fixture.Read(db => CurrentLevels.OfAsync(db, [HeadSchool], CancellationToken.None)))[HeadSchool];

        page.ShouldContain(current.Level.Meaning());
        page.ShouldContain($"The SMT's reason:</strong> {current.Reason}");
        current.ReasonParts.ShouldNotBeEmpty();
        foreach (var reason in current.ReasonParts)
        {
            page.ShouldContain(reason.Description);
            if (reason.Evidence is { } evidence) page.ShouldContain($"Evidence: {evidence}");
        }
        page.ShouldNotContain("[Intensive]");
        page.ShouldNotContain("[Targeted]");
        page.ShouldNotContain("/Categorisation/Proposals/");
        (await client.GetStringAsync($"/Schools/{HeadSchool}")).ShouldContain($"/Schools/{HeadSchool}/Level");

        (await client.GetAsync($"/Schools/{OtherSchool}/Level")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync($"/api/v1/schools/{OtherSchool}/level")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var api = await client.GetFromJsonAsync<JsonElement>($"/api/v1/schools/{HeadSchool}/level");
        api.GetProperty("current").GetProperty("level").GetString().ShouldBe(current.Level.ToString());
        api.GetProperty("openProposalId").ValueKind.ShouldBe(JsonValueKind.Null);
        (await client.GetAsync("/Categorisation")).StatusCode.ShouldNotBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task TheApi_DecidesWithOptimisticConcurrency()
    {
        var proposal = await AnOpenProposal(1);
        var smt = App.ClientFor(Role.SeniorManager);
        var stale = await smt.PostAsJsonAsync($"/api/v1/categorisation/proposals/{proposal.Id}/decision", new { version = proposal.Version + 5, reason = "x" });
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var officer = await App.ClientFor(Role.InterventionOfficer).PostAsJsonAsync($"/api/v1/categorisation/proposals/{proposal.Id}/decision", new { version = proposal.Version, reason = "x" });
        officer.StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var ok = await smt.PostAsJsonAsync($"/api/v1/categorisation/proposals/{proposal.Id}/decision",
            new { version = proposal.Version, level = "Intensive", reason = "The LA has new information about leadership." });
        ok.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await ok.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("level").GetString().ShouldBe("Intensive");
        body.GetProperty("ruleSetVersion").GetString().ShouldBe("2026.3");
    }

    [Fact]
    public async Task UploadingABadRuleSet_ShowsEveryProblemByLine_AndAGoodOneCanBePreviewedThenAdopted()
    {
        var qa = App.ClientFor(Role.QualityAssuranceManager);
        var bad = await Upload(qa, "version: \"bad-1\"\nname: Bad\nrules:\n  - id: x\n    description: X\n    source: Y\n    level: targeted\n    when:\n      - indicator: NOPE\n        worse-than: 5\n");
        var badPage = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        badPage.ShouldContain("There is a problem");
        badPage.ShouldContain("Line 9, column 20: 'NOPE' is not an indicator in the catalogue");
        (await fixture.Read(db => db.RuleSets.CountAsync(r => r.Version == "bad-1"))).ShouldBe(0);

        // The default criteria with the KS2 attainment rule made stricter: more primary schools would move up.
        var stricter = RuleSets.ReadDefault().Replace("version: \"2026.3\"", "version: \"2026.3-test\"")
            .Replace("        worse-than: england\n        significantly: true\n        min-pupils: 11\n      - indicator: KS2_RWM_EXP\n        trend: not-improving",
                "        worse-than: 90");
        var good = await Upload(qa, stricter);
        good.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var details = WebUtility.HtmlDecode(await qa.GetStringAsync(good.Headers.Location!.ToString()));
        details.ShouldContain("What if it were adopted");
        details.ShouldContain("data-testid=\"what-if\"");
        details.ShouldContain("↑ more support");
        details.ShouldNotContain("Adopt these criteria");

        var id = good.Headers.Location!.ToString().Split('/').Last();
        var preview = await qa.GetFromJsonAsync<JsonElement>($"/api/v1/categorisation/rulesets/{id}/preview");
        preview.GetProperty("moreSupport").GetInt32().ShouldBeGreaterThan(0);
        preview.GetProperty("lessSupport").GetInt32().ShouldBe(0);

        var smt = App.ClientFor(Role.SeniorManager);
        (await smt.GetStringAsync($"/Categorisation/Rules/{id}")).ShouldContain("Adopt these criteria");
        var adopted = await smt.PostFormAsync($"/Categorisation/Rules/{id}", new Dictionary<string, string> { ["Reason"] = "Agreed by the SMT." });
        adopted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await fixture.Read(db => db.RuleSets.SingleAsync(r => r.Status == RuleSetStatus.Adopted))).Version.ShouldBe("2026.3-test");

        // Back to the shipped criteria for the other tests.
        var shipped = await fixture.Read(db => db.RuleSets.Where(r => r.Version == "2026.3").Select(r => r.Id).SingleAsync());
        (await smt.PostAsJsonAsync($"/api/v1/categorisation/rulesets/{shipped}/adopt", new { reason = "Back to the default." })).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task RulesApi_ListsProblemsWithLineAndColumn()
    {
        var response = await App.ClientFor(Role.LaAdministrator).PostAsync("/api/v1/categorisation/rulesets",
            new StringContent("version: \"api-1\"\nname: A\nrules:\n  - id: y\n    description: Y\n    source: Z\n    level: universal\n    when:\n      - ofsted: inadequate\n", Encoding.UTF8, "application/yaml"));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadAsStringAsync();
        problem.ShouldContain("Line 7, column 12");
        problem.ShouldContain("points to universal");
    }

    [Fact]
    public async Task ProposingOverTheDemoLa_GivesEveryOpenSchoolALevel_ExplainedByItsRules()
    {
        var response = await App.ClientFor(Role.QualityAssuranceManager).PostAsync("/api/v1/categorisation/proposals", null);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var run = await response.Content.ReadFromJsonAsync<JsonElement>();
        var openSchools = await fixture.Read(async db => (await db.Schools.Select(s => s.Details.Status).ToListAsync()).Count(s => s.IsOpen()));
        run.GetProperty("schools").GetInt32().ShouldBe(openSchools);

        var proposals = await fixture.Read(db => db.LevelProposals.Where(p => p.Status == ProposalStatus.Open).ToListAsync());
        var decided = await fixture.Read(db => db.LevelProposals.Where(p => p.Status != ProposalStatus.Open && p.Status != ProposalStatus.Superseded).Select(p => p.Urn).ToListAsync());
        proposals.Select(p => p.Urn).Union(decided).Distinct().Count().ShouldBe(openSchools);
        // No Ofsted file is imported in the demo: the GIAS register's ratings stand in.
        var inCategories = (await fixture.Read(db => db.Schools.Select(s => new { s.Urn, s.Details.OfstedRating }).ToListAsync()))
            .Where(s => s.OfstedRating is "Special Measures" or "Serious Weaknesses").Select(s => s.Urn).ToList();
        inCategories.ShouldNotBeEmpty();
        foreach (var proposal in proposals)
        {
            var explanation = ProposalExplanation.FromJson(proposal.Explanation);
            explanation.Level.ShouldBe(proposal.ProposedLevel);
            if (proposal.ProposedLevel != LevelOfSupport.Universal)
                explanation.Fired.ShouldContain(r => r.Points == proposal.ProposedLevel.Describe() && r.Evidence.Count > 0, $"URN {proposal.Urn}");
            if (inCategories.Contains(proposal.Urn)) proposal.ProposedLevel.ShouldBe(LevelOfSupport.Intensive, $"URN {proposal.Urn} is in an Ofsted category");
            explanation.NeedsReview.ShouldBe(explanation.Fired.Any(r => r.Points == "Review"));
        }
    }

    [Fact]
    public async Task ProgrammeEntry_StartsFromTheSchoolsAgreedLevel_UnlessTheSchoolIsAlreadyInTheProgramme()
    {
        var officer = App.ClientFor(Role.InterventionOfficer);
        // The demo head's school already has a case: its level page links to it.
        (await officer.GetStringAsync($"/Schools/{HeadSchool}/Level")).ShouldContain("data-testid=\"programme-case\"");

        var inProgramme = await fixture.Read(db => db.ProgrammeCases.Select(c => c.Urn).ToListAsync());
        var levels = await fixture.Read(db => CurrentLevels.OfAsync(db, null, CancellationToken.None));
        var school = levels.Values.Where(d => d.Level == LevelOfSupport.Intensive && !inProgramme.Contains(d.Urn)).OrderBy(d => d.Urn).First();
        (await officer.GetStringAsync($"/Schools/{school.Urn}/Level")).ShouldContain($"/Programme/Propose?urn={school.Urn}");
        var page = WebUtility.HtmlDecode(await officer.GetStringAsync($"/Programme/Propose?urn={school.Urn}"));
        page.ShouldContain($"Level of support agreed by the SMT on {school.DecidedAt:d MMMM yyyy}: intensive");
        page.ShouldContain($"value=\"{school.Urn}\" selected");
        page.ShouldContain("value=\"Intensive\" selected");
        (await App.ClientFor(Role.SchoolUser).GetStringAsync($"/Schools/{HeadSchool}/Level")).ShouldNotContain("/Programme/Propose");
    }

    private static async Task<HttpResponseMessage> Upload(HttpClient client, string yaml)
    {
        var form = await client.GetStringAsync("/Categorisation/Rules");
        var token = Forms.AntiforgeryToken(form);
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(yaml)), "Upload", "rules.yaml" },
        };
        return await client.PostAsync("/Categorisation/Rules", content);
    }
}

public sealed class CategorisationPagesTests_Sqlite(SqliteCategorisationApp app) : CategorisationPagesTests(app), IClassFixture<SqliteCategorisationApp>;
public sealed class CategorisationPagesTests_Postgres(PostgresCategorisationApp app) : CategorisationPagesTests(app), IClassFixture<PostgresCategorisationApp>;
