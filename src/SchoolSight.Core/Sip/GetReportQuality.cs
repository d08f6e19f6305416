using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Sip;

namespace SchoolSight.Core.Sip;

/// <summary>
/// The quality of a set of issued reports: how many were issued, how many have all seven features settled, and the
/// share of those missing one or two features and three or more.
/// </summary>
public sealed record ReportQuality(string Who, int Issued, int Judged, int MissingNone, int MissingOneOrTwo, int MissingThreeOrMore)
{
    public double? ShareMissingOneOrTwo => Judged == 0 ? null : (double)MissingOneOrTwo / Judged;
    public double? ShareMissingThreeOrMore => Judged == 0 ? null : (double)MissingThreeOrMore / Judged;

    public static ReportQuality Of(string who, IEnumerable<int?> missing)
    {
        var all = missing.ToList();
        var judged = all.OfType<int>().Select(ReportFeatures.Band).ToList();
        return new ReportQuality(who, all.Count, judged.Count, judged.Count(b => b == MissingFeatures.None),
            judged.Count(b => b == MissingFeatures.OneOrTwo), judged.Count(b => b == MissingFeatures.ThreeOrMore));
    }
}

/// <summary>The reports of an academic year, LA-wide and per SIP, for the reviewers; with the reports waiting for a reviewer.</summary>
public sealed record ReportQualityView(int AcademicYear, ReportQuality LaWide, IReadOnlyList<ReportQuality> PerSip, IReadOnlyList<VisitRow> AwaitingReview);

[Operation]
public sealed class GetReportQuality(AppDbContext db, ListVisits list)
{
    public async Task<OperationResult<ReportQualityView>> RunAsync(int academicYear, CancellationToken ct = default)
    {
        if (!db.CurrentUser.Role.Allows(Resource.SipService, ResourceAction.Read))
            return OperationResult<ReportQualityView>.Fail(CoreErrors.Forbidden("Your role does not allow you to see the quality of SIP reports."));
        var issued = (await db.SipVisits.AsNoTracking().Where(v => v.AcademicYear == academicYear && v.Status != VisitStatus.Draft).ToListAsync(ct))
            .Where(v => db.CurrentUser.Role != Role.SchoolImprovementPartner || v.SipUserId == db.CurrentUser.UserId).ToList();
        var perSip = issued.GroupBy(v => v.SipName).OrderBy(g => g.Key).Select(g => ReportQuality.Of(g.Key, g.Select(v => v.Missing))).ToList();
        var rows = (await list.RunAsync(null, ct)).Value ?? [];
        var waiting = rows.Where(r => r.Status.IsIssued() && !r.Reviewed && issued.Any(v => v.Id == r.Id)).ToList();
        return OperationResult<ReportQualityView>.Ok(new ReportQualityView(academicYear, ReportQuality.Of("The LA", issued.Select(v => v.Missing)), perSip, waiting));
    }
}
