using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Core.Workflows;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Sip;
using SchoolSight.Domain.Workflows;

namespace SchoolSight.Core.Sip;

/// <summary>A visit in a list: its school, day, SIP, status and how many of the seven features it lacks.</summary>
public sealed record VisitRow(int Id, int Urn, string SchoolName, DateOnly VisitedOn, string SipName, VisitStatus Status, DateOnly? IssuedOn, string? Purpose, int? Missing, bool Reviewed);

/// <summary>One visit whole, with what the signed-in person may do to it now.</summary>
public sealed record VisitView(RecordOfVisit Visit, string SchoolName, IReadOnlyList<OpenMove<RecordOfVisit, VisitStatus, VisitMove, MoveContext>> Moves, bool MayEdit, bool MayReview, string? GroupMeetingTitle);

/// <summary>The visits the signed-in person may read: a school's, or (without a school) every school's in their scope, latest first.</summary>
[Operation]
public sealed class ListVisits(AppDbContext db)
{
    public Task<OperationResult<IReadOnlyList<VisitRow>>> RunAsync(int? urn = null, CancellationToken ct = default) =>
        ListAsync(v => urn == null || v.Urn == urn, ct);

    /// <summary>The visits linked to any of a programme case's management group meetings.</summary>
    public Task<OperationResult<IReadOnlyList<VisitRow>>> LinkedToMeetingsAsync(IReadOnlyCollection<int> meetingIds, CancellationToken ct = default) =>
        ListAsync(v => v.GroupMeetingId != null && meetingIds.Contains(v.GroupMeetingId.Value), ct);

    private async Task<OperationResult<IReadOnlyList<VisitRow>>> ListAsync(System.Linq.Expressions.Expression<Func<RecordOfVisit, bool>> filter, CancellationToken ct)
    {
        if (!db.CurrentUser.Role.Allows(Resource.SipVisit, ResourceAction.Read))
            return OperationResult<IReadOnlyList<VisitRow>>.Fail(CoreErrors.Forbidden("Your role does not allow you to read SIP visits."));
        var visits = await db.VisibleVisits().AsNoTracking().Where(filter)
            .OrderByDescending(v => v.VisitedOn).ThenByDescending(v => v.Id).ToListAsync(ct);
        var urns = visits.Select(v => v.Urn).Distinct().ToList();
        var names = await db.Schools.Where(s => urns.Contains(s.Urn)).ToDictionaryAsync(s => s.Urn, s => s.Details.Name, ct);
        return OperationResult<IReadOnlyList<VisitRow>>.Ok([.. visits.Select(v => new VisitRow(v.Id, v.Urn, names.GetValueOrDefault(v.Urn, v.Urn.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            v.VisitedOn, v.SipName, v.Status, v.IssuedOn, v.Purpose, v.Missing, v.ReviewedOn is not null))]);
    }
}

/// <summary>One visit, if the signed-in person may read it (a school's own people: only once issued).</summary>
[Operation]
public sealed class GetVisit(AppDbContext db)
{
    public async Task<OperationResult<VisitView>> RunAsync(int visitId, CancellationToken ct = default)
    {
        if (db.Actor() is not { } actor || !actor.Role.Allows(Resource.SipVisit, ResourceAction.Read))
            return OperationResult<VisitView>.Fail(CoreErrors.Forbidden("Your role does not allow you to read SIP visits."));
        var visit = await db.VisibleVisits().AsNoTracking().FirstOrDefaultAsync(v => v.Id == visitId, ct);
        if (visit is null) return OperationResult<VisitView>.Fail(CoreErrors.NotFound(SipAccess.What));
        var school = await db.Schools.Where(s => s.Urn == visit.Urn).Select(s => s.Details.Name).FirstOrDefaultAsync(ct) ?? "";
        var moves = VisitReport.Workflow.MovesFor(visit, db.MoveBy(actor, null));
        string? meeting = null;
        if (visit.GroupMeetingId is { } id && await db.ProgrammeCases.Where(c => c.Urn == visit.Urn).SelectMany(c => c.GroupMeetings)
                .Where(m => m.Id == id).Select(m => (DateOnly?)m.HeldOn).FirstOrDefaultAsync(ct) is { } held)
            meeting = "Management group meeting of " + held.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
        return OperationResult<VisitView>.Ok(new VisitView(visit, school, moves,
            visit.Status == VisitStatus.Draft && actor.Role.Allows(Resource.SipVisit, ResourceAction.Record),
            visit.Status.IsIssued() && actor.Role.Allows(Resource.SipVisit, ResourceAction.Decide), meeting));
    }
}
