using SchoolSight.Domain.Access;
using SchoolSight.Domain.Workflows;

namespace SchoolSight.Domain.Categorisation;

/// <summary>The SMT's decision on a proposed level: agree it, or set another level with a reason.</summary>
public enum LevelProposalMove
{
    Agree,
    SetAnotherLevel,
}

/// <summary>Adopting a rule set, and retiring the one it replaces.</summary>
public enum RuleSetMove
{
    Adopt,
    Retire,
}

/// <summary>
/// The decisions of categorisation, declared on the workflow kernel (DOMAIN.md 1 and 4): only the SMT decides a
/// proposed level — agreeing it (saying what they reviewed when evidence is missing or out of date) or setting another
/// with a reason — and a proposal is decided once; the SMT or the LA administrator adopts a rule set, with a reason,
/// and the one in use until then is retired.
/// </summary>
public static class CategorisationSteps
{
    /// <summary>Agree or change a school's level: the Children and Families senior management team.</summary>
    public static readonly IReadOnlySet<Role> Deciders = AccessRules.RolesFor(Resource.LevelProposal, ResourceAction.Decide);

    /// <summary>Adopt a rule set: it changes how every school is proposed, so the SMT or the LA administrator.</summary>
    public static readonly IReadOnlySet<Role> RuleAdopters = AccessRules.RolesFor(Resource.RuleSet, ResourceAction.Adopt);

    public static readonly WorkflowRule<LevelProposal, MoveContext> EvidenceToReviewIsAddressed = new("what was reviewed is said when evidence is missing or out of date",
        (p, x) => p.NeedsReview && string.IsNullOrWhiteSpace(x.Reason)
            ? DomainError.Rule("level.reason", "Some evidence is missing or out of date: say what you reviewed before agreeing the level", "Reason")
            : null);

    public static readonly WorkflowRule<LevelProposal, MoveContext> ReasonForAnotherLevelIsGiven = new("the reason for another level is recorded",
        (_, x) => string.IsNullOrWhiteSpace(x.Reason) ? CategorisationErrors.ReasonRequired(true) with { Kind = ErrorKind.Rule } : null);

    public static readonly Workflow<LevelProposal, ProposalStatus, LevelProposalMove, MoveContext> LevelDecisions = new("proposal", p => p.Status,
        [
            new(LevelProposalMove.Agree, "Agree the proposed level", "agree a school's level of support", ProposalStatus.Open, ProposalStatus.Agreed,
                Deciders, [EvidenceToReviewIsAddressed]),
            new(LevelProposalMove.SetAnotherLevel, "Set another level", "set a school's level of support", ProposalStatus.Open, ProposalStatus.Changed,
                Deciders, [ReasonForAnotherLevelIsGiven]),
        ],
        wrongState: (_, _, status) => CategorisationErrors.ProposalNotOpen(status),
        roleRefused: (_, actor) => CategorisationErrors.NotSmt(actor.Role));

    public static readonly WorkflowRule<RuleSetVersion, MoveContext> AdoptionReasonIsGiven = new("the reason for adopting is recorded",
        (_, x) => string.IsNullOrWhiteSpace(x.Reason) ? DomainError.Rule("rules.reason", "Give the reason for adopting these criteria", "Reason") : null);

    public static readonly Workflow<RuleSetVersion, RuleSetStatus, RuleSetMove, MoveContext> RuleSetAdoption = new("rule set", r => r.Status,
        [
            new(RuleSetMove.Adopt, "Adopt these criteria", "adopt levels of support criteria", [RuleSetStatus.Draft, RuleSetStatus.Retired], RuleSetStatus.Adopted,
                RuleAdopters, [AdoptionReasonIsGiven]),
            new(RuleSetMove.Retire, "Retire these criteria", "retire levels of support criteria", [RuleSetStatus.Adopted], RuleSetStatus.Retired,
                RuleAdopters, [], IsDecision: false),
        ],
        wrongState: (move, r, _) => move.Name == RuleSetMove.Adopt
            ? DomainError.Rule("ruleset.adopted", $"Version {r.Version} is already the adopted rule set.")
            : DomainError.Rule("ruleset.not-adopted", "Only the adopted rule set can be retired."),
        roleRefused: (move, _) => DomainError.Forbidden("categorisation.role", $"Your role does not allow you to {move.Doing}."));
}
