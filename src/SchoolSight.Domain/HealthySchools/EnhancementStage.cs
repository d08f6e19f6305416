namespace SchoolSight.Domain.HealthySchools;

/// <summary>
/// Where a school's Healthy Schools enhancement work stands: the eight stages in three phases, with the stage-4 form
/// waiting for the QUAS as a state of its own (4b). A school moves one stage at a time (<see cref="EnhancementModel"/>).
/// </summary>
public enum EnhancementStage
{
    DevelopmentGroup,
    NeedsAnalysis,
    Priorities,
    Outcomes,
    WithQuas,
    BaselinesAndActivities,
    Implementation,
    Monitoring,
    Review,
}

/// <summary>The moves of the enhancement model.</summary>
public enum EnhancementMove
{
    CompleteDevelopmentGroup,
    CompleteNeedsAnalysis,
    ChoosePriorities,
    SubmitToQuas,
    Approve,
    AskForClarification,
    StartImplementation,
    StartMonitoring,
    StartReview,
    StartNewCycle,
}

public enum EnhancementPhase
{
    PlanningOurChange,
    DeliveringOurChange,
    UnderstandingWhatHasChanged,
}

public static class EnhancementStages
{
    public static readonly IReadOnlyList<EnhancementStage> All = Enum.GetValues<EnhancementStage>();

    /// <summary>The stage's number as schools know it: 1 to 8, with "4b" for the form with the QUAS.</summary>
    public static string Number(this EnhancementStage stage) => stage switch
    {
        EnhancementStage.DevelopmentGroup => "1",
        EnhancementStage.NeedsAnalysis => "2",
        EnhancementStage.Priorities => "3",
        EnhancementStage.Outcomes => "4",
        EnhancementStage.WithQuas => "4b",
        EnhancementStage.BaselinesAndActivities => "5",
        EnhancementStage.Implementation => "6",
        EnhancementStage.Monitoring => "7",
        EnhancementStage.Review => "8",
    };

    public static string Describe(this EnhancementStage stage) => stage switch
    {
        EnhancementStage.DevelopmentGroup => "Set up the health and well-being development group",
        EnhancementStage.NeedsAnalysis => "Needs analysis",
        EnhancementStage.Priorities => "Select two priorities",
        EnhancementStage.Outcomes => "Meaningful outcomes and early success indicators",
        EnhancementStage.WithQuas => "Stage 4 form with the QUAS",
        EnhancementStage.BaselinesAndActivities => "Baselines and activities",
        EnhancementStage.Implementation => "Implementation",
        EnhancementStage.Monitoring => "Monitoring against early success indicators",
        EnhancementStage.Review => "Review against meaningful outcomes",
    };

    public static string Title(this EnhancementStage stage) => $"Stage {stage.Number()}: {stage.Describe().ToLowerInvariant()}"
        .Replace("quas", "QUAS", StringComparison.Ordinal);

    public static EnhancementPhase Phase(this EnhancementStage stage) => stage switch
    {
        EnhancementStage.DevelopmentGroup or EnhancementStage.NeedsAnalysis or EnhancementStage.Priorities or EnhancementStage.Outcomes
            or EnhancementStage.WithQuas or EnhancementStage.BaselinesAndActivities => EnhancementPhase.PlanningOurChange,
        EnhancementStage.Implementation or EnhancementStage.Monitoring => EnhancementPhase.DeliveringOurChange,
        EnhancementStage.Review => EnhancementPhase.UnderstandingWhatHasChanged,
    };

    public static string Describe(this EnhancementPhase phase) => phase switch
    {
        EnhancementPhase.PlanningOurChange => "Phase 1: planning our change",
        EnhancementPhase.DeliveringOurChange => "Phase 2: delivering our change",
        EnhancementPhase.UnderstandingWhatHasChanged => "Phase 3: understanding what has changed",
    };
}
