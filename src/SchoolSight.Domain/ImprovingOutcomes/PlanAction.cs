namespace SchoolSight.Domain.ImprovingOutcomes;

/// <summary>
/// An action of the improvement plan (SSDP, RAP or the programme's own plan): who owns it, when it is due, how
/// success will be measured, and how it is going. Edited by several people, so it carries a version.
/// </summary>
public sealed class PlanAction : VersionedEntity
{
    private PlanAction() { Description = ""; Owner = ""; SuccessCriteria = ""; }

    public PlanAction(int number, string description, string owner, DateOnly? dueOn, string successCriteria)
    {
        Number = number;
        Description = "";
        Owner = "";
        SuccessCriteria = "";
        Change(description, owner, dueOn, successCriteria);
    }

    public int Id { get; private set; }
    public int CaseId { get; private set; }
    public int Number { get; private set; }
    public string Description { get; private set; }
    public string Owner { get; private set; }
    public DateOnly DueOn { get; private set; }
    public string SuccessCriteria { get; private set; }
    public ActionStatus Status { get; private set; }
    public string? ProgressNote { get; private set; }
    public DateOnly? CompletedOn { get; private set; }

    /// <summary>An action is measurable when it has an owner, a due date and success criteria with a figure in them.</summary>
    public bool IsMeasurable => Owner.Length > 0 && SuccessCriteria.Any(char.IsDigit);

    public void Change(string description, string owner, DateOnly? dueOn, string successCriteria)
    {
        var d = TextFields.Required(description, "Description", "Enter what the action is", 1000);
        var o = TextFields.Required(owner, "Owner", "Enter who owns the action", 200);
        if (dueOn is null) throw new DomainException(ProgrammeErrors.Required("DueOn", "Enter the date the action is due"));
        var s = TextFields.Required(successCriteria, "SuccessCriteria", "Enter the measurable success criteria", 1000);
        if (!s.Any(char.IsDigit)) throw new DomainException(ProgrammeErrors.NotMeasurable("SuccessCriteria"));
        Description = d;
        Owner = o;
        DueOn = dueOn.Value;
        SuccessCriteria = s;
    }

    /// <summary>Records how the action is going; completing it records the day, reopening it clears that.</summary>
    public void RecordProgress(ActionStatus status, string? note, DateOnly today)
    {
        ProgressNote = TextFields.Optional(note, "ProgressNote", "The progress note", 2000);
        if (status == ActionStatus.Completed && Status != ActionStatus.Completed) CompletedOn = today;
        if (status != ActionStatus.Completed) CompletedOn = null;
        Status = status;
    }
}
