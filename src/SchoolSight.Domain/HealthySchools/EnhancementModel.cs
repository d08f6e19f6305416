using SchoolSight.Domain.Workflows;
using Rule = SchoolSight.Domain.Workflows.WorkflowRule<SchoolSight.Domain.HealthySchools.HealthySchoolEngagement, SchoolSight.Domain.Workflows.MoveContext>;

namespace SchoolSight.Domain.HealthySchools;

/// <summary>
/// The Healthy Schools enhancement model, declared here and only here on the workflow kernel: a school moves from
/// stage 1 to stage 8 one stage at a time, in three phases. The stage-4 form passes the QUAS's approval gate (4b): the
/// panel approves it (on to stage 5) or asks for clarification (back to stage 4 with a note the school answers). After
/// the review at stage 8 the school starts a new cycle with a new needs analysis.
/// </summary>
public static class EnhancementModel
{
    public static readonly ApprovalGate<EnhancementStage, EnhancementMove> QuasGate =
        new("stage 4 form", "the stage 4 form", EnhancementStage.WithQuas, EnhancementStage.BaselinesAndActivities, EnhancementMove.Approve, HealthySchoolsRoles.Panel)
        { Drafting = EnhancementStage.Outcomes, AskForClarification = EnhancementMove.AskForClarification };

    public static readonly Workflow<HealthySchoolEngagement, EnhancementStage, EnhancementMove, MoveContext> Workflow = new("Healthy Schools engagement", e => e.Stage,
    [
        new(EnhancementMove.CompleteDevelopmentGroup, "Complete stage 1: the development group", "complete stage 1", EnhancementStage.DevelopmentGroup, EnhancementStage.NeedsAnalysis,
            HealthySchoolsRoles.SchoolWork, [EnhancementRules.GroupHasAChair, EnhancementRules.Represented(GroupRepresentation.Pupils), EnhancementRules.Represented(GroupRepresentation.Parents),
                EnhancementRules.Represented(GroupRepresentation.Governors), EnhancementRules.Represented(GroupRepresentation.Partner), EnhancementRules.KeyTasksRecorded]),
        new(EnhancementMove.CompleteNeedsAnalysis, "Complete stage 2: the needs analysis", "complete the needs analysis", EnhancementStage.NeedsAnalysis, EnhancementStage.Priorities,
            HealthySchoolsRoles.SchoolWork, [EnhancementRules.NeedsAnalysisRecorded]),
        new(EnhancementMove.ChoosePriorities, "Complete stage 3: the two priorities", "confirm the two priorities", EnhancementStage.Priorities, EnhancementStage.Outcomes,
            HealthySchoolsRoles.SchoolWork, [EnhancementRules.HasPriority(PriorityKind.Local), EnhancementRules.HasPriority(PriorityKind.School)]),
        new(EnhancementMove.SubmitToQuas, "Send the stage 4 form to the QUAS", "send the stage 4 form to the QUAS", [EnhancementStage.Outcomes], EnhancementStage.WithQuas,
            HealthySchoolsRoles.SchoolWork, [EnhancementRules.EachPriorityHasItsThreeOutcomes, EnhancementRules.HasEarlySuccessIndicators, EnhancementRules.ClarificationIsAnswered], IsDecision: false),
        .. QuasGate.Moves<HealthySchoolEngagement, MoveContext>(),
        new(EnhancementMove.StartImplementation, "Complete stage 5: baselines and activities", "complete stage 5", EnhancementStage.BaselinesAndActivities, EnhancementStage.Implementation,
            HealthySchoolsRoles.SchoolWork, [EnhancementRules.EveryOutcomeHasABaseline, EnhancementRules.ActivitiesArePlanned]),
        new(EnhancementMove.StartMonitoring, "Move to stage 7: monitoring", "start monitoring against the early success indicators", EnhancementStage.Implementation, EnhancementStage.Monitoring,
            HealthySchoolsRoles.SchoolWork, []),
        new(EnhancementMove.StartReview, "Move to stage 8: review", "start the review against the meaningful outcomes", EnhancementStage.Monitoring, EnhancementStage.Review,
            HealthySchoolsRoles.SchoolWork, [EnhancementRules.EverySuccessIndicatorIsAssessed]),
        new(EnhancementMove.StartNewCycle, "Start a new needs analysis", "start a new cycle", EnhancementStage.Review, EnhancementStage.NeedsAnalysis,
            HealthySchoolsRoles.SchoolWork, [EnhancementRules.NoOutcomeWaitsForTheQuas, EnhancementRules.AnOutcomeIsMet]),
    ],
    wrongState: (move, _, stage) => HealthySchoolsErrors.WrongStage(move.Doing, stage));

    /// <summary>The model as a Graphviz diagram, for the documentation.</summary>
    public static string Diagram() => Workflow.Diagram(EnhancementStage.DevelopmentGroup);
}

