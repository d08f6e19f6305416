namespace SchoolSight.Domain.Sip;

/// <summary>An action agreed at a visit: what, who owns it and by when (the timescale).</summary>
public sealed record AgreedAction(string Action, string Owner, DateOnly? DueBy)
{
    public bool HasOwnerAndTimescale => !string.IsNullOrWhiteSpace(Owner) && DueBy is not null;
}

/// <summary>How far an action carried forward from an earlier visit has got.</summary>
public enum ActionProgressStatus
{
    NotReviewed,
    NotStarted,
    InProgress,
    Completed,
}

/// <summary>
/// An action of an earlier visit, carried forward to the next one with the progress made on it: the SIP starts each
/// visit by reviewing the actions since the last one.
/// </summary>
public sealed record ActionProgress(string Action, string Owner, DateOnly? DueBy, DateOnly AgreedOn, ActionProgressStatus Status, string? Progress)
{
    public bool IsOpen => Status != ActionProgressStatus.Completed;
}

/// <summary>The actions a new visit reviews: everything the last visit agreed, and what it carried forward that is still open.</summary>
public static class CarriedForward
{
    public static IReadOnlyList<ActionProgress> From(RecordOfVisit? last)
    {
        if (last is null) return [];
        return
        [
            .. last.EarlierActions.Where(a => a.IsOpen).Select(a => a with { Status = ActionProgressStatus.NotReviewed, Progress = null }),
            .. last.Actions.Select(a => new ActionProgress(a.Action, a.Owner, a.DueBy, last.VisitedOn, ActionProgressStatus.NotReviewed, null)),
        ];
    }

    public static string Describe(this ActionProgressStatus status) => status switch
    {
        ActionProgressStatus.NotReviewed => "Not reviewed yet",
        ActionProgressStatus.NotStarted => "Not started",
        ActionProgressStatus.InProgress => "In progress",
        ActionProgressStatus.Completed => "Completed",
    };
}
