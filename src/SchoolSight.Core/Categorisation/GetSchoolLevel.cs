using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Domain.Categorisation;
using SchoolSight.Domain.ImprovingOutcomes;

namespace SchoolSight.Core.Categorisation;

public sealed record SchoolLevelView(
    int Urn, string SchoolName, SchoolLevelDecision? Current, IReadOnlyList<SchoolLevelDecision> History,
    long? OpenProposalId, LevelOfSupport? OpenProposalLevel, bool SeesProposals, int? OpenCaseId);

/// <summary>
/// A school's level of support, its reasons in plain words and its history, for the school itself (its users,
/// governors and SIP) and LA staff. The school sees only what the SMT has agreed; proposals still waiting are LA business.
/// The LA's concerns are LA records: the school's users and governors see a reason drawn from them only as
/// "Information held by the LA" (ADR 0009). Null when the school is not visible to the user or their role may not see levels.
/// </summary>
[Operation]
public sealed class GetSchoolLevel(AppDbContext db, RuleSets ruleSets)
{
    public Task<OperationResult<SchoolLevelView>> RunAsync(int urn, CancellationToken ct = default) =>
        RunAsync(urn, db.CurrentUser.Role is not { } role || !EvidenceRoles.ConcernKeepers.Contains(role), ct);

    /// <summary>The level as the school's users and governors see it, whoever asks: for text written to be shared with the school.</summary>
    public Task<OperationResult<SchoolLevelView>> AsTheSchoolSeesItAsync(int urn, CancellationToken ct = default) => RunAsync(urn, true, ct);

    private async Task<OperationResult<SchoolLevelView>> RunAsync(int urn, bool schoolAudience, CancellationToken ct)
    {
        if (!CategorisationRoles.SchoolLevelReaders.Allows(db.CurrentUser.Role))
            return OperationResult<SchoolLevelView>.Fail(CategorisationRoles.NotAllowed("see a school's level of support"));
        var school = await db.Schools.AsNoTracking().Where(s => s.Urn == urn).Select(s => new { s.Urn, s.Details.Name }).FirstOrDefaultAsync(ct);
        if (school is null) return OperationResult<SchoolLevelView>.Fail(CoreErrors.NotFound("school"));
        IReadOnlyList<SchoolLevelDecision> history = await GetProposals.History(db, urn, ct);
        if (schoolAudience) history = await ForTheSchoolAsync(history, ct);
        var seesProposals = CategorisationRoles.LaReaders.Allows(db.CurrentUser.Role);
        var open = seesProposals
            ? await db.LevelProposals.AsNoTracking().Where(p => p.Urn == urn && p.Status == ProposalStatus.Open)
                .Select(p => new { p.Id, p.ProposedLevel }).FirstOrDefaultAsync(ct)
            : null;
        // The school's Improving Outcomes Programme case, if one is open (the programme's own query filter applies).
        var openCase = await db.ProgrammeCases.AsNoTracking().Where(c => c.Urn == urn && c.State != CaseState.Closed)
            .Select(c => (int?)c.Id).FirstOrDefaultAsync(ct);
        return OperationResult<SchoolLevelView>.Ok(new SchoolLevelView(school.Urn, school.Name, history.FirstOrDefault(), history, open?.Id, open?.ProposedLevel, seesProposals, openCase));
    }

    /// <summary>Each decision with the reasons from rules that test the LA's concerns withheld, by the criteria version it came from.</summary>
    private async Task<IReadOnlyList<SchoolLevelDecision>> ForTheSchoolAsync(IReadOnlyList<SchoolLevelDecision> history, CancellationToken ct)
    {
        if (history.Count == 0) return history;
        var versions = history.Select(d => d.RuleSetVersion).Distinct().ToList();
        var stored = await db.RuleSets.AsNoTracking().Where(r => versions.Contains(r.Version)).ToListAsync(ct);
        var laOnly = stored.ToDictionary(r => r.Version,
            r => ruleSets.Parse(r).RuleSet is { } rules ? rules.Rules.Where(rule => rule.IsLaOnly).Select(rule => rule.Description).ToHashSet(StringComparer.Ordinal) : null);
        return [.. history.Select(d => d.ForSchoolAudience(laOnly.GetValueOrDefault(d.RuleSetVersion) is { } descriptions ? descriptions.Contains : null))];
    }
}
