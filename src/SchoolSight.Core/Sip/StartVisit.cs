using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Domain;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Sip;

namespace SchoolSight.Core.Sip;

/// <summary>
/// The school's SIP starts the record of a visit: a draft for the day of the visit, with the actions of the school's
/// last visit before it carried forward for their progress to be recorded. Answers with the new record's id.
/// </summary>
[Operation]
public sealed class StartVisit(AppDbContext db)
{
    public async Task<OperationResult<int>> RunAsync(int urn, DateOnly? visitedOn, CancellationToken ct = default)
    {
        var (actor, refusal) = await db.CheckAsync(urn, Resource.SipVisit, ResourceAction.Record, "record a visit", ct);
        if (actor is null) return OperationResult<int>.Fail(refusal!);
        if (visitedOn is not { } day) return OperationResult<int>.Fail(SipErrors.Required("VisitedOn", "Enter the day of the visit"));
        var last = await db.SipVisits.Where(v => v.Urn == urn && v.VisitedOn <= day)
            .OrderByDescending(v => v.VisitedOn).ThenByDescending(v => v.Id).FirstOrDefaultAsync(ct);
        try
        {
            var visit = RecordOfVisit.Start(urn, day, actor, last);
            visit.Write(Empty, day, db.Today());
            db.SipVisits.Add(visit);
            await db.SaveChangesAsync(ct);
            return OperationResult<int>.Ok(visit.Id);
        }
        catch (DomainException e)
        {
            return OperationResult<int>.Fail(e.Errors);
        }
    }

    private static readonly VisitContent Empty = new(null, null, null, null, null, null, null, null, null, null, [], [], null);
}

/// <summary>The SIP writes the draft record of visit, from the version they saw.</summary>
[Operation]
public sealed class SaveVisit(AppDbContext db)
{
    public async Task<OperationResult<int>> RunAsync(int visitId, VisitInput input, CancellationToken ct = default)
    {
        if (input.GroupMeetingId is { } meeting && !await MeetingOfSchoolAsync(visitId, meeting, ct))
            return OperationResult<int>.Fail(new DomainError("sip.meeting", "Choose a management group meeting of the school's programme case", "GroupMeetingId"));
        return await db.ChangeVisitAsync(visitId, input.Version, ResourceAction.Record, "record a visit", (visit, _) =>
        {
            if (input.VisitedOn is not { } day) throw new DomainException(SipErrors.Required("VisitedOn", "Enter the day of the visit"));
            visit.Write(input.ToContent(visit), day, db.Today());
            return Task.CompletedTask;
        }, ct);
    }

    private async Task<bool> MeetingOfSchoolAsync(int visitId, int meetingId, CancellationToken ct)
    {
        var urn = await db.SipVisits.Where(v => v.Id == visitId).Select(v => (int?)v.Urn).FirstOrDefaultAsync(ct);
        return urn is not null && await db.ProgrammeCases.AnyAsync(c => c.Urn == urn && c.GroupMeetings.Any(m => m.Id == meetingId), ct);
    }
}
