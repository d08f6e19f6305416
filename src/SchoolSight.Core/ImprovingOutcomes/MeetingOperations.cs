using SchoolSight.Core.Data;
using SchoolSight.Domain.ImprovingOutcomes;
using SchoolSight.Domain.Workflows;

namespace SchoolSight.Core.ImprovingOutcomes;

public sealed record ScheduleMeetingInput
{
    public DateOnly? ScheduledFor { get; set; }
    public string? Venue { get; set; }
    public bool AtSchool { get; set; } = true;
    public string? NotAtSchoolReason { get; set; }
}

/// <summary>Schedules a programme meeting (every two months, at the school wherever possible); its deadlines follow from the date.</summary>
[Operation]
public sealed class ScheduleProgrammeMeeting(AppDbContext db)
{
    /// <returns>The new meeting's id.</returns>
    public async Task<OperationResult<int>> RunAsync(int caseId, ScheduleMeetingInput input, CancellationToken ct = default)
    {
        ProgrammeMeeting? meeting = null;
        var result = await db.ChangeCaseAsync(caseId, null, (c, actor, _) =>
        {
            meeting = c.ScheduleMeeting(input.ScheduledFor, input.Venue ?? "", input.AtSchool, input.NotAtSchoolReason, actor, db.Today());
            return 0;
        }, ct);
        return result.Succeeded ? OperationResult<int>.Ok(meeting!.Id) : OperationResult<int>.Fail(result.Errors);
    }
}

public sealed record MeetingDateInput
{
    public DateOnly? On { get; set; }
    public int Version { get; set; }
}

/// <summary>Records the day the agenda went out (due at least a week before the meeting).</summary>
[Operation]
public sealed class RecordAgendaSent(AppDbContext db)
{
    public Task<OperationResult<int>> RunAsync(int caseId, int meetingId, MeetingDateInput input, CancellationToken ct = default) =>
        db.ChangeMeetingAsync(caseId, meetingId, input.Version, (c, actor) => c.RecordAgendaSent(meetingId, input.On, actor, db.Today()), ct);
}

public sealed record ProgressReportInput
{
    public string? Summary { get; set; }
    public string? PartnershipWork { get; set; }
    public List<EvidenceInput> Evidence { get; set; } = [];
    public int Version { get; set; }
}

public sealed record EvidenceInput
{
    public int PlanActionId { get; set; }
    public string? Evidence { get; set; }
}

/// <summary>The school management group's progress report before a programme meeting.</summary>
[Operation]
public sealed class SubmitProgressReport(AppDbContext db)
{
    public Task<OperationResult<int>> RunAsync(int caseId, int meetingId, ProgressReportInput input, CancellationToken ct = default) =>
        db.ChangeMeetingAsync(caseId, meetingId, input.Version, (c, actor) => c.SubmitProgressReport(meetingId, input.Summary ?? "", input.PartnershipWork,
            input.Evidence.Select(e => (e.PlanActionId, e.Evidence ?? "")).ToList(), actor, db.Today()), ct);
}

public sealed record MeetingHeldInput
{
    public DateOnly? HeldOn { get; set; }
    public string? Attendance { get; set; }
    public string? Decisions { get; set; }
    public string? RevisedActionsAndTargets { get; set; }
    public ProgressJudgement? Judgement { get; set; }
    public int Version { get; set; }
}

/// <summary>Records a programme meeting: attendance, decisions, revised actions and targets, and the progress judgement.</summary>
[Operation]
public sealed class RecordMeetingHeld(AppDbContext db)
{
    public Task<OperationResult<int>> RunAsync(int caseId, int meetingId, MeetingHeldInput input, CancellationToken ct = default) =>
        db.ChangeMeetingAsync(caseId, meetingId, input.Version, (c, actor) => c.RecordMeetingHeld(meetingId, input.HeldOn, input.Attendance ?? "",
            input.Decisions ?? "", input.RevisedActionsAndTargets, input.Judgement, actor, db.Today()), ct);
}

/// <summary>Records the day the minutes were circulated (due within a week of the meeting).</summary>
[Operation]
public sealed class RecordMinutes(AppDbContext db)
{
    public Task<OperationResult<int>> RunAsync(int caseId, int meetingId, MeetingDateInput input, CancellationToken ct = default) =>
        db.ChangeMeetingAsync(caseId, meetingId, input.Version, (c, actor) => c.RecordMinutes(meetingId, input.On, actor, db.Today()), ct);
}

public sealed record SipAgreementInput
{
    public bool? Agrees { get; set; }
    public string? Comment { get; set; }
    public int Version { get; set; }
}

/// <summary>The SIP records whether they agree with the progress judgement of a meeting, and why not.</summary>
[Operation]
public sealed class RecordSipAgreement(AppDbContext db)
{
    public Task<OperationResult<int>> RunAsync(int caseId, int meetingId, SipAgreementInput input, CancellationToken ct = default) =>
        db.ChangeMeetingAsync(caseId, meetingId, input.Version, (c, actor) => c.RecordSipAgreement(meetingId, input.Agrees, input.Comment, actor, db.Today()), ct);
}

public sealed record FollowUpInput
{
    public DateOnly? On { get; set; }
    public string? Notes { get; set; }
    public int Version { get; set; }
}

/// <summary>Records the professionals' meeting that may follow a programme meeting.</summary>
[Operation]
public sealed class RecordProfessionalsMeeting(AppDbContext db)
{
    public Task<OperationResult<int>> RunAsync(int caseId, int meetingId, FollowUpInput input, CancellationToken ct = default) =>
        db.ChangeMeetingAsync(caseId, meetingId, input.Version, (c, actor) => c.RecordProfessionalsMeeting(meetingId, input.On, input.Notes ?? "", actor, db.Today()), ct);
}

/// <summary>Records that the school reported the meeting's outcome to its full governing body, and the feedback.</summary>
[Operation]
public sealed class RecordGoverningBodyReport(AppDbContext db)
{
    public Task<OperationResult<int>> RunAsync(int caseId, int meetingId, FollowUpInput input, CancellationToken ct = default) =>
        db.ChangeMeetingAsync(caseId, meetingId, input.Version, (c, actor) => c.RecordGoverningBodyReport(meetingId, input.On, input.Notes, actor, db.Today()), ct);
}

internal static class MeetingCommands
{
    /// <summary>Changes one meeting of a case, checking the meeting is still at the version the user saw.</summary>
    public static Task<OperationResult<int>> ChangeMeetingAsync(this AppDbContext db, int caseId, int meetingId, int version,
        Action<ImprovingOutcomesCase, Actor> change, CancellationToken ct) =>
        db.ChangeCaseAsync(caseId, null, (c, actor, _) =>
        {
            var meeting = c.Meeting(meetingId);
            db.ExpectVersion(meeting, version);
            if (meeting.Version != version) throw new Domain.DomainException(db.Conflict("meeting", meeting.UpdatedBy, meeting.UpdatedAt));
            change(c, actor);
            return meetingId;
        }, ct, "meeting", c => c.Meetings.First(m => m.Id == meetingId));
}
