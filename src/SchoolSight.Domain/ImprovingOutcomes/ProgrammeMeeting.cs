namespace SchoolSight.Domain.ImprovingOutcomes;

/// <summary>
/// A programme (IOP) meeting, every two months, at the school wherever possible (seed 004, 7.3): the agenda goes out at
/// least a week before, the school management group's progress report comes before it, minutes go out within a week
/// after; attendance, decisions, revised actions and targets and the progress judgement are recorded; a
/// professionals' meeting may follow; the school reports the outcome to its full governing body (7.5).
/// </summary>
public sealed class ProgrammeMeeting : VersionedEntity
{
    private readonly List<ProgressEvidence> _evidence = [];

    private ProgrammeMeeting() { Venue = ""; }

    public ProgrammeMeeting(DateOnly scheduledFor, string venue, bool atSchool, string? notAtSchoolReason)
    {
        Venue = "";
        Reschedule(scheduledFor, venue, atSchool, notAtSchoolReason);
    }

    public int Id { get; private set; }
    public int CaseId { get; private set; }
    public DateOnly ScheduledFor { get; private set; }
    public string Venue { get; private set; }
    public bool AtSchool { get; private set; }
    public string? NotAtSchoolReason { get; private set; }
    public DateOnly? AgendaSentOn { get; private set; }

    public DateOnly? ProgressReportSubmittedOn { get; private set; }
    public string? ProgressReportSummary { get; private set; }
    public string? PartnershipWork { get; private set; }
    public string? ProgressReportBy { get; private set; }
    public IReadOnlyCollection<ProgressEvidence> Evidence => _evidence;

    public DateOnly? HeldOn { get; private set; }
    public string? Attendance { get; private set; }
    public string? Decisions { get; private set; }
    public string? RevisedActionsAndTargets { get; private set; }
    public ProgressJudgement? Judgement { get; private set; }
    public DateOnly? MinutesCirculatedOn { get; private set; }

    /// <summary>Whether the SIP agrees with the progress judgement (seed 004, 7.2), and why not when they do not.</summary>
    public bool? SipAgrees { get; private set; }
    public string? SipComment { get; private set; }
    public string? SipAgreementBy { get; private set; }
    public DateOnly? SipAgreementOn { get; private set; }

    public DateOnly? ProfessionalsMeetingOn { get; private set; }
    public string? ProfessionalsMeetingNotes { get; private set; }
    public DateOnly? ReportedToGoverningBodyOn { get; private set; }
    public string? GoverningBodyFeedback { get; private set; }

    public bool IsHeld => HeldOn is not null;

    /// <summary>The day the meeting happens or happened: the day it was held, else the day it is scheduled for.</summary>
    public DateOnly Date => HeldOn ?? ScheduledFor;

    public void Reschedule(DateOnly scheduledFor, string venue, bool atSchool, string? notAtSchoolReason)
    {
        var v = TextFields.Required(venue, "Venue", "Enter where the meeting will take place", 300);
        var reason = TextFields.Optional(notAtSchoolReason, "NotAtSchoolReason", "The reason", 1000);
        if (!atSchool && reason is null) throw new DomainException(ProgrammeErrors.NotAtSchoolReason);
        ScheduledFor = scheduledFor;
        Venue = v;
        AtSchool = atSchool;
        NotAtSchoolReason = atSchool ? null : reason;
    }

    public void RecordAgendaSent(DateOnly? sentOn, DateOnly today) =>
        AgendaSentOn = Text.NotFuture(sentOn, today, "AgendaSentOn", "The day the agenda was sent", "Enter the day the agenda was sent");

    /// <summary>
    /// The management group's progress report: measurable evidence linked to the plan's actions (not only the
    /// headteacher's view), with a summary of partnership working.
    /// </summary>
    public void SubmitProgressReport(string summary, string? partnershipWork, IReadOnlyList<ProgressEvidence> evidence, DateOnly today, string by)
    {
        var s = TextFields.Required(summary, "ProgressReportSummary", "Enter the school's assessment of progress");
        var p = TextFields.Optional(partnershipWork, "PartnershipWork", "The summary of partnership working");
        if (evidence.Count == 0) throw new DomainException(ProgrammeErrors.EvidenceRequired);
        ProgressReportSummary = s;
        PartnershipWork = p;
        ProgressReportSubmittedOn = today;
        ProgressReportBy = by;
        _evidence.Clear();
        _evidence.AddRange(evidence);
    }

