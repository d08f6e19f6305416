using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Sip;

namespace SchoolSight.Core.Sip;

/// <summary>A paired visit in a list: the school, the SIP, the senior adviser, the overall grade and whether the summary has gone.</summary>
public sealed record PairedVisitRow(int Id, int Urn, string SchoolName, DateOnly VisitedOn, string SipName, string AdviserName, PairedVisitGrade? Overall, DateOnly? SummarySentOn);

/// <summary>
/// The paired visits the signed-in person may read, latest first: the LA's all of them, a SIP their own, the school's
/// own people their school's once the written summary has been sent to them.
/// </summary>
[Operation]
public sealed class ListPairedVisits(AppDbContext db)
{
    public async Task<OperationResult<IReadOnlyList<PairedVisitRow>>> RunAsync(CancellationToken ct = default)
    {
        if (db.CurrentUser.Role is not { } role || !role.Allows(Resource.PairedVisit, ResourceAction.Read))
            return OperationResult<IReadOnlyList<PairedVisitRow>>.Fail(CoreErrors.Forbidden("Your role does not allow you to read paired visits."));
        var query = db.PairedVisits.AsNoTracking();
        if (role.IsSchoolBound()) query = query.Where(p => p.SummarySentOn != null);
        if (role == Role.SchoolImprovementPartner) query = query.Where(p => p.SipUserId == db.CurrentUser.UserId);
        var visits = await query.OrderByDescending(p => p.VisitedOn).ThenByDescending(p => p.Id).ToListAsync(ct);
        var urns = visits.Select(p => p.Urn).Distinct().ToList();
        var names = await db.Schools.Where(s => urns.Contains(s.Urn)).ToDictionaryAsync(s => s.Urn, s => s.Details.Name, ct);
        return OperationResult<IReadOnlyList<PairedVisitRow>>.Ok([.. visits.Select(p => new PairedVisitRow(p.Id, p.Urn,
            names.GetValueOrDefault(p.Urn, p.Urn.ToString(System.Globalization.CultureInfo.InvariantCulture)), p.VisitedOn, p.SipName, p.AdviserName,
            p.OverallEffectivenessGrade, p.SummarySentOn))]);
    }
}
