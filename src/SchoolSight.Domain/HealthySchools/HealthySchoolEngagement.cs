using SchoolSight.Domain.Access;
using SchoolSight.Domain.Workflows;

namespace SchoolSight.Domain.HealthySchools;

/// <summary>
/// One school's Healthy Schools enhancement work: its development group (or the cluster group it shares), needs
/// analysis, priorities, meaningful outcomes, early success indicators, activities and its exchange with the QUAS.
/// Its stage changes only through <see cref="EnhancementModel"/>; each school keeps its own records even when it
/// shares a cluster's group.
/// </summary>
public sealed partial class HealthySchoolEngagement : VersionedEntity, ISchoolOwned
{
    public static Resource Resource => Resource.HealthySchools;

    public const string StageFourForm = "the stage 4 form";

    private readonly List<GroupMember> _members = [];
    private readonly List<HealthPriority> _priorities = [];
    private readonly List<MeaningfulOutcome> _outcomes = [];
    private readonly List<EarlySuccessIndicator> _successIndicators = [];
    private readonly List<HealthActivity> _activities = [];
    private readonly List<QuasEntry> _exchange = [];

    private HealthySchoolEngagement() { }

    /// <summary>
    /// The school's first step: it engages with the enhancement model and starts at stage 1. Refused, with the reason,
    /// when its joining pathway says it may not join today (<see cref="JoiningPathways.Decide"/>).
    /// </summary>
    public static HealthySchoolEngagement Engage(int urn, JoiningDecision joining, Actor actor, DateOnly today)
    {
        RequireRole(actor, "engage with the enhancement model");
        if (!joining.MayJoin) throw new DomainException(DomainError.Rule("healthy.may-not-join", joining.Reason));
        return new HealthySchoolEngagement { Urn = urn, Stage = EnhancementStage.DevelopmentGroup, EngagedOn = today, Cycle = 1 };
    }

    public int Id { get; private set; }
    public int Urn { get; private set; }
    public EnhancementStage Stage { get; private set; }
    public DateOnly EngagedOn { get; private set; }

    /// <summary>The outcome cycle: 1 for the first, one more for each new needs analysis after a review.</summary>
    public int Cycle { get; private set; }

    /// <summary>The school whose development group this school shares (a cluster's group), if it shares one.</summary>
    public int? SharedGroupUrn { get; private set; }
    public string? KeyTasks { get; private set; }
    public string? NeedsAnalysisNotes { get; private set; }

    /// <summary>When the stage 4 form was last sent to the QUAS (the age of the item in the panel's queue).</summary>
    public DateTime? SubmittedAt { get; private set; }

    /// <summary>The day the QUAS approved the stage 4 form: the acceptance letter and local certificate follow.</summary>
    public DateOnly? ApprovedOn { get; private set; }
    public string? ApprovedBy { get; private set; }

    public IReadOnlyList<GroupMember> Members => _members;
    public IReadOnlyList<HealthPriority> Priorities => _priorities;
    public IReadOnlyList<MeaningfulOutcome> Outcomes => _outcomes;
    public IReadOnlyList<EarlySuccessIndicator> SuccessIndicators => _successIndicators;
    public IReadOnlyList<HealthActivity> Activities => _activities;
    public IReadOnlyList<QuasEntry> Exchange => _exchange;

    public IEnumerable<HealthPriority> CurrentPriorities => _priorities.Where(p => p.Cycle == Cycle);

    public IEnumerable<MeaningfulOutcome> CurrentOutcomes =>
        _outcomes.Where(o => _priorities.Any(p => p.Number == o.PriorityNumber && p.Cycle == Cycle));

    /// <summary>The QUAS asked for clarification of the stage 4 form and the school has not answered yet.</summary>
    public bool AwaitsAnswer => LastAbout(StageFourForm)?.Kind == QuasEntryKind.AskedForClarification;

    /// <summary>The progress barometer: early success indicators met, against those set.</summary>
    public (int Met, int Set) Barometer => (_successIndicators.Count(i => i.IsMet == true), _successIndicators.Count);

    public QuasEntry? LastAbout(string about) => _exchange.LastOrDefault(x => x.About == about);

    /// <summary>Makes a move of the enhancement model; refused with every reason when it is not allowed.</summary>
    public void Apply(EnhancementMove move, MoveContext context)
    {
        EnhancementModel.Workflow.Fire(this, move, context, s => Stage = s);
        var by = context.Actor;
        switch (move)
        {
            case EnhancementMove.SubmitToQuas:
                SubmittedAt = context.At;
                _exchange.Add(new QuasEntry(QuasEntryKind.Submitted, StageFourForm, by.Name, by.Role, context.At, Trim(context.Reason)));
                break;
            case EnhancementMove.Approve:
                ApprovedOn = context.Today;
                ApprovedBy = by.Name;
                _exchange.Add(new QuasEntry(QuasEntryKind.Approved, StageFourForm, by.Name, by.Role, context.At, Trim(context.Reason)));
                break;
            case EnhancementMove.AskForClarification:
                _exchange.Add(new QuasEntry(QuasEntryKind.AskedForClarification, StageFourForm, by.Name, by.Role, context.At, Trim(context.Reason)));
                break;
            case EnhancementMove.StartNewCycle:
                Cycle++;
                NeedsAnalysisNotes = null;
                break;
            case EnhancementMove.CompleteDevelopmentGroup or EnhancementMove.CompleteNeedsAnalysis or EnhancementMove.ChoosePriorities
                or EnhancementMove.StartImplementation or EnhancementMove.StartMonitoring or EnhancementMove.StartReview:
                break;
        }
    }

    /// <summary>The school answers the QUAS's request for clarification (of the stage 4 form or of an outcome).</summary>
    public void Answer(string about, string answer, Actor actor, DateTime at)
    {
        RequireRole(actor, "answer the QUAS");
        if (LastAbout(about)?.Kind != QuasEntryKind.AskedForClarification)
            throw new DomainException(DomainError.Rule("healthy.nothing-asked", "The QUAS has not asked for clarification of this."));
        _exchange.Add(new QuasEntry(QuasEntryKind.Answered, about, actor.Name, actor.Role, at,
            TextFields.Required(answer, "Answer", "Enter your answer to the QUAS", 4000)));
    }

    internal static void RequireRole(Actor actor, string doing)
    {
        if (!HealthySchoolsRoles.SchoolWork.Contains(actor.Role))
            throw new DomainException(WorkflowErrors.RoleNotAllowed(HealthySchoolsRoles.SchoolWork, doing));
    }

    private void RequireStage(string doing, params EnhancementStage[] stages)
    {
        if (!stages.Contains(Stage)) throw new DomainException(HealthySchoolsErrors.WrongStage(doing, Stage));
    }

    private static string? Trim(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static int Next(IEnumerable<int> numbers) => numbers.DefaultIfEmpty(0).Max() + 1;
}
