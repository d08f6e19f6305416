using SchoolSight.Domain.Access;
using SchoolSight.Domain.Categorisation;
using SchoolSight.Domain.Indicators;
using SchoolSight.Domain.Published;
using SchoolSight.Domain.Workflows;

namespace SchoolSight.Domain.Voice;

/// <summary>
/// A school's well-being self-evaluation for one academic year: for each of the five Every Child Matters outcomes, the
/// school's judgement, its strengths and its priorities (each tied to the area's Children and Young People's Plan
/// priorities it serves), the groups of pupils the school names beside the vulnerable groups every school looks at,
/// and its SIP's view. Each outcome is drafted and then completed by the head (<see cref="WellbeingReview"/>); the
/// self-evaluation is completed when all five are. Judgements are on the scale of the day the self-evaluation was
/// started (<see cref="JudgementScales.For"/>), as every self-evaluation judgement in SchoolSight.
/// </summary>
public sealed class WellbeingSelfEvaluation : VersionedEntity, ISchoolOwned
{
    public static Resource Resource => Resource.Judgement;

    /// <summary>The groups a school may name to look at beside FSM, SEN and children in care, each with the pupils it is set against.</summary>
    public static readonly IReadOnlyList<(PupilGroup Group, PupilGroup Others)> NameableGroups =
        [(PupilGroup.Eal, PupilGroup.NonEal), (PupilGroup.Boys, PupilGroup.Girls), (PupilGroup.Girls, PupilGroup.Boys)];

    /// <summary>The vulnerable groups every self-evaluation looks at, each with the pupils it is set against.</summary>
    public static readonly IReadOnlyList<(PupilGroup Group, PupilGroup Others)> VulnerableGroups =
        [(PupilGroup.Fsm, PupilGroup.NonFsm), (PupilGroup.Sen, PupilGroup.NonSen), (PupilGroup.InCare, PupilGroup.NotInCare)];

    public const int TextMaxLength = 4000;
    public const int MostPriorities = 5;

    private readonly List<OutcomeEvaluation> _outcomes = [];

    private WellbeingSelfEvaluation() { NamedGroups = ""; }

    /// <summary>The head starts the year's self-evaluation: every outcome in draft.</summary>
    public static WellbeingSelfEvaluation Start(int urn, int academicYear, Actor actor, DateOnly today)
    {
        WellbeingReview.RequireSchool(actor, "start the well-being self-evaluation");
        var evaluation = new WellbeingSelfEvaluation { Urn = urn, AcademicYear = academicYear, StartedOn = today, NamedGroups = "" };
        evaluation._outcomes.AddRange(EcmOutcomes.All.Select(o => new OutcomeEvaluation(o)));
        return evaluation;
    }

    public int Id { get; private set; }
    public int Urn { get; private set; }

    /// <summary>The academic year it is about, as the year it starts (2026 for 2026/27).</summary>
    public int AcademicYear { get; private set; }
    public DateOnly StartedOn { get; private set; }

    /// <summary>The day the last of the five outcomes was completed; null while any is in draft.</summary>
    public DateOnly? CompletedOn { get; private set; }

    /// <summary>The groups the school names, as <see cref="PupilGroup"/> names separated by commas.</summary>
    public string NamedGroups { get; private set; }

    public IReadOnlyList<OutcomeEvaluation> Outcomes => _outcomes;

    public JudgementScale Scale => JudgementScales.For(StartedOn);

    public bool IsCompleted => _outcomes.Count > 0 && _outcomes.All(o => o.State == OutcomeEvaluationState.Completed);

