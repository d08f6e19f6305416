using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SchoolSight.Core.Categorisation;
using SchoolSight.Core.Data;
using SchoolSight.Core.Demo;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Categorisation;
using SchoolSight.Domain.Categorisation.Rules;
using SchoolSight.TestSupport;

namespace SchoolSight.Web.Tests.Categorisation;

/// <summary>
/// The LA's concerns are LA records (ADR 0009): when the SMT agrees a level that fired on an open safeguarding concern
/// about the demo head's school, the head and the governors see "Information held by the LA" and the SMT's reason —
/// neither the concern nor its kind — on the level page and in the API, while LA roles see the full reason.
/// </summary>
public abstract class ConcernReasonsTests(CategorisationApp fixture) : IAsyncLifetime
{
    private const int Head = DemoSeeder.DemoHeadSchoolUrn;
    private const string SmtReason = "Agreed at the SMT; the LA is following up information it holds with the school's governors.";
    private static readonly string Rule = "The LA has an open safeguarding concern: the safety of pupils or staff at the school is threatened.";
    private SchoolSightWebFactory App => fixture.App;

    public async Task InitializeAsync()
    {
        using (var scope = App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            if (!await db.SchoolConcerns.AnyAsync(c => c.Urn == Head && c.Kind == ConcernKind.Safeguarding && c.ClosedOn == null))
            {
                db.SchoolConcerns.Add(new SchoolConcern(Head, ConcernKind.Safeguarding, DateOnly.FromDateTime(db.UtcNow).AddDays(-3),
                    "Allegation about the headteacher referred to the LADO.", "mi@demo-borough.example"));
                await db.SaveChangesAsync();
            }
        }
        (await App.ClientFor(Role.QualityAssuranceManager).PostAsync($"/api/v1/categorisation/proposals?urn={Head}", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var proposal = await fixture.Read(db => db.LevelProposals.Where(p => p.Urn == Head && p.Status == ProposalStatus.Open).FirstOrDefaultAsync());
        if (proposal is null) return;
        ProposalExplanation.FromJson(proposal.Explanation).Fired.ShouldContain(r => r.Description == Rule);
        var decided = await App.ClientFor(Role.SeniorManager).PostAsJsonAsync($"/api/v1/categorisation/proposals/{proposal.Id}/decision",
            new { version = proposal.Version, reason = SmtReason });
        decided.StatusCode.ShouldBe(HttpStatusCode.OK, await decided.Content.ReadAsStringAsync());
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static void ShouldNotTellOfTheConcern(string text, string who)
    {
        text.ShouldNotContain(Rule, Case.Insensitive, who);
        text.ShouldNotContain(ConcernCondition.EvidenceLabel, Case.Insensitive, who);
        text.ShouldNotContain(ConcernKind.Safeguarding.Describe(), Case.Insensitive, who);
        text.ShouldNotContain("safety of pupils", Case.Insensitive, who);
        text.ShouldNotContain("LADO", Case.Sensitive, who);
    }

    [Theory]
    [InlineData(Role.SchoolUser)]
    [InlineData(Role.Governor)]
    public async Task TheSchoolAndItsGovernors_SeeInformationHeldByTheLa_NotTheConcernOrItsKind(Role role)
    {
        var client = App.ClientFor(role);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/Schools/{Head}/Level"));
        page.ShouldContain(SchoolLevelDecision.HeldByTheLa);
        page.ShouldContain(SmtReason);
        page.ShouldContain("Intensive");
        ShouldNotTellOfTheConcern(page, $"{role} page");

        var api = await client.GetStringAsync($"/api/v1/schools/{Head}/level");
        api.ShouldContain(SchoolLevelDecision.HeldByTheLa);
        api.ShouldContain(SmtReason);
        ShouldNotTellOfTheConcern(api, $"{role} API");
    }

    [Theory]
    [InlineData(Role.QualityAssuranceManager)]
    [InlineData(Role.SeniorManager)]
    [InlineData(Role.InterventionOfficer)]
    [InlineData(Role.LaAdministrator)]
    public async Task LaRoles_StillSeeTheFullReason_WithItsEvidence(Role role)
    {
        var client = App.ClientFor(role);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/Schools/{Head}/Level"));
        page.ShouldContain(Rule);
        page.ShouldContain($"{ConcernCondition.EvidenceLabel}: {ConcernKind.Safeguarding.Describe()}, open");
        page.ShouldNotContain(SchoolLevelDecision.HeldByTheLa);
        (await client.GetStringAsync($"/api/v1/schools/{Head}/level")).ShouldContain(Rule);
    }

    [Fact]
    public async Task AProgrammeCaseStartedFromTheLevel_IsWordedAsTheSchoolSeesIt()
    {
        // A case's concerns are shared with the school and its governors: the form starts from what they may see.
        var page = await App.ClientFor(Role.InterventionOfficer).GetStringAsync($"/Programme/Propose?urn={Head}");
        var concerns = WebUtility.HtmlDecode(Regex.Match(page, "<textarea[^>]*name=\"Input.Concerns\"[^>]*>(.*?)</textarea>", RegexOptions.Singleline).Groups[1].Value);
        concerns.ShouldContain($"- {SchoolLevelDecision.HeldByTheLa}");
        concerns.ShouldContain(SmtReason);
        ShouldNotTellOfTheConcern(concerns, "programme entry form");
    }
}

public sealed class ConcernReasonsTests_Sqlite(SqliteCategorisationApp app) : ConcernReasonsTests(app), IClassFixture<SqliteCategorisationApp>;
public sealed class ConcernReasonsTests_Postgres(PostgresCategorisationApp app) : ConcernReasonsTests(app), IClassFixture<PostgresCategorisationApp>;
