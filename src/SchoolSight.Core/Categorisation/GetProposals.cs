using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Domain.Categorisation;
using SchoolSight.Domain.Register;

namespace SchoolSight.Core.Categorisation;

public sealed record ProposalRow(
    long Id, int Urn, string SchoolName, string? Locality, SchoolPhase Phase, LevelOfSupport? CurrentLevel, LevelOfSupport ProposedLevel,
    bool NeedsReview, int RulesFired, DateTime ProposedAt, int Version)
{
    public bool Changes => CurrentLevel != ProposedLevel;
}

public sealed record CategorisationOverview(
    RuleSetVersion? Adopted, IReadOnlyDictionary<LevelOfSupport, int> SchoolsByLevel, int OpenSchools, int NotYetCategorised,
    IReadOnlyList<ProposalRow> OpenProposals, int AgreeableUnchanged);

public sealed record ProposalDetail(
    LevelProposal Proposal, string SchoolName, SchoolPhase Phase, string? Locality, ProposalExplanation Explanation,
    SchoolLevelDecision? Current, IReadOnlyList<SchoolLevelDecision> History);

/// <summary>The categorisation overview for LA staff: the adopted criteria, schools by level and the proposals awaiting the SMT.</summary>
[Operation]
public sealed class GetProposals(AppDbContext db)
{
    public async Task<OperationResult<CategorisationOverview>> OverviewAsync(CancellationToken ct = default)
    {
        if (!CategorisationRoles.LaReaders.Allows(db.CurrentUser.Role)) return OperationResult<CategorisationOverview>.Fail(CategorisationRoles.NotAllowed("see the levels of support proposed"));
        var adopted = await db.RuleSets.AsNoTracking().FirstOrDefaultAsync(r => r.Status == RuleSetStatus.Adopted, ct);
        var schools = await db.Schools.AsNoTracking()
            .Select(s => new { s.Urn, s.Details.Name, s.Details.Status, s.Phase, Locality = s.Locality != null ? s.Locality.Name : null }).ToListAsync(ct);
        var open = schools.Where(s => s.Status.IsOpen()).ToDictionary(s => s.Urn);
        var current = await CurrentLevels.OfAsync(db, null, ct);
        var proposals = await db.LevelProposals.AsNoTracking().Where(p => p.Status == ProposalStatus.Open).ToListAsync(ct);

        var rows = proposals.Where(p => open.ContainsKey(p.Urn)).Select(p =>
        {
            var school = open[p.Urn];
            var fired = ProposalExplanation.FromJson(p.Explanation).Fired.Count;
            return new ProposalRow(p.Id, p.Urn, school.Name, school.Locality, school.Phase, current.GetValueOrDefault(p.Urn)?.Level, p.ProposedLevel,
                p.NeedsReview, fired, p.ProposedAt, p.Version);
        }).OrderByDescending(r => r.Changes).ThenByDescending(r => r.ProposedLevel).ThenByDescending(r => r.NeedsReview).ThenBy(r => r.SchoolName).ToList();

        var byLevel = LevelsOfSupport.All.ToDictionary(l => l, l => current.Count(c => open.ContainsKey(c.Key) && c.Value.Level == l));
        var agreeable = rows.Count(r => !r.NeedsReview && r.CurrentLevel == r.ProposedLevel);
        return OperationResult<CategorisationOverview>.Ok(new CategorisationOverview(adopted, byLevel, open.Count, open.Keys.Count(u => !current.ContainsKey(u)), rows, agreeable));
    }

    /// <summary>
    /// The overview's open proposals counted, without their rows or explanations: how many wait for the SMT and how many
    /// of them would change the school's level (for the home page).
    /// </summary>
    public async Task<OperationResult<(int Waiting, int Changes)>> WaitingCountAsync(CancellationToken ct = default)
    {
        if (!CategorisationRoles.LaReaders.Allows(db.CurrentUser.Role)) return OperationResult<(int, int)>.Fail(CategorisationRoles.NotAllowed("see the levels of support proposed"));
        var open = (await db.Schools.AsNoTracking().Select(s => new { s.Urn, s.Details.Status }).ToListAsync(ct))
            .Where(s => s.Status.IsOpen()).Select(s => s.Urn).ToHashSet();
        var proposals = (await db.LevelProposals.AsNoTracking().Where(p => p.Status == ProposalStatus.Open).Select(p => new { p.Urn, p.ProposedLevel }).ToListAsync(ct))
            .Where(p => open.Contains(p.Urn)).ToList();
        if (proposals.Count == 0) return OperationResult<(int, int)>.Ok((0, 0));
        var current = await CurrentLevels.OfAsync(db, [.. proposals.Select(p => p.Urn)], ct);
        return OperationResult<(int, int)>.Ok((proposals.Count, proposals.Count(p => current.GetValueOrDefault(p.Urn)?.Level != p.ProposedLevel)));
    }

    public async Task<OperationResult<ProposalDetail>> DetailAsync(long id, CancellationToken ct = default)
    {
        if (!CategorisationRoles.LaReaders.Allows(db.CurrentUser.Role)) return OperationResult<ProposalDetail>.Fail(CategorisationRoles.NotAllowed("see the levels of support proposed"));
        var proposal = await db.LevelProposals.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (proposal is null) return OperationResult<ProposalDetail>.Fail(CoreErrors.NotFound("proposal"));
        var school = await db.Schools.AsNoTracking().Where(s => s.Urn == proposal.Urn)
            .Select(s => new { s.Details.Name, s.Phase, Locality = s.Locality != null ? s.Locality.Name : null }).FirstAsync(ct);
        var history = await History(db, proposal.Urn, ct);
        return OperationResult<ProposalDetail>.Ok(new ProposalDetail(proposal, school.Name, school.Phase, school.Locality, ProposalExplanation.FromJson(proposal.Explanation),
            history.FirstOrDefault(), history));
    }

    /// <summary>A school's decisions, newest first.</summary>
    internal static async Task<List<SchoolLevelDecision>> History(AppDbContext db, int urn, CancellationToken ct) =>
        (await db.SchoolLevels.AsNoTracking().Where(d => d.Urn == urn).ToListAsync(ct)).OrderByDescending(d => d.DecidedAt).ThenByDescending(d => d.Id).ToList();
}
