using SchoolSight.Domain.Access;
using SchoolSight.Domain.Workflows;

namespace SchoolSight.Domain.Sip;

/// <summary>The SIP's judgement of how robust the school's self-evaluation and its evidence base are.</summary>
public enum SelfEvaluationRobustness
{
    Robust,
    PartlyRobust,
    NotRobust,
}

public static class SelfEvaluationRobustnesses
{
    public static string Describe(this SelfEvaluationRobustness robustness) => robustness switch
    {
        SelfEvaluationRobustness.Robust => "Robust, with a secure evidence base",
        SelfEvaluationRobustness.PartlyRobust => "Partly robust: gaps in the evidence base",
        SelfEvaluationRobustness.NotRobust => "Not robust",
    };
}

/// <summary>What the SIP writes in a record of visit; the actions of the last visit come with their progress.</summary>
public sealed record VisitContent(
    string? Purpose,
    string? Targets,
    string? ProgressTowardsTargets,
    string? KeyStrengths,
    string? Priorities,
    SelfEvaluationRobustness? Robustness,
    string? EvidenceBase,
    bool? TargetsInLineWithGuidance,
    bool? TrackingAccurate,
    string? Challenge,
    IReadOnlyList<AgreedAction> Actions,
    IReadOnlyList<ActionProgress> EarlierActions,
    int? GroupMeetingId);

/// <summary>
/// A SIP's record of one visit to a school: its purpose, the school's targets and progress towards them, key strengths,
/// priorities, the robustness of the school's self-evaluation and its evidence base (with whether its targets are in
/// line with guidance and its tracking accurate), the challenge given, the actions agreed, and progress on the last
/// visit's actions (carried forward when the record is started). A draft until the SIP issues it (<see cref="VisitReport"/>);
/// the headteacher then marks it accurate or inaccurate with a comment. The seven features of a good report are held on
/// it: those SchoolSight decides from the record are set when it is issued, the rest a reviewer judges.
/// </summary>
public sealed class RecordOfVisit : VersionedEntity, ISchoolOwned
{
    public static Resource Resource => Resource.SipVisit;

    private List<AgreedAction> _actions = [];
    private List<ActionProgress> _earlierActions = [];

    private RecordOfVisit() { SipUserId = ""; SipName = ""; }

    /// <summary>Starts the record of a visit, carrying forward the actions of the school's last visit before it.</summary>
    public static RecordOfVisit Start(int urn, DateOnly visitedOn, Actor sip, RecordOfVisit? last)
    {
        if (!SipRoles.Visitors.Contains(sip.Role))
            throw new DomainException(WorkflowErrors.RoleNotAllowed(SipRoles.Visitors, "record a visit"));
        return new RecordOfVisit
        {
            Urn = urn,
            VisitedOn = visitedOn,
            AcademicYear = Domain.AcademicYear.Of(visitedOn),
            SipUserId = sip.UserId ?? "",
            SipName = sip.Name,
            PreviousVisitId = last?.Id,
            _earlierActions = [.. CarriedForward.From(last)],
        };
    }

    public int Id { get; private set; }
    public int Urn { get; private set; }

    /// <summary>The academic year of the visit, as the year it starts (2025 for 2025/26).</summary>
    public int AcademicYear { get; private set; }
    public DateOnly VisitedOn { get; private set; }

    /// <summary>The SIP who made the visit (their user id and name when they recorded it).</summary>
    public string SipUserId { get; private set; }
    public string SipName { get; private set; }

    /// <summary>The school's visit before this one, whose actions were carried forward.</summary>
    public int? PreviousVisitId { get; private set; }

    /// <summary>The management group meeting of the school's programme case the visit was linked to.</summary>
    public int? GroupMeetingId { get; private set; }

    public string? Purpose { get; private set; }
    public string? Targets { get; private set; }
    public string? ProgressTowardsTargets { get; private set; }
    public string? KeyStrengths { get; private set; }
    public string? Priorities { get; private set; }
    public SelfEvaluationRobustness? Robustness { get; private set; }
    public string? EvidenceBase { get; private set; }

    /// <summary>Whether the school's targets are in line with guidance (null: not judged at this visit).</summary>
    public bool? TargetsInLineWithGuidance { get; private set; }

    /// <summary>Whether the school's tracking of pupils' progress is accurate (null: not judged at this visit).</summary>
    public bool? TrackingAccurate { get; private set; }

    /// <summary>The challenge the SIP gave, in their words.</summary>
    public string? Challenge { get; private set; }

    public IReadOnlyList<AgreedAction> Actions => _actions;
    public IReadOnlyList<ActionProgress> EarlierActions => _earlierActions;

    public VisitStatus Status { get; private set; }
    public DateOnly? IssuedOn { get; private set; }
    public string? IssuedBy { get; private set; }

    /// <summary>Who answered for the school, when, and their comment (required when they marked it inaccurate).</summary>
    public string? RespondedBy { get; private set; }
    public DateTime? RespondedAt { get; private set; }
    public string? SchoolComment { get; private set; }

    // The seven features: null while not settled (a draft, or a feature the reviewer has not judged yet).
    public bool? Timely { get; private set; }
    public bool? AccurateAndEvidenced { get; private set; }
    public bool? IssuesForActionWithTimescale { get; private set; }
    public bool? EvidenceOfChallenge { get; private set; }
    public bool? AgendaForAction { get; private set; }
    public bool? ClearFormat { get; private set; }
    public bool? FeedsRiskRegister { get; private set; }
    public string? ReviewedBy { get; private set; }
    public DateOnly? ReviewedOn { get; private set; }
    public string? ReviewNote { get; private set; }

