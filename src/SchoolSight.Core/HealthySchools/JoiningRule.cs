using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Domain;
using SchoolSight.Domain.HealthySchools;

namespace SchoolSight.Core.HealthySchools;

/// <summary>
/// Whether a school may join the enhancement model today, from its status and whether it has self-validated this
/// academic year's annual review: what the annual review page says, and what starting the enhancement model obeys.
/// </summary>
internal static class JoiningRule
{
    public static async Task<(HealthySchoolStatus? Status, JoiningDecision Decision)> DecideAsync(AppDbContext db, int urn, HealthySchoolsSettings settings, CancellationToken ct)
    {
        var today = db.Today();
        var thisYear = AcademicYear.Of(today);
        var status = await db.HealthySchoolStatuses.AsNoTracking().FirstOrDefaultAsync(s => s.Urn == urn, ct);
        var reviewed = await db.AnnualReviews.AnyAsync(r => r.Urn == urn && r.Year == thisYear && r.SelfValidatedOn != null, ct);
        return (status, JoiningPathways.Decide(status, today, reviewed, settings));
    }
}