/// <summary>The named preconditions of the enhancement model's moves.</summary>
public static class EnhancementRules
{
    public static readonly Rule GroupHasAChair = new("the group has a chair", (e, _) =>
        e.SharedGroupUrn is not null || e.Members.Any(m => m.GroupRole.Contains("chair", StringComparison.OrdinalIgnoreCase))
            ? null : DomainError.Rule("healthy.group-chair", "Name the chair of the health and well-being development group."));

    public static Rule Represented(GroupRepresentation who) => new($"{who.Describe().ToLowerInvariant()} are represented", (e, _) =>
        e.SharedGroupUrn is not null || e.Members.Any(m => m.Represents == who)
            ? null : DomainError.Rule($"healthy.group-{who.ToString().ToLowerInvariant()}", who == GroupRepresentation.Partner
                ? "Add a member who represents a partner from the register."
                : $"Add a member who represents {who.Describe().ToLowerInvariant()}."));

    public static readonly Rule KeyTasksRecorded = new("the group's key tasks are recorded", (e, _) =>
        e.SharedGroupUrn is not null || !string.IsNullOrWhiteSpace(e.KeyTasks)
            ? null : DomainError.Rule("healthy.group-tasks", "Record the group's key tasks.", "KeyTasks"));

    public static readonly Rule NeedsAnalysisRecorded = new("the school's findings from its needs analysis are recorded", (e, _) =>
        string.IsNullOrWhiteSpace(e.NeedsAnalysisNotes)
            ? DomainError.Rule("healthy.needs-analysis", "Record what the needs analysis found: the school's notes on its data and the local priorities.", "NeedsAnalysisNotes") : null);

    public static Rule HasPriority(PriorityKind kind) => new($"a {kind.Describe().ToLowerInvariant()} is chosen, tied to an indicator", (e, _) =>
        e.CurrentPriorities.Any(p => p.Kind == kind) ? null
            : DomainError.Rule($"healthy.priority-{kind.ToString().ToLowerInvariant()}", kind == PriorityKind.Local
                ? "Choose one local priority from the LA's list." : "Choose the school's own priority and the indicator it is measured by."));

    public static readonly Rule EachPriorityHasItsThreeOutcomes = new("each priority has a quantitative, a perception and a targeted outcome", (e, _) =>
    {
        var missing = e.CurrentPriorities.SelectMany(p => Enum.GetValues<OutcomeKind>()
                .Where(k => !e.Outcomes.Any(o => o.PriorityNumber == p.Number && o.Kind == k))
                .Select(k => $"a {k.Describe().ToLowerInvariant()} outcome for \"{p.Title}\""))
            .ToList();
        return missing.Count == 0 ? null : DomainError.Rule("healthy.outcomes", $"Add {string.Join(", ", missing)}.");
    });

    public static readonly Rule HasEarlySuccessIndicators = new("early success indicators are set, with timescales", (e, _) =>
        e.SuccessIndicators.Count > 0 ? null : DomainError.Rule("healthy.esis", "Add the early success indicators: milestones with their timescales."));

    public static readonly Rule ClarificationIsAnswered = new("the QUAS's questions are answered", (e, _) =>
        e.AwaitsAnswer ? DomainError.Rule("healthy.unanswered", "Answer the QUAS's request for clarification before sending the form again.", "Answer") : null);

    public static readonly Rule EveryOutcomeHasABaseline = new("every outcome has its baseline", (e, _) =>
    {
        var missing = e.CurrentOutcomes.Where(o => o.Baseline is null).Select(o => o.Number).ToList();
        return missing.Count == 0 ? null : DomainError.Rule("healthy.baselines", $"Record the baseline of outcome {string.Join(", ", missing)}.");
    });

    public static readonly Rule ActivitiesArePlanned = new("the activities and interventions are planned", (e, _) =>
        e.Activities.Count > 0 ? null : DomainError.Rule("healthy.activities", "Add the activities and interventions, universal or targeted, with their partners."));

    public static readonly Rule EverySuccessIndicatorIsAssessed = new("every early success indicator is assessed", (e, _) =>
    {
        var missing = e.SuccessIndicators.Where(i => i.IsMet is null).Select(i => i.Number).ToList();
        return missing.Count == 0 ? null : DomainError.Rule("healthy.esi-assessed", $"Record whether early success indicator {string.Join(", ", missing)} was met.");
    });

    public static readonly Rule NoOutcomeWaitsForTheQuas = new("no outcome waits for the QUAS", (e, _) =>
        e.CurrentOutcomes.Any(o => o.State == OutcomeState.SubmittedAsMet) ? DomainError.Rule("healthy.outcome-waiting", "An outcome is with the QUAS: wait for its decision.") : null);

    public static readonly Rule AnOutcomeIsMet = new("the review is done: at least one outcome is confirmed met", (e, _) =>
        e.CurrentOutcomes.Any(o => o.State == OutcomeState.Met) ? null : DomainError.Rule("healthy.review", "Review the outcomes first: send a met outcome to the QUAS with its evidence."));
}
