using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Domain.Sip;

namespace SchoolSight.Core.Sip;

/// <summary>One SIP for an academic year: their caseload against visits due, headship, the quality of their reports and their paired visits.</summary>
public sealed record SipProfileView(int AcademicYear, SipCaseload Caseload, ReportQuality Reports);

/// <summary>
/// A SIP's profile for the LA (and for the SIP themselves): the caseload as <see cref="GetSipService"/> gives it, with
/// the share of the year's issued reports missing one or two of the seven features and three or more. Another SIP's
/// profile is not found for a SIP.
/// </summary>
[Operation]
public sealed class GetSipProfile(AppDbContext db, GetSipService service)
{
    public async Task<OperationResult<SipProfileView>> RunAsync(string userId, int academicYear, CancellationToken ct = default)
    {
        var caseloads = await service.RunAsync(academicYear, ct);
        if (!caseloads.Succeeded) return OperationResult<SipProfileView>.Fail(caseloads.Errors);
        if (caseloads.Value!.FirstOrDefault(c => c.Sip.UserId == userId) is not { } caseload)
            return OperationResult<SipProfileView>.Fail(CoreErrors.NotFound("school improvement partner"));
        var issued = await db.SipVisits.AsNoTracking()
            .Where(v => v.SipUserId == userId && v.AcademicYear == academicYear && v.Status != VisitStatus.Draft).ToListAsync(ct);
        return OperationResult<SipProfileView>.Ok(new SipProfileView(academicYear, caseload, ReportQuality.Of(caseload.Sip.Name, issued.Select(v => v.Missing))));
    }
}
