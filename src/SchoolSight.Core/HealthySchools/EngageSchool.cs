using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Core.Workflows;
using SchoolSight.Domain;
using SchoolSight.Domain.HealthySchools;

namespace SchoolSight.Core.HealthySchools;

/// <summary>
/// A school's first step in the enhancement model: its Healthy Schools record opens at stage 1 (the school's staff, or
/// the coordinator with them), when its joining pathway says it may join today; otherwise refused with the reason the
/// annual review page gives. The welcome letter follows from it.
/// </summary>
[Operation]
public sealed class EngageSchool(AppDbContext db, HealthySchoolsConfiguration configuration)
{
    /// <returns>The new record's version.</returns>
    public async Task<OperationResult<int>> RunAsync(int urn, CancellationToken ct = default)
    {
        if (db.Actor() is not { } actor) return OperationResult<int>.Fail(CoreErrors.Forbidden("Sign in to engage with Healthy Schools."));
        if (!await db.Schools.AnyAsync(s => s.Urn == urn, ct)) return OperationResult<int>.Fail(CoreErrors.NotFound("school"));
        if (await db.HealthySchoolEngagements.IgnoreQueryFilters().AnyAsync(e => e.Urn == urn, ct))
            return OperationResult<int>.Fail(DomainError.Rule("healthy.engaged", "The school is already working through the enhancement model."));
        var (_, joining) = await JoiningRule.DecideAsync(db, urn, configuration.Settings, ct);
        HealthySchoolEngagement engagement;
        try
        {
            engagement = HealthySchoolEngagement.Engage(urn, joining, actor, db.Today());
        }
        catch (DomainException e)
        {
            return OperationResult<int>.Fail(e.Errors);
        }
        db.HealthySchoolEngagements.Add(engagement);
        await db.SaveChangesAsync(ct);
        return OperationResult<int>.Ok(engagement.Version);
    }
}
