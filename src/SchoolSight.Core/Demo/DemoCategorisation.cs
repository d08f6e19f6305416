using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Categorisation;
using SchoolSight.Core.Data;
using SchoolSight.Core.Indicators;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Categorisation;
using SchoolSight.Domain.Workflows;

namespace SchoolSight.Core.Demo;

/// <summary>
/// Demo Borough's categorisation: proposals from the default criteria on the demo's own data, judgements and GIAS
/// Ofsted ratings, a history of levels from a year ago, the current levels agreed by the demo SMT member — and a
/// handful of proposals left waiting so a new user can agree them.
/// </summary>
public static class DemoCategorisation
{
    public const int WaitingForSmt = 6;

    public static async Task SeedAsync(AppDbContext db, CancellationToken ct)
    {
        var source = IndicatorCatalogueSource.Default;
        var run = await new ProposeLevels(db, new RuleSets(source), new CategorisationEvidence(db, source)).ProposeAsync(null, ct);
        if (!run.Succeeded) throw new InvalidOperationException($"Demo proposals failed: {string.Join("; ", run.Errors.Select(e => e.Message))}");

        var smt = DemoSeeder.DemoUsers.First(u => u.Role == Role.SeniorManager).Email;
        var now = db.UtcNow;
        var proposals = await db.LevelProposals.Where(p => p.Status == ProposalStatus.Open).OrderBy(p => p.Urn).ToListAsync(ct);
        var waiting = 0;
        foreach (var proposal in proposals)
        {
            // A year ago: mostly the same level; every seventh school has moved since, one way or the other.
            var before = (proposal.Urn % 7) switch
            {
                0 => (LevelOfSupport)Math.Max(0, (int)proposal.ProposedLevel - 1),
                3 => (LevelOfSupport)Math.Min(2, (int)proposal.ProposedLevel + 1),
                _ => proposal.ProposedLevel,
            };
            db.SchoolLevels.Add(new SchoolLevelDecision(proposal.Urn, before, null, null, null, "pre-2026",
                "Agreed under the LA's criteria in use before SchoolSight.", smt, Role.SeniorManager, now.AddDays(-365),
                "Annual categorisation, autumn 2025 SMT meeting."));
            if (before != proposal.ProposedLevel && proposal.Urn != DemoSeeder.DemoHeadSchoolUrn && waiting < WaitingForSmt)
            {
                waiting++;
                continue;
            }
            var explanation = ProposalExplanation.FromJson(proposal.Explanation);
            proposal.Decide(proposal.ProposedLevel, new MoveContext(new Actor(smt, Role.SeniorManager), now, db.Clock.DateOf(now), "Agreed at the November SMT meeting."));
            db.SchoolLevels.Add(new SchoolLevelDecision(proposal.Urn, proposal.ProposedLevel, before, proposal.ProposedLevel, proposal.Id, proposal.RuleSetVersion,
                string.Join("\n", explanation.ReasonLines), smt, Role.SeniorManager, now,
                proposal.NeedsReview ? "Agreed at the November SMT meeting; the missing evidence was checked with the school's SIP." : "Agreed at the November SMT meeting."));
        }
        await db.SaveChangesAsync(ct);
    }
}
