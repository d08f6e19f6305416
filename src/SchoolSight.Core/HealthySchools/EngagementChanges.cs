using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Core.Workflows;
using SchoolSight.Domain;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.HealthySchools;
using SchoolSight.Domain.Workflows;

namespace SchoolSight.Core.HealthySchools;

/// <summary>
/// How every change to a school's Healthy Schools record is made: by someone whose role may read it (the query filter
/// keeps other schools' records out of reach), from the version they saw, with the domain deciding what is allowed;
/// a refusal leaves nothing changed.
/// </summary>
public static class EngagementChanges
{
    public const string What = "Healthy Schools record";

    public static async Task<OperationResult<T>> ChangeEngagementAsync<T>(this AppDbContext db, int urn, int? expectedVersion,
        Func<HealthySchoolEngagement, Actor, T> change, CancellationToken ct)
    {
        if (db.Actor() is not { } actor || !actor.Role.Allows(Resource.HealthySchools, ResourceAction.Read))
            return OperationResult<T>.Fail(CoreErrors.Forbidden("Your role does not allow you to work on Healthy Schools records."));
        var engagement = await db.HealthySchoolEngagements.FirstOrDefaultAsync(x => x.Urn == urn, ct);
        if (engagement is null) return OperationResult<T>.Fail(CoreErrors.NotFound(What));
        if (expectedVersion is { } v)
        {
            if (engagement.Version != v) return OperationResult<T>.Fail(db.Conflict(What, engagement.UpdatedBy, engagement.UpdatedAt));
            db.ExpectVersion(engagement, v);
        }
        T result;
        try
        {
            result = change(engagement, actor);
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            return OperationResult<T>.Fail(e.Errors);
        }
        db.Entry(engagement).Property(x => x.UpdatedAt).IsModified = true;
        return await db.SaveVersionedAsync(engagement, What, () => result, ct);
    }

    /// <summary>Runs a change that needs only the record and the actor, answering with the record's new version.</summary>
    public static async Task<OperationResult<int>> ChangeAsync(this AppDbContext db, int urn, int? expectedVersion, Action<HealthySchoolEngagement, Actor> change, CancellationToken ct)
    {
        HealthySchoolEngagement? changed = null;
        var result = await db.ChangeEngagementAsync(urn, expectedVersion, (e, a) => { change(e, a); changed = e; return 0; }, ct);
        return result.Succeeded ? OperationResult<int>.Ok(changed!.Version) : result;
    }

    /// <summary>A required value of a form, or the error that names it.</summary>
    public static T Require<T>(T? value, string field, string message) where T : struct =>
        value ?? throw new DomainException(new DomainError("healthy.required", message, field));
}
