using SchoolSight.Domain.Access;
using SchoolSight.Domain.Workflows;

namespace SchoolSight.Domain.QualityStandards;

/// <summary>
/// The LA's self-evaluation from draft to signed off: the senior management team signs it off once every standard
/// that applies to each phase is rated, and may reopen it with a reason.
/// </summary>
public static class SelfEvaluationSteps
{
    public static readonly IReadOnlySet<Role> Signers = AccessRules.RolesFor(Resource.LaSelfEvaluation, ResourceAction.Decide);

    public static WorkflowRule<LaSelfEvaluationYear, MoveContext> EveryStandardRated(QualityStandardSet standards) => new("every standard is rated for every phase it applies to",
        (e, _) => e.Unrated(standards) is [var first, ..] unrated
            ? DomainError.Rule("sef.unrated", $"Rate every standard before signing off: {unrated.Count} still to rate, the first standard {first.Standard.Id} for {first.Phase.Describe()}.")
            : null);

    public static readonly WorkflowRule<LaSelfEvaluationYear, MoveContext> ReasonIsGiven = new("the reason is recorded",
        (_, c) => string.IsNullOrWhiteSpace(c.Reason) ? DomainError.Rule("sef.reason", "Give the reason.", "Reason") : null);

    public static Workflow<LaSelfEvaluationYear, SelfEvaluationState, SelfEvaluationMove, MoveContext> Workflow(QualityStandardSet standards) => new("LA self-evaluation", e => e.State,
        [
            new(SelfEvaluationMove.SignOff, "Sign off the self-evaluation", "sign off the LA's self-evaluation", SelfEvaluationState.Draft, SelfEvaluationState.SignedOff,
                Signers, [EveryStandardRated(standards)]),
            new(SelfEvaluationMove.Reopen, "Reopen the self-evaluation", "reopen the LA's self-evaluation", SelfEvaluationState.SignedOff, SelfEvaluationState.Draft,
                Signers, [ReasonIsGiven]),
        ],
        wrongState: (move, e, _) => move.Name == SelfEvaluationMove.SignOff
            ? DomainError.Rule("sef.signed-off", $"The self-evaluation for {AcademicYear.Format(e.AcademicYear)} is already signed off.")
            : DomainError.Rule("sef.draft", "Only a signed-off self-evaluation can be reopened."),
        roleRefused: (move, _) => DomainError.Forbidden("sef.role", $"Your role does not allow you to {move.Doing}."));
}