    public void RecordHeld(DateOnly? heldOn, string attendance, string decisions, string? revisedActionsAndTargets, ProgressJudgement? judgement, DateOnly today)
    {
        var held = Text.NotFuture(heldOn, today, "HeldOn", "The day the meeting was held", "Enter the day the meeting was held");
        var a = TextFields.Required(attendance, "Attendance", "Enter who attended (and who sent apologies)");
        var d = TextFields.Required(decisions, "Decisions", "Enter the decisions made");
        var r = TextFields.Optional(revisedActionsAndTargets, "RevisedActionsAndTargets", "The revised actions and targets");
        if (judgement is null) throw new DomainException(ProgrammeErrors.Required("Judgement", "Choose the progress judgement agreed at the meeting"));
        if (MinutesCirculatedOn is { } minutes && minutes < held) throw new DomainException(ProgrammeErrors.BeforeMeeting("HeldOn", "The minutes"));
        HeldOn = held;
        Attendance = a;
        Decisions = d;
        RevisedActionsAndTargets = r;
        Judgement = judgement;
    }

    public void RecordMinutesCirculated(DateOnly? circulatedOn, DateOnly today)
    {
        if (HeldOn is not { } held) throw new DomainException(ProgrammeErrors.MeetingNotHeld);
        var day = Text.NotFuture(circulatedOn, today, "MinutesCirculatedOn", "The day the minutes were circulated", "Enter the day the minutes were circulated");
        if (day < held) throw new DomainException(ProgrammeErrors.BeforeMeeting("MinutesCirculatedOn", "The day the minutes were circulated"));
        MinutesCirculatedOn = day;
    }

    /// <summary>The SIP must agree with the progress and self-evaluation judgements: records their view of this meeting's judgement.</summary>
    public void RecordSipAgreement(bool? agrees, string? comment, string by, DateOnly today)
    {
        if (Judgement is null) throw new DomainException(DomainError.Rule("programme.no-judgement", "Record the meeting and its progress judgement before the SIP's agreement.", "SipAgrees"));
        if (agrees is null) throw new DomainException(ProgrammeErrors.Required("SipAgrees", "Say whether you agree with the progress judgement"));
        var c = TextFields.Optional(comment, "SipComment", "The comment", 2000);
        if (agrees == false && c is null) throw new DomainException(ProgrammeErrors.Required("SipComment", "Say why you do not agree with the progress judgement"));
        SipAgrees = agrees;
        SipComment = c;
        SipAgreementBy = by;
        SipAgreementOn = today;
    }

    public void RecordProfessionalsMeeting(DateOnly? heldOn, string notes, DateOnly today)
    {
        var day = Text.NotFuture(heldOn, today, "ProfessionalsMeetingOn", "The day of the professionals' meeting", "Enter the day of the professionals' meeting");
        if (HeldOn is { } held && day < held) throw new DomainException(ProgrammeErrors.BeforeMeeting("ProfessionalsMeetingOn", "A professionals' meeting follows the programme meeting: its day"));
        ProfessionalsMeetingNotes = TextFields.Required(notes, "ProfessionalsMeetingNotes", "Enter the support revised and the next steps agreed");
        ProfessionalsMeetingOn = day;
    }

    public void RecordGoverningBodyReport(DateOnly? reportedOn, string? feedback, DateOnly today)
    {
        if (HeldOn is not { } held) throw new DomainException(ProgrammeErrors.Required("ReportedToGoverningBodyOn", "Record that the meeting was held before recording the report to governors"));
        var day = Text.NotFuture(reportedOn, today, "ReportedToGoverningBodyOn", "The day of the governing body meeting", "Enter the day the outcome was reported to the full governing body");
        if (day < held) throw new DomainException(ProgrammeErrors.BeforeMeeting("ReportedToGoverningBodyOn", "The report to the governing body"));
        ReportedToGoverningBodyOn = day;
        GoverningBodyFeedback = TextFields.Optional(feedback, "GoverningBodyFeedback", "The governing body's feedback");
    }
}

/// <summary>A piece of measurable evidence in a progress report, linked to an action of the plan.</summary>
public sealed class ProgressEvidence
{
    private ProgressEvidence() { Evidence = ""; }

    public ProgressEvidence(int planActionId, string evidence)
    {
        PlanActionId = planActionId;
        Evidence = TextFields.Required(evidence, "Evidence", "Enter the measurable evidence", 2000);
        if (!Evidence.Any(char.IsDigit)) throw new DomainException(new DomainError("programme.evidence-not-measurable",
            "Evidence must be measurable: include a figure, such as a percentage or a number of pupils.", "Evidence"));
    }

    public int Id { get; private set; }
    public int MeetingId { get; private set; }
    public int PlanActionId { get; private set; }
    public string Evidence { get; private set; }
}