    public IReadOnlyList<PupilGroup> GroupsNamed =>
        [.. NamedGroups.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<PupilGroup>)];

    /// <summary>The vulnerable groups and the groups the school named, each with the pupils it is set against.</summary>
    public IReadOnlyList<(PupilGroup Group, PupilGroup Others)> GroupsLookedAt =>
        [.. VulnerableGroups, .. NameableGroups.Where(g => GroupsNamed.Contains(g.Group))];

    public OutcomeEvaluation Outcome(EcmOutcome outcome) => _outcomes.First(o => o.Outcome == outcome);

    /// <summary>
    /// The judgement of personal development the self-evaluation gives once completed: the middle one of the five
    /// outcomes' judgements (the median, so one outcome judged far from the others does not move it).
    /// </summary>
    public JudgementGrade? PersonalDevelopment
    {
        get
        {
            if (!IsCompleted || _outcomes.Any(o => o.Grade is null)) return null;
            var grades = _outcomes.Select(o => o.Grade!.Value).OrderBy(Rank).ToList();
            return grades[grades.Count / 2];
        }
    }

    /// <summary>The judgement area personal development is recorded under on the self-evaluation's scale.</summary>
    public JudgementArea PersonalDevelopmentArea =>
        Scale == JudgementScale.ReportCard ? JudgementArea.PersonalDevelopmentAndWellbeing : JudgementArea.PersonalDevelopment;

    /// <summary>The head records the draft of one outcome: the judgement, the strengths and the priorities.</summary>
    public void Record(EcmOutcome outcome, JudgementGrade? grade, string? strengths, IReadOnlyList<(string Text, IReadOnlyList<int> PlanPriorities)> priorities, Actor actor)
    {
        WellbeingReview.RequireSchool(actor, "record the well-being self-evaluation");
        var evaluation = Outcome(outcome);
        if (evaluation.State != OutcomeEvaluationState.Draft) throw new DomainException(WellbeingErrors.NotDraft(outcome));
        if (grade is { } g && g.Scale != Scale)
            throw new DomainException(new DomainError("wellbeing.scale", $"Judge on the {Scale.Describe()}", "Grade"));
        if (priorities.Count > MostPriorities)
            throw new DomainException(new DomainError("wellbeing.priorities", $"Give at most {MostPriorities} priorities for an outcome", "Priorities"));
        var kept = priorities.Select((p, i) => new WellbeingPriority(i + 1,
            TextFields.Required(p.Text, $"Priorities[{i}].Text", "Enter the priority", 1000), p.PlanPriorities)).ToList();
        evaluation.SetDraft(grade, TextFields.Optional(strengths, "Strengths", "The strengths", TextMaxLength), kept);
    }

    /// <summary>The head names the groups of pupils the school looks at beside the vulnerable groups.</summary>
    public void NameGroups(IEnumerable<PupilGroup> groups, Actor actor)
    {
        WellbeingReview.RequireSchool(actor, "name the groups the self-evaluation looks at");
        var chosen = groups.Distinct().ToList();
        if (chosen.Any(g => !NameableGroups.Any(n => n.Group == g)))
            throw new DomainException(new DomainError("wellbeing.group", "Choose groups from the list", "Groups"));
        NamedGroups = string.Join(",", chosen.Order());
    }

    /// <summary>Makes a move of one outcome's review: complete, reopen, or the SIP's agreement or disagreement.</summary>
    public void Apply(EcmOutcome outcome, OutcomeEvaluationMove move, MoveContext context)
    {
        var evaluation = Outcome(outcome);
        var decision = WellbeingReview.Workflow.Fire(evaluation, move, new WellbeingMoveContext(context, Scale), evaluation.Move);
        evaluation.Keep(move, decision!);
        CompletedOn = IsCompleted ? CompletedOn ?? context.Today : null;
    }

    private static int Rank(JudgementGrade grade) => grade.ReportCard is { } r ? (int)r : (int)grade.FourPoint!.Value;
}

public enum OutcomeEvaluationState
{
    Draft,
    Completed,
}

public enum OutcomeEvaluationMove
{
    Complete,
    Reopen,
    Agree,
    Disagree,
}

/// <summary>The school's self-evaluation of one outcome, and its SIP's view of it.</summary>
public sealed class OutcomeEvaluation
{
    private readonly List<WellbeingPriority> _priorities = [];

    private OutcomeEvaluation() { }

    internal OutcomeEvaluation(EcmOutcome outcome) => Outcome = outcome;

    public EcmOutcome Outcome { get; private set; }
    public OutcomeEvaluationState State { get; private set; }

    /// <summary>The grade on the four-point scale (self-evaluations started before 10 November 2025).</summary>
    public OfstedJudgement? FourPointGrade { get; private set; }

    /// <summary>The grade on the report card scale (self-evaluations started from 10 November 2025).</summary>
    public ReportCardGrade? ReportCardGrade { get; private set; }

    public JudgementGrade? Grade => FourPointGrade is null && ReportCardGrade is null ? null : JudgementGrade.From(FourPointGrade, ReportCardGrade);
    public string? Strengths { get; private set; }
    public IReadOnlyList<WellbeingPriority> Priorities => _priorities;

    public string? CompletedBy { get; private set; }
    public DateTime? CompletedAt { get; private set; }

    /// <summary>Whether the SIP agrees with the school's judgement; null until they say.</summary>
    public bool? SipAgrees { get; private set; }
    public string? SipComment { get; private set; }
    public string? SipBy { get; private set; }
    public DateTime? SipAt { get; private set; }

    internal void SetDraft(JudgementGrade? grade, string? strengths, IReadOnlyList<WellbeingPriority> priorities)
    {
        FourPointGrade = grade?.FourPoint;
        ReportCardGrade = grade?.ReportCard;
        Strengths = strengths;
        _priorities.Clear();
        _priorities.AddRange(priorities);
    }

    internal void Move(OutcomeEvaluationState state) => State = state;

    internal void Keep(OutcomeEvaluationMove move, Decision decision)
    {
        switch (move)
        {
            case OutcomeEvaluationMove.Complete:
                (CompletedBy, CompletedAt) = (decision.By, decision.At);
                (SipAgrees, SipComment, SipBy, SipAt) = (null, null, null, null);
                break;
            case OutcomeEvaluationMove.Reopen:
                (CompletedBy, CompletedAt) = (null, null);
                break;
            case OutcomeEvaluationMove.Agree or OutcomeEvaluationMove.Disagree:
                (SipAgrees, SipComment, SipBy, SipAt) = (move == OutcomeEvaluationMove.Agree, decision.Reason, decision.By, decision.At);
                break;
        }
    }
}

/// <summary>One of the school's priorities for an outcome, with the ids of the plan priorities (<see cref="PlanPriority"/>) it serves.</summary>
public sealed class WellbeingPriority
{
    private WellbeingPriority() { Text = ""; PlanPriorityIds = ""; }

    internal WellbeingPriority(int number, string text, IReadOnlyList<int> planPriorities)
    {
        Number = number;
        Text = text;
        PlanPriorityIds = string.Join(",", planPriorities.Distinct().Order());
    }

    public int Number { get; private set; }
    public string Text { get; private set; }

    /// <summary>The plan priorities it serves, as ids separated by commas.</summary>
    public string PlanPriorityIds { get; private set; }

    public IReadOnlyList<int> Serves => [.. PlanPriorityIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse)];
}
