using SchoolSight.Core.Data;
using SchoolSight.Domain.Categorisation;

namespace SchoolSight.Core.Categorisation;

/// <summary>Arranges a meeting of the SSEB or of a locality's School Effectiveness Board.</summary>
[Operation]
public sealed class CreateBoardMeeting(AppDbContext db)
{
    /// <returns>The new meeting's id.</returns>
    public async Task<OperationResult<int>> RunAsync(BoardMeetingInput input, CancellationToken ct = default)
    {
        if (!BoardMeetingChecks.MayOrganise(db)) return OperationResult<int>.Fail(BoardMeetingChecks.NotOrganiser);
        var (localityId, errors) = await BoardMeetingChecks.CheckAsync(db, input, null, null, ct);
        if (errors.Count > 0) return OperationResult<int>.Fail(errors);
        var meeting = new BoardMeeting(localityId, input.MeetsOn!.Value, input.Purpose!.Value, input.Notes);
        db.BoardMeetings.Add(meeting);
        await db.SaveChangesAsync(ct);
        return OperationResult<int>.Ok(meeting.Id);
    }
}
