using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Core.Workflows;
using SchoolSight.Domain;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Sip;
using SchoolSight.Domain.Workflows;

namespace SchoolSight.Core.Sip;

/// <summary>
/// The checks of every SIP visit operation: the role may do this at all (otherwise 403), the school is one the user may
/// see (their scope; a SIP's assigned schools; otherwise 404), and the school's own people and governors never reach a
/// draft (it reads as not found).
/// </summary>
public static class SipAccess
{
    public const string What = "record of visit";

    /// <summary>The visits the signed-in user may read: the query filter's school scope, and only issued reports for the school's own people.</summary>
    public static IQueryable<RecordOfVisit> VisibleVisits(this AppDbContext db) =>
        db.CurrentUser.Role is { } role && role.IsSchoolBound()
            ? db.SipVisits.Where(v => v.Status != VisitStatus.Draft)
            : db.SipVisits;

    /// <summary>The signed-in user as an actor, if their role holds <paramref name="action"/> on SIP visits and the school is theirs.</summary>
    public static async Task<(Actor? Actor, DomainError? Refusal)> CheckAsync(this AppDbContext db, int urn, Resource resource, ResourceAction action, string doing, CancellationToken ct)
    {
        if (db.Actor() is not { } actor || !actor.Role.Allows(resource, action))
            return (null, CoreErrors.Forbidden($"Your role does not allow you to {doing}."));
        if (!await db.Schools.AnyAsync(s => s.Urn == urn, ct)) return (null, CoreErrors.NotFound("school"));
        if (actor.Role == Role.SchoolImprovementPartner && !await db.SipAssignments.AnyAsync(a => a.UserId == actor.UserId && a.Urn == urn, ct))
            return (null, CoreErrors.NotFound("school"));
        var name = await db.Users.Where(u => u.UserName == actor.Name).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        return (string.IsNullOrWhiteSpace(name) ? actor : actor with { Name = name }, null);
    }

    /// <summary>
    /// Changes one visit from the version the person saw, the domain deciding what is allowed; a refusal changes nothing.
    /// Answers with the visit's new version.
    /// </summary>
    public static async Task<OperationResult<int>> ChangeVisitAsync(this AppDbContext db, int visitId, int? expectedVersion, ResourceAction action, string doing,
        Func<RecordOfVisit, Actor, Task> change, CancellationToken ct)
    {
        var visit = await db.VisibleVisits().FirstOrDefaultAsync(v => v.Id == visitId, ct);
        if (visit is null) return OperationResult<int>.Fail(CoreErrors.NotFound(What));
        var (actor, refusal) = await db.CheckAsync(visit.Urn, Resource.SipVisit, action, doing, ct);
        if (actor is null) return OperationResult<int>.Fail(refusal!);
        if (expectedVersion is { } v)
        {
            if (visit.Version != v) return OperationResult<int>.Fail(db.Conflict(What, visit.UpdatedBy, visit.UpdatedAt));
            db.ExpectVersion(visit, v);
        }
        try
        {
            await change(visit, actor);
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            return OperationResult<int>.Fail(e.Errors);
        }
        db.Entry(visit).Property(x => x.UpdatedAt).IsModified = true;
        return await db.SaveVersionedAsync(visit, What, () => visit.Version, ct);
    }
}
