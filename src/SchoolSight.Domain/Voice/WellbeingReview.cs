using SchoolSight.Domain.Access;
using SchoolSight.Domain.Categorisation;
using SchoolSight.Domain.Workflows;
using Rule = SchoolSight.Domain.Workflows.WorkflowRule<SchoolSight.Domain.Voice.OutcomeEvaluation, SchoolSight.Domain.Voice.WellbeingMoveContext>;

namespace SchoolSight.Domain.Voice;

/// <summary>A move of an outcome's self-evaluation, judged with the scale the self-evaluation is on.</summary>
public sealed record WellbeingMoveContext(MoveContext Move, JudgementScale Scale)
    : MoveContext(Move.Actor, Move.At, Move.Today, Move.Reason, Move.Evidence);

/// <summary>
/// The review of each outcome of a school's well-being self-evaluation, declared here and only here on the workflow
/// kernel: the head drafts the outcome and completes it (a judgement, the strengths and at least one priority), and
/// may reopen it with a reason; once it is completed the school's SIP says whether they agree, with a comment, which
/// they must give when they disagree. Governors and the LA read it.
/// </summary>
public static class WellbeingReview
{
    /// <summary>The head (the school's own staff) drafts, completes and reopens the self-evaluation.</summary>
    public static readonly IReadOnlySet<Role> School = new HashSet<Role> { Role.SchoolUser };

    /// <summary>The school's SIP agrees or disagrees.</summary>
    public static readonly IReadOnlySet<Role> Sip = new HashSet<Role> { Role.SchoolImprovementPartner };

    public static readonly Workflow<OutcomeEvaluation, OutcomeEvaluationState, OutcomeEvaluationMove, WellbeingMoveContext> Workflow = new("well-being self-evaluation", o => o.State,
    [
        new(OutcomeEvaluationMove.Complete, "Complete this outcome", "complete the self-evaluation of this outcome", OutcomeEvaluationState.Draft, OutcomeEvaluationState.Completed,
            School, [WellbeingRules.IsJudged, WellbeingRules.StrengthsRecorded, WellbeingRules.HasAPriority, WellbeingRules.OnTodaysScale]),
        new(OutcomeEvaluationMove.Reopen, "Reopen this outcome", "reopen the self-evaluation of this outcome", OutcomeEvaluationState.Completed, OutcomeEvaluationState.Draft,
            School, [GateRules.NoteIsGiven<OutcomeEvaluation, WellbeingMoveContext>("the reason for reopening is recorded", "Say why you are reopening it.")]),
        new(OutcomeEvaluationMove.Agree, "Agree with the school's judgement", "agree with the school's judgement", OutcomeEvaluationState.Completed, OutcomeEvaluationState.Completed,
            Sip, []),
        new(OutcomeEvaluationMove.Disagree, "Disagree with the school's judgement", "disagree with the school's judgement", OutcomeEvaluationState.Completed, OutcomeEvaluationState.Completed,
            Sip, [GateRules.NoteIsGiven<OutcomeEvaluation, WellbeingMoveContext>("the SIP's comment says why", "Say why you disagree with the school's judgement.")]),
    ],
    wrongState: (move, o, state) => state == OutcomeEvaluationState.Completed
        ? WellbeingErrors.NotDraft(o.Outcome)
        : DomainError.Rule("wellbeing.draft", $"You cannot {move.Doing} while it is a draft: the head completes it first."));

    /// <summary>The review as a Graphviz diagram, for the documentation.</summary>
    public static string Diagram() => Workflow.Diagram(OutcomeEvaluationState.Draft);

    internal static void RequireSchool(Actor actor, string doing)
    {
        if (!School.Contains(actor.Role)) throw new DomainException(WorkflowErrors.RoleNotAllowed(School, doing));
    }
}

/// <summary>The named preconditions of completing an outcome's self-evaluation.</summary>
public static class WellbeingRules
{
    public static readonly Rule IsJudged = new("the school's judgement is given", (o, _) =>
        o.Grade is null ? DomainError.Rule("wellbeing.grade", "Choose the school's judgement of this outcome.", "Grade") : null);

    public static readonly Rule StrengthsRecorded = new("the strengths are recorded", (o, _) =>
        string.IsNullOrWhiteSpace(o.Strengths) ? DomainError.Rule("wellbeing.strengths", "Record the school's strengths in this outcome.", "Strengths") : null);

    public static readonly Rule HasAPriority = new("at least one priority is set", (o, _) =>
        o.Priorities.Count == 0 ? DomainError.Rule("wellbeing.priority", "Set at least one priority for this outcome.", "Priorities") : null);

    public static readonly Rule OnTodaysScale = new("the judgement is on the scale of today", (o, x) =>
        JudgementScales.For(x.Today) == x.Scale ? null
            : DomainError.Rule("wellbeing.scale", $"Judgements made today are on the {JudgementScales.For(x.Today).Describe()}: start the year's self-evaluation again.", "Grade"));
}
