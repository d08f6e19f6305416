using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SchoolSight.Core.Demo;
using SchoolSight.Domain.Access;
using SchoolSight.TestSupport;
using SchoolSight.Web.Tests.Programme;

namespace SchoolSight.Web.Tests.Workflows;

/// <summary>
/// The one API shape for a move, on two workflows (the programme case's lifecycle and the SMT's decision on a proposed
/// level): <c>POST …/moves/{move}</c> with a reason and the version read answers 200 with the record, 422 with every
/// rule in the way, 403 for a role not allowed, 409 for a stale version and 404 for a move the workflow does not have.
/// </summary>
public abstract class MoveApiTests(ProgrammeApp fixture)
{
    private SchoolSightWebFactory App => fixture.App;
    private const int ProposedSchool = DemoSeeder.DemoHeadSchoolUrn + 3;

    private static async Task<JsonElement> Json(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private static string[] Errors(JsonElement problem, string field) =>
        [.. problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()!)];

    [Fact]
    public async Task AProgrammeCaseMove_AnswersInTheOneShape()
    {
        var id = await fixture.CaseAt(ProposedSchool);
        var smt = App.ClientFor(Role.SeniorManager);
        var url = $"/api/v1/programme/cases/{id}/moves";
        var version = (await smt.GetFromJsonAsync<JsonElement>($"/api/v1/programme/cases/{id}")).GetProperty("version").GetInt32();

        var officer = await App.ClientFor(Role.InterventionOfficer).PostAsJsonAsync($"{url}/agree-entry", new { reason = "Agreed.", version });
        officer.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Json(officer)).GetProperty("detail").GetString().ShouldBe("Only a senior management team member may agree entry to the programme.");

        var noReason = await smt.PostAsJsonAsync($"{url}/agree-entry", new { reason = " ", version });
        noReason.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        Errors(await Json(noReason), "reason").ShouldBe(["Give the reason for this decision."]);

        var wrongState = await smt.PostAsJsonAsync($"{url}/AgreeExit", new { reason = "Done.", version });
        wrongState.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        Errors(await Json(wrongState), "").ShouldBe(["You cannot agree the school's exit from the programme while the case is at \"Entry proposed\"."]);

        (await smt.PostAsJsonAsync($"{url}/agree-entry", new { reason = "Agreed.", version = version - 1 })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await smt.PostAsJsonAsync($"{url}/fly-away", new { reason = "Agreed.", version })).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var agreed = await smt.PostAsJsonAsync($"{url}/agree-entry", new { reason = "Agreed at the SMT meeting.", version });
        agreed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await Json(agreed);
        body.GetProperty("state").GetString().ShouldBe("EntryAgreed");
        body.GetProperty("version").GetInt32().ShouldBeGreaterThan(version);
        var decision = body.GetProperty("decisions").EnumerateArray().Last();
        decision.GetProperty("move").GetString().ShouldBe("AgreeEntry");
        decision.GetProperty("reason").GetString().ShouldBe("Agreed at the SMT meeting.");
    }

    [Fact]
    public async Task ALevelDecision_AnswersInTheSameShape()
    {
        var smt = App.ClientFor(Role.SeniorManager);
        var proposal = (await smt.GetFromJsonAsync<JsonElement>("/api/v1/categorisation/proposals")).EnumerateArray()
            .First(p => p.GetProperty("proposedLevel").GetString() != "Intensive");
        var id = proposal.GetProperty("id").GetInt64();
        var version = proposal.GetProperty("version").GetInt32();
        var url = $"/api/v1/categorisation/proposals/{id}/moves";

        (await App.ClientFor(Role.InterventionOfficer).PostAsJsonAsync($"{url}/agree", new { reason = "Agreed.", version })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var noReason = await smt.PostAsJsonAsync($"{url}/set-another-level", new { level = "Intensive", version });
        noReason.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        Errors(await Json(noReason), "reason").ShouldBe(["Give the reason for setting a different level from the one proposed"]);

        (await smt.PostAsJsonAsync($"{url}/agree", new { reason = "Agreed.", version = version + 5 })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await smt.PostAsJsonAsync($"{url}/supersede", new { reason = "Agreed.", version })).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var set = await smt.PostAsJsonAsync($"{url}/set-another-level", new { level = "Intensive", reason = "The LA has new information about leadership.", version });
        set.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await Json(set);
        body.GetProperty("status").GetString().ShouldBe("Changed");

        var again = await smt.PostAsJsonAsync($"{url}/agree", new { reason = "Agreed.", version = body.GetProperty("version").GetInt32() });
        again.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        Errors(await Json(again), "").ShouldBe(["The SMT has already decided on this proposal."]);
    }
}

public sealed class MoveApiTests_Sqlite(SqliteProgrammeApp app) : MoveApiTests(app), IClassFixture<SqliteProgrammeApp>;
public sealed class MoveApiTests_Postgres(PostgresProgrammeApp app) : MoveApiTests(app), IClassFixture<PostgresProgrammeApp>;
