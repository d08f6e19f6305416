using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Categorisation;
using SchoolSight.Core.Data;
using SchoolSight.Core.Indicators;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Categorisation;
using SchoolSight.Domain.ImprovingOutcomes;
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
        // A school in the programme is supported at its tier: the SMT sets that level, saying so, when the criteria differ.
        var inProgramme = await db.ProgrammeCases
            .Where(c => c.State == CaseState.EntryAgreed || c.State == CaseState.BaselineRecorded || c.State == CaseState.Active)
            .ToDictionaryAsync(c => c.Urn, c => c.Tier == SupportTier.Intensive ? LevelOfSupport.Intensive : LevelOfSupport.Targeted, ct);
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
            var explanation = ProposalExplanation.FromJson(proposal.Explanation);
            db.SchoolLevels.Add(new SchoolLevelDecision(proposal.Urn, before, null, null, null, "pre-2026", "", smt, Role.SeniorManager, now.AddDays(-365),
                EarlierReason(before, proposal.ProposedLevel, explanation)));
            var tier = inProgramme.GetValueOrDefault(proposal.Urn);
            if (before != proposal.ProposedLevel && proposal.Urn != DemoSeeder.DemoHeadSchoolUrn && !inProgramme.ContainsKey(proposal.Urn) && waiting < WaitingForSmt)
            {
                waiting++;
                continue;
            }
            var level = inProgramme.ContainsKey(proposal.Urn) ? tier : proposal.ProposedLevel;
            var reason = level != proposal.ProposedLevel
                ? $"Set at the November SMT meeting to {level.Describe().ToLowerInvariant()}, the school's tier in the Improving Outcomes Programme, which the SMT agreed on the evidence of its case."
                : proposal.NeedsReview ? "Agreed at the November SMT meeting; the missing evidence was checked with the school's SIP." : "Agreed at the November SMT meeting.";
            proposal.Decide(level, new MoveContext(new Actor(smt, Role.SeniorManager), now, db.Clock.DateOf(now), reason));
            db.SchoolLevels.Add(new SchoolLevelDecision(proposal.Urn, level, before, proposal.ProposedLevel, proposal.Id, proposal.RuleSetVersion,
                string.Join("\n", explanation.ReasonLines), smt, Role.SeniorManager, now, reason));
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// What the SMT recorded a year ago, before the LA's criteria were held in SchoolSight: the level and what it was
    /// agreed on — the same reasons as now when the level has not moved since, or what has changed when it has.
    /// </summary>
    internal static string EarlierReason(LevelOfSupport before, LevelOfSupport now, ProposalExplanation explanation)
    {
        const string Meeting = "Annual categorisation at the autumn 2025 SMT meeting";
        var level = before.Describe().ToLowerInvariant();
        var reasons = explanation.Fired.Where(r => r.Points == before.Describe()).Select(r => r.Description.TrimEnd('.')).ToList();
        if (before == now)
            return reasons.Count > 0
                ? $"{Meeting}: {level}, agreed on this evidence: {string.Join("; ", reasons)}."
                : $"{Meeting}: {level}; the Ofsted outcome, published results and the SIP's and the school's own judgements raised no concern.";
        return before > now
            ? $"{Meeting}: {level}, until the school's improvement seen in its SIP's visits is confirmed by its results and judgements."
            : $"{Meeting}: {level}, on the evidence then; the concerns that have raised the level since had not yet arisen.";
    }
}