    /// <summary>Each of the seven features with whether the report has it (null: not settled yet).</summary>
    public IReadOnlyList<(ReportFeature Feature, bool? Has)> Features =>
        [.. ReportFeatures.All.Select(f => (f, Has(f)))];

    /// <summary>How many features the report lacks, once all seven are settled.</summary>
    public int? Missing => Features.Any(f => f.Has is null) ? null : Features.Count(f => f.Has == false);

    public bool? Has(ReportFeature feature) => feature switch
    {
        ReportFeature.Timely => Timely,
        ReportFeature.AccurateAndEvidenced => AccurateAndEvidenced,
        ReportFeature.IssuesForActionWithTimescale => IssuesForActionWithTimescale,
        ReportFeature.EvidenceOfChallenge => EvidenceOfChallenge,
        ReportFeature.AgendaForAction => AgendaForAction,
        ReportFeature.ClearFormat => ClearFormat,
        ReportFeature.FeedsRiskRegister => FeedsRiskRegister,
    };

    /// <summary>The SIP writes (or rewrites) the draft.</summary>
    public void Write(VisitContent content, DateOnly visitedOn, DateOnly today)
    {
        if (Status != VisitStatus.Draft) throw new DomainException(SipErrors.NotDraft);
        if (visitedOn > today.AddYears(1)) throw new DomainException(SipErrors.InFuture("VisitedOn", "The visit's date"));
        VisitedOn = visitedOn;
        AcademicYear = Domain.AcademicYear.Of(visitedOn);
        Purpose = TextFields.Optional(content.Purpose, "Purpose", "The purpose", 1000);
        Targets = TextFields.Optional(content.Targets, "Targets", "The school's targets");
        ProgressTowardsTargets = TextFields.Optional(content.ProgressTowardsTargets, "ProgressTowardsTargets", "The progress towards the targets");
        KeyStrengths = TextFields.Optional(content.KeyStrengths, "KeyStrengths", "The key strengths");
        Priorities = TextFields.Optional(content.Priorities, "Priorities", "The priorities");
        Robustness = content.Robustness;
        EvidenceBase = TextFields.Optional(content.EvidenceBase, "EvidenceBase", "The comment on the evidence base");
        TargetsInLineWithGuidance = content.TargetsInLineWithGuidance;
        TrackingAccurate = content.TrackingAccurate;
        Challenge = TextFields.Optional(content.Challenge, "Challenge", "The challenge given");
        GroupMeetingId = content.GroupMeetingId;
        _actions = [.. content.Actions.Where(a => !string.IsNullOrWhiteSpace(a.Action)).Select((a, i) => new AgreedAction(
            TextFields.Required(a.Action, $"Actions[{i}].Action", "Enter the action", 1000),
            TextFields.Optional(a.Owner, $"Actions[{i}].Owner", "The owner", 200) ?? "", a.DueBy))];
        if (content.EarlierActions.Count == _earlierActions.Count)
            _earlierActions = [.. _earlierActions.Zip(content.EarlierActions, (was, now) => was with
            {
                Status = now.Status,
                Progress = TextFields.Optional(now.Progress, "EarlierActions", "The progress on an earlier action", 2000),
            })];
    }

    /// <summary>
    /// Issues the report, settling the five features SchoolSight decides from the record: timely (the LA's rule,
    /// worked out by the caller), issues for action with a timescale, an agenda for action, a clear format and whether it
    /// feeds the risk register (the visit's judgements were recorded).
    /// </summary>
    public void Issue(MoveContext context, bool timely, bool judgementsRecorded)
    {
        VisitReport.Workflow.Fire(this, VisitMove.Issue, context, s => Status = s);
        IssuedOn = context.Today;
        IssuedBy = context.Actor.Name;
        Timely = timely;
        AgendaForAction = _actions.Count > 0;
        IssuesForActionWithTimescale = !string.IsNullOrWhiteSpace(Priorities) && _actions.Count > 0 && _actions.All(a => a.HasOwnerAndTimescale);
        ClearFormat = !string.IsNullOrWhiteSpace(Targets) && !string.IsNullOrWhiteSpace(KeyStrengths) && !string.IsNullOrWhiteSpace(Priorities);
        FeedsRiskRegister = judgementsRecorded;
    }

    /// <summary>The headteacher marks the issued report accurate, or inaccurate with a comment (the reason of <paramref name="context"/>).</summary>
    public void Answer(bool accurate, MoveContext context)
    {
        VisitReport.Workflow.Fire(this, accurate ? VisitMove.MarkAccurate : VisitMove.MarkInaccurate, context, s => Status = s);
        RespondedBy = context.Actor.Name;
        RespondedAt = context.At;
        SchoolComment = TextFields.Optional(context.Reason, "Comment", "The comment", 4000);
    }

    /// <summary>A reviewer judges the two features SchoolSight cannot decide from the record.</summary>
    public void Review(bool accurateAndEvidenced, bool evidenceOfChallenge, string? note, Actor reviewer, DateOnly today)
    {
        if (!SipRoles.Reviewers.Contains(reviewer.Role))
            throw new DomainException(WorkflowErrors.RoleNotAllowed(SipRoles.Reviewers, "review a SIP report"));
        if (!Status.IsIssued()) throw new DomainException(SipErrors.NotIssued);
        AccurateAndEvidenced = accurateAndEvidenced;
        EvidenceOfChallenge = evidenceOfChallenge;
        ReviewNote = TextFields.Optional(note, "ReviewNote", "The reviewer's note", 2000);
        ReviewedBy = reviewer.Name;
        ReviewedOn = today;
    }
}
