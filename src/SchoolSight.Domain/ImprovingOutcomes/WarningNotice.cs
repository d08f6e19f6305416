using SchoolSight.Domain.Workflows;

namespace SchoolSight.Domain.ImprovingOutcomes;

/// <summary>
/// A formal warning notice to the governing body (seed 004, 5.3): drafted from the LA's template by the M&amp;I team,
/// approved by the Children &amp; Families SMT, then issued as a letter and recorded.
/// </summary>
public sealed class WarningNotice : VersionedEntity
{
    private WarningNotice() { Grounds = ""; RequiredActions = ""; Letter = ""; DraftedBy = ""; }

    internal WarningNotice(string grounds, string requiredActions, DateOnly complyBy, string letter, Actor drafter, DateTime at)
    {
        Grounds = "";
        RequiredActions = "";
        Letter = "";
        DraftedBy = drafter.Name;
        DraftedAt = at;
        Redraft(grounds, requiredActions, complyBy, letter);
    }

    public int Id { get; private set; }
    public int CaseId { get; private set; }
    public WarningNoticeStatus Status { get; private set; }
    public string Grounds { get; private set; }
    public string RequiredActions { get; private set; }
    public DateOnly ComplyBy { get; private set; }

    /// <summary>The text of the letter, drafted from the template and editable until it is approved.</summary>
    public string Letter { get; private set; }
    public string DraftedBy { get; private set; }
    public DateTime DraftedAt { get; private set; }
    public string? ApprovedBy { get; private set; }
    public DateTime? ApprovedAt { get; private set; }
    public string? ApprovalNote { get; private set; }
    public string? IssuedBy { get; private set; }
    public DateOnly? IssuedOn { get; private set; }

    /// <summary>The letter as issued (PDF), kept so the record shows exactly what the governing body received.</summary>
    public byte[]? IssuedPdf { get; private set; }

    public void Redraft(string grounds, string requiredActions, DateOnly complyBy, string letter)
    {
        if (Status != WarningNoticeStatus.Drafted) throw new DomainException(ProgrammeErrors.WarningNoticeStatus("change", Status));
        Grounds = TextFields.Required(grounds, "Grounds", "Enter the grounds for the warning notice");
        RequiredActions = TextFields.Required(requiredActions, "RequiredActions", "Enter what the governing body must do");
        ComplyBy = complyBy;
        Letter = TextFields.Required(letter, "Letter", "Enter the text of the letter", 20000);
    }

    /// <summary>The SMT approves the notice (<see cref="InterventionSteps.WarningNotices"/>); the reason given is the note of the approval.</summary>
    public void Approve(MoveContext context)
    {
        var note = TextFields.Optional(context.Reason, "ApprovalNote", "The note", 2000);
        var decision = InterventionSteps.WarningNotices.Fire(this, WarningNoticeMove.Approve, context, s => Status = s)!;
        ApprovedBy = decision.By;
        ApprovedAt = decision.At;
        ApprovalNote = note;
    }

    /// <summary>The M&amp;I team issues the approved notice as a letter, on the LA's date today.</summary>
    public void Issue(MoveContext context, byte[] pdf)
    {
        var decision = InterventionSteps.WarningNotices.Fire(this, WarningNoticeMove.Issue, context, s => Status = s)!;
        IssuedBy = decision.By;
        IssuedOn = context.Today;
        IssuedPdf = pdf;
    }
}

/// <summary>The use of one of the five statutory powers (DOMAIN.md section 5): proposed, approved by the SMT, with its outcome.</summary>
public sealed class StatutoryPowerUse : VersionedEntity
{
    private StatutoryPowerUse() { Rationale = ""; ProposedBy = ""; }

    internal StatutoryPowerUse(StatutoryPower power, DateOnly proposedOn, string rationale, string proposedBy)
    {
        Power = power;
        ProposedOn = proposedOn;
        Rationale = TextFields.Required(rationale, "Rationale", "Enter why the power is needed");
        ProposedBy = proposedBy;
    }

    public int Id { get; private set; }
    public int CaseId { get; private set; }
    public StatutoryPower Power { get; private set; }
    public DateOnly ProposedOn { get; private set; }
    public string Rationale { get; private set; }
    public string ProposedBy { get; private set; }
    public string? ApprovedBy { get; private set; }
    public DateOnly? ApprovedOn { get; private set; }
    public string? Outcome { get; private set; }
    public DateOnly? OutcomeOn { get; private set; }

    public bool IsApproved => ApprovedOn is not null;

    /// <summary>The SMT approves the use of the power (<see cref="InterventionSteps.Powers"/>), on the LA's date today.</summary>
    public void Approve(MoveContext context)
    {
        var decision = InterventionSteps.Powers.Fire(this, StatutoryPowerMove.Approve, context, _ => { })!;
        ApprovedWith(decision.By, context.Today);
    }

    internal void ApprovedWith(string by, DateOnly on)
    {
        ApprovedBy = by;
        ApprovedOn = on;
    }

    public void RecordOutcome(Actor actor, string outcome, DateOnly? on, DateOnly today)
    {
        ProgrammeRoles.Require(ProgrammeRoles.Runners, actor, "record the outcome of a statutory power");
        if (!IsApproved) throw new DomainException(ProgrammeErrors.PowerNotApproved);
        var day = Text.NotFuture(on, today, "OutcomeOn", "The day of the outcome", "Enter the day of the outcome");
        Outcome = TextFields.Required(outcome, "Outcome", "Enter the outcome");
        OutcomeOn = day;
    }
}
