using SchoolSight.Core.Data;
using SchoolSight.Domain;

namespace SchoolSight.Core.Categorisation;

/// <summary>Changes a board meeting's date, purpose or notes, from the version the organiser saw (the board stays).</summary>
[Operation]
public sealed class EditBoardMeeting(AppDbContext db)
{
    public async Task<OperationResult<int>> RunAsync(int id, BoardMeetingInput input, CancellationToken ct = default)
    {
        if (!BoardMeetingChecks.MayOrganise(db)) return OperationResult<int>.Fail(BoardMeetingChecks.NotOrganiser);
        var meeting = await db.BoardMeetings.FindAsync([id], ct);
        if (meeting is null) return OperationResult<int>.Fail(CoreErrors.NotFound("board meeting"));
        var (_, errors) = await BoardMeetingChecks.CheckAsync(db, input, meeting.LocalityId, id, ct);
        if (input.Version <= 0) errors.Insert(0, new DomainError("board.version", "Give the version of the meeting you are changing"));
        if (errors.Count > 0) return OperationResult<int>.Fail(errors);

        db.ExpectVersion(meeting, input.Version);
        try
        {
            meeting.Change(input.MeetsOn!.Value, input.Purpose!.Value, input.Notes);
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            return OperationResult<int>.Fail(e.Errors);
        }
        return await db.SaveVersionedAsync(meeting, "board meeting", () => meeting.Id, ct);
    }
}
