using SchoolSight.Domain.Sip;

namespace SchoolSight.Core.Sip;

/// <summary>One agreed action as a form posts it.</summary>
public sealed record ActionInput
{
    public string? Action { get; set; }
    public string? Owner { get; set; }
    public DateOnly? DueBy { get; set; }
}

/// <summary>Progress on one earlier action, in the order the record lists them.</summary>
public sealed record ProgressInput
{
    public ActionProgressStatus Status { get; set; }
    public string? Progress { get; set; }
}

/// <summary>A record of visit as the page, the API and the CLI post it.</summary>
public sealed record VisitInput
{
    public DateOnly? VisitedOn { get; set; }
    public string? Purpose { get; set; }
    public string? Targets { get; set; }
    public string? ProgressTowardsTargets { get; set; }
    public string? KeyStrengths { get; set; }
    public string? Priorities { get; set; }
    public SelfEvaluationRobustness? Robustness { get; set; }
    public string? EvidenceBase { get; set; }
    public bool? TargetsInLineWithGuidance { get; set; }
    public bool? TrackingAccurate { get; set; }
    public string? Challenge { get; set; }
    public List<ActionInput> Actions { get; set; } = [];
    public List<ProgressInput> EarlierActions { get; set; } = [];
    public int? GroupMeetingId { get; set; }
    public int Version { get; set; }

    public VisitContent ToContent(RecordOfVisit visit) => new(Purpose, Targets, ProgressTowardsTargets, KeyStrengths, Priorities, Robustness, EvidenceBase,
        TargetsInLineWithGuidance, TrackingAccurate, Challenge,
        [.. Actions.Select(a => new AgreedAction(a.Action ?? "", a.Owner ?? "", a.DueBy))],
        [.. visit.EarlierActions.Select((was, i) => i < EarlierActions.Count ? was with { Status = EarlierActions[i].Status, Progress = EarlierActions[i].Progress } : was)],
        GroupMeetingId);
}
