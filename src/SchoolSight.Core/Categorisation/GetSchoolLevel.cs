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
/// Null when the school is not visible to the user or their role may not see levels.
/// </summary>
[Operation]
public sealed class GetSchoolLevel(AppDbContext db)
{
    public async Task<SchoolLevelView?> RunAsync(int urn, CancellationToken ct = default)
    {
        if (!CategorisationRoles.SchoolLevelReaders.Allows(db.CurrentUser.Role)) return null;
        var school = await db.Schools.AsNoTracking().Where(s => s.Urn == urn).Select(s => new { s.Urn, s.Details.Name }).FirstOrDefaultAsync(ct);
        if (school is null) return null;
        var history = await GetProposals.History(db, urn, ct);
        var seesProposals = CategorisationRoles.LaReaders.Allows(db.CurrentUser.Role);
        var open = seesProposals
            ? await db.LevelProposals.AsNoTracking().Where(p => p.Urn == urn && p.Status == ProposalStatus.Open)
                .Select(p => new { p.Id, p.ProposedLevel }).FirstOrDefaultAsync(ct)
            : null;
        // The school's Improving Outcomes Programme case, if one is open (the programme's own query filter applies).
        var openCase = await db.ProgrammeCases.AsNoTracking().Where(c => c.Urn == urn && c.State != CaseState.Closed)
            .Select(c => (int?)c.Id).FirstOrDefaultAsync(ct);
        return new SchoolLevelView(school.Urn, school.Name, history.FirstOrDefault(), history, open?.Id, open?.ProposedLevel, seesProposals, openCase);
    }
}
