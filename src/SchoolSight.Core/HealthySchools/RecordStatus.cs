using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Core.Workflows;
using SchoolSight.Domain;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.HealthySchools;

namespace SchoolSight.Core.HealthySchools;

public sealed record StatusInput
{
    /// <summary>The day the status was achieved or renewed.</summary>
    public DateOnly? AchievedOn { get; set; }

    /// <summary>The day it lapsed, when recording that it did.</summary>
    public DateOnly? LapsedOn { get; set; }
    public int? Version { get; set; }
}

/// <summary>
/// The coordinator records a school's Healthy Schools status: the day it was achieved or renewed, or the day it lapsed.
/// </summary>
[Operation]
public sealed class RecordStatus(AppDbContext db)
{
    public const string What = "Healthy Schools status";

    public async Task<OperationResult<int>> RunAsync(int urn, StatusInput input, CancellationToken ct = default)
    {
        if (db.Actor() is not { } actor || !actor.Role.Allows(Resource.HealthySchools, ResourceAction.Read))
            return OperationResult<int>.Fail(CoreErrors.Forbidden("Your role does not allow you to work on Healthy Schools records."));
        if (!await db.Schools.AnyAsync(s => s.Urn == urn, ct)) return OperationResult<int>.Fail(CoreErrors.NotFound("school"));
        var status = await db.HealthySchoolStatuses.FirstOrDefaultAsync(s => s.Urn == urn, ct);
        try
        {
            if (input.LapsedOn is { } lapsed)
            {
                if (status is null) return OperationResult<int>.Fail(DomainError.Rule("healthy.no-status", "The school has no status to lapse."));
                if (input.Version is { } v && status.Version != v) return OperationResult<int>.Fail(db.Conflict(What, status.UpdatedBy, status.UpdatedAt));
                status.Lapse(lapsed, actor);
            }
            else
            {
                var achieved = EngagementChanges.Require(input.AchievedOn, nameof(input.AchievedOn), "Enter the day the status was achieved");
                if (status is null) db.HealthySchoolStatuses.Add(status = HealthySchoolStatus.Achieve(urn, achieved, actor, db.Today()));
                else
                {
                    if (input.Version is { } v && status.Version != v) return OperationResult<int>.Fail(db.Conflict(What, status.UpdatedBy, status.UpdatedAt));
                    status.Renew(achieved, actor, db.Today());
                }
            }
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            return OperationResult<int>.Fail(e.Errors);
        }
        if (input.Version is { } expected && db.Entry(status).State != EntityState.Added) db.ExpectVersion(status, expected);
        return await db.SaveVersionedAsync(status, What, () => status.Version, ct);
    }
}
