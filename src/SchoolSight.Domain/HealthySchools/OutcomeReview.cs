using SchoolSight.Domain.Workflows;

namespace SchoolSight.Domain.HealthySchools;

public enum OutcomeMove
{
    SendAsMet,
    Confirm,
    AskForClarification,
}

/// <summary>What the stage-8 review of an outcome is judged against: the move's context and the figure the data gives now (for an outcome tied to an indicator).</summary>
public sealed record OutcomeMoveContext(Actor Actor, DateTime At, DateOnly Today, string? Reason, string? Evidence, bool AtReview, double? CurrentFigure)
    : MoveContext(Actor, At, Today, Reason, Evidence);

/// <summary>
/// The review of a meaningful outcome at stage 8, on the same approval gate: the school self-validates a met outcome
/// with its evidence and sends it to the QUAS; the panel confirms it (the award follows) or asks for clarification.
/// An outcome tied to an indicator is met only when the figure reaches the target.
/// </summary>
public static class OutcomeReview
{
    public static readonly ApprovalGate<OutcomeState, OutcomeMove> Gate =
        new("met outcome", "a met outcome", OutcomeState.SubmittedAsMet, OutcomeState.Met, OutcomeMove.Confirm, HealthySchoolsRoles.Panel)
        { Drafting = OutcomeState.Open, AskForClarification = OutcomeMove.AskForClarification };

    public static readonly WorkflowRule<MeaningfulOutcome, OutcomeMoveContext> SchoolIsAtReview = new("the school is at stage 8", (_, x) =>
        x.AtReview ? null : DomainError.Rule("healthy.not-review", "An outcome is sent to the QUAS as met at stage 8, the review."));

    public static readonly WorkflowRule<MeaningfulOutcome, OutcomeMoveContext> EvidenceIsGiven = new("the self-validation gives its evidence", (_, x) =>
        string.IsNullOrWhiteSpace(x.Evidence) ? DomainError.Rule("healthy.met-evidence", "Give the evidence that the outcome is met.", "Evidence") : null);

    public static readonly WorkflowRule<MeaningfulOutcome, OutcomeMoveContext> FigureReachesTarget = new("the data shows the target is reached", (o, x) =>
        !o.IsTiedToIndicator ? null
        : x.CurrentFigure is not { } figure ? DomainError.Rule("healthy.no-figure", "SchoolSight has no figure yet for this outcome's indicator, so it cannot be shown as met.")
        : o.Reaches(figure) ? null
        : DomainError.Rule("healthy.not-reached", $"The data shows {figure:0.#} against a target of {o.Target:0.#}: the outcome is not met yet."));

    public static readonly Workflow<MeaningfulOutcome, OutcomeState, OutcomeMove, OutcomeMoveContext> Workflow = new("meaningful outcome", o => o.State,
    [
        new(OutcomeMove.SendAsMet, "Send to the QUAS as met", "send the outcome to the QUAS as met", [OutcomeState.Open], OutcomeState.SubmittedAsMet,
            HealthySchoolsRoles.SchoolWork, [SchoolIsAtReview, EvidenceIsGiven, FigureReachesTarget], IsDecision: false),
        .. Gate.Moves<MeaningfulOutcome, OutcomeMoveContext>(),
    ]);
}
