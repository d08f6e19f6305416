using SchoolSight.Domain.Access;
using SchoolSight.Domain.Workflows;

namespace SchoolSight.Domain.ImprovingOutcomes;

/// <summary>
/// One school's case in the Improving Outcomes Programme (seed 004; DOMAIN.md section 5). The aggregate holds the
/// decisions, baseline, plan, management group, programme meetings, warning notices and statutory powers, exit and
/// monitoring, and funding. Its state changes only through <see cref="CaseLifecycle"/>.
/// </summary>
public sealed partial class ImprovingOutcomesCase : VersionedEntity, ISchoolOwned
{
    public static Resource Resource => Resource.ProgrammeCase;

    private readonly List<CaseDecision> _decisions = [];
    private readonly List<PlanAction> _planActions = [];
    private readonly List<ManagementGroupMember> _members = [];
    private readonly List<ManagementGroupMeeting> _groupMeetings = [];
    private readonly List<ProgrammeMeeting> _meetings = [];
    private readonly List<MonitoringVisit> _visits = [];
    private readonly List<SpendingLine> _spending = [];
    private readonly List<WarningNotice> _warningNotices = [];
    private readonly List<StatutoryPowerUse> _powers = [];

    private ImprovingOutcomesCase() { Concerns = ""; CaseOfficerName = ""; CaseOfficerEmail = ""; Communications = new(); }

    /// <summary>Proposes a school for the programme: identified through categorisation, to be agreed by the SMT.</summary>
    public static ImprovingOutcomesCase Propose(int urn, SupportTier tier, ConcernGround ground, string concerns,
        string caseOfficerName, string caseOfficerEmail, Actor actor, DateTime at, DateOnly today)
    {
        ProgrammeRoles.Require(ProgrammeRoles.Proposers, actor, "propose a school for the programme");
        var c = new ImprovingOutcomesCase
        {
            Urn = urn,
            Tier = tier,
            Ground = ground,
            Concerns = TextFields.Required(concerns, "Concerns", "Enter the evidence of concern from categorisation", 4000),
            CaseOfficerName = TextFields.Required(caseOfficerName, "CaseOfficerName", "Enter the M&I officer who will co-ordinate the case", 200),
            CaseOfficerEmail = TextFields.Required(caseOfficerEmail, "CaseOfficerEmail", "Enter the case officer's email address", 256),
            ProposedOn = today,
            State = CaseState.Proposed,
        };
        if (!c.CaseOfficerEmail.Contains('@', StringComparison.Ordinal))
            throw new DomainException(new DomainError("programme.email", "Enter the case officer's email address, like name@example.gov.uk.", "CaseOfficerEmail"));
        c._decisions.Add(new CaseDecision(CaseMoveName.ProposeEntry, CaseState.Proposed, CaseState.Proposed, new Decision(actor.Name, actor.Role, at, c.Concerns)));
        return c;
    }

    public int Id { get; private set; }
    public int Urn { get; private set; }
    public CaseState State { get; private set; }
    public SupportTier Tier { get; private set; }
    public ConcernGround Ground { get; private set; }
    public string Concerns { get; private set; }

    /// <summary>The member of the M&amp;I team who co-ordinates the case with the school (seed 004, 4.3); reminders go to them.</summary>
    public string CaseOfficerName { get; private set; }
    public string CaseOfficerEmail { get; private set; }

    public DateOnly ProposedOn { get; private set; }
    public DateOnly? EntryAgreedOn { get; private set; }
    public DateOnly? ActiveSince { get; private set; }
    public DateOnly? ExitAgreedOn { get; private set; }
    public DateOnly? ClosedOn { get; private set; }

    public BaselineAssessment? Baseline { get; private set; }
    public EntryCommunications Communications { get; private set; }

    public PlanKind? PlanKind { get; private set; }
    public string? PlanTitle { get; private set; }

    /// <summary>Why the school's own SSDP or RAP is not robust enough, when the programme has its own plan.</summary>
    public string? PlanNotRobustReason { get; private set; }

    public ExitStrategy? ExitStrategy { get; private set; }

    public decimal? ProgrammeBudget { get; private set; }
    public decimal? SchoolContribution { get; private set; }

    public IReadOnlyList<CaseDecision> Decisions => _decisions;
    public IReadOnlyList<PlanAction> PlanActions => _planActions;
    public IReadOnlyList<ManagementGroupMember> Members => _members;
    public IReadOnlyList<ManagementGroupMeeting> GroupMeetings => _groupMeetings;
    public IReadOnlyList<ProgrammeMeeting> Meetings => _meetings;
    public IReadOnlyList<MonitoringVisit> Visits => _visits;
    public IReadOnlyList<SpendingLine> Spending => _spending;
    public IReadOnlyList<WarningNotice> WarningNotices => _warningNotices;
    public IReadOnlyList<StatutoryPowerUse> Powers => _powers;

    public bool IsOpen => State != CaseState.Closed;

    /// <summary>Makes a move of the lifecycle; refused with every reason when it is not allowed.</summary>
    public void Apply(CaseMoveName move, CaseMoveContext context)
    {
        var from = State;
        var decision = CaseLifecycle.Workflow.Fire(this, move, context, s => State = s) ?? context.Decision;
        var today = context.Today;
        switch (move)
        {
            case CaseMoveName.AgreeEntry: EntryAgreedOn = today; break;
            case CaseMoveName.StartSupport: ActiveSince = today; break;
            case CaseMoveName.MoveToIntensiveSupport: Tier = SupportTier.Intensive; break;
            case CaseMoveName.MoveToTargetedSupport: Tier = SupportTier.Targeted; break;
            case CaseMoveName.AgreeExit: ExitAgreedOn = today; break;
            case CaseMoveName.DeclineEntry or CaseMoveName.Close: ClosedOn = today; break;
            case CaseMoveName.ProposeEntry or CaseMoveName.RecordBaseline or CaseMoveName.BeginMonitoring: break;
        }
        _decisions.Add(new CaseDecision(move, from, State, decision));
    }

    /// <summary>Records the baseline assessment and moves the case on to "baseline recorded".</summary>
    public void RecordBaseline(BaselineAssessment baseline, CaseMoveContext context)
    {
        var previous = Baseline;
        Baseline = baseline;
        try
        {
            Apply(CaseMoveName.RecordBaseline, context);
        }
        catch (DomainException)
        {
            Baseline = previous;
            throw;
        }
    }

    /// <summary>Records who was told about entry and what was agreed about parents (seed 004, 5.3).</summary>
    public void RecordCommunications(EntryCommunications communications, Actor actor, DateOnly today)
    {
        ProgrammeRoles.Require(ProgrammeRoles.Runners, actor, "record how entry was communicated");
        RequireState("record how entry was communicated", CaseState.EntryAgreed, CaseState.BaselineRecorded, CaseState.Active);
        foreach (var (day, field, what) in new[]
                 {
                     (communications.GovernorsToldOn, "GovernorsToldOn", "The day governors were told"),
                     (communications.StaffToldOn, "StaffToldOn", "The day staff were told"),
                     (communications.LaTeamsToldOn, "LaTeamsToldOn", "The day LA teams were told"),
                 })
            if (day > today) throw new DomainException(ProgrammeErrors.InFuture(field, what));
        Communications = communications with { ParentsCommunication = TextFields.Optional(communications.ParentsCommunication, "ParentsCommunication", "What was agreed about parents") };
    }

    /// <summary>Chooses the plan the programme works from; a separate plan only when the school's own is not robust.</summary>
    public void ChoosePlan(PlanKind kind, string? title, string? notRobustReason, Actor actor)
    {
        ProgrammeRoles.Require(ProgrammeRoles.Runners, actor, "choose the improvement plan");
        RequireState("choose the improvement plan", CaseState.EntryAgreed, CaseState.BaselineRecorded, CaseState.Active);
        var reason = TextFields.Optional(notRobustReason, "PlanNotRobustReason", "The reason", 2000);
        if (kind == ImprovingOutcomes.PlanKind.ProgrammePlan && reason is null)
            throw new DomainException(ProgrammeErrors.Required("PlanNotRobustReason", "The programme has its own plan only when the school's SSDP or RAP is not robust: say why it is not"));
        PlanKind = kind;
        PlanTitle = TextFields.Optional(title, "PlanTitle", "The plan's title", 300);
        PlanNotRobustReason = kind == ImprovingOutcomes.PlanKind.ProgrammePlan ? reason : null;
    }

    public PlanAction AddPlanAction(string description, string owner, DateOnly? dueOn, string successCriteria, Actor actor)
    {
        ProgrammeRoles.Require(ProgrammeRoles.Contributors, actor, "add actions to the plan");
        RequireState("add actions to the plan", CaseState.EntryAgreed, CaseState.BaselineRecorded, CaseState.Active);
        var action = new PlanAction(_planActions.Count == 0 ? 1 : _planActions.Max(a => a.Number) + 1, description, owner, dueOn, successCriteria);
        _planActions.Add(action);
        return action;
    }

    public PlanAction Action(int actionId) =>
        _planActions.FirstOrDefault(a => a.Id == actionId) ?? throw new DomainException(ProgrammeErrors.UnknownAction);

    public void AddMember(string name, ManagementGroupRole role, Actor actor)
    {
        ProgrammeRoles.Require(ProgrammeRoles.Contributors, actor, "change the school management group");
        RequireState("change the school management group", CaseState.EntryAgreed, CaseState.BaselineRecorded, CaseState.Active);
        _members.Add(new ManagementGroupMember(name, role));
    }

    public void RemoveMember(int memberId, Actor actor)
    {
        ProgrammeRoles.Require(ProgrammeRoles.Contributors, actor, "change the school management group");
        RequireState("change the school management group", CaseState.EntryAgreed, CaseState.BaselineRecorded, CaseState.Active);
        _members.RemoveAll(m => m.Id == memberId);
    }

    /// <summary>Records a monthly meeting of the school management group.</summary>
    public void RecordGroupMeeting(DateOnly? heldOn, string progressReviewed, bool sipAttended, bool laOfficerAttended, Actor actor, DateOnly today)
    {
        ProgrammeRoles.Require(ProgrammeRoles.Contributors, actor, "record a management group meeting");
        RequireState("record a management group meeting", CaseState.BaselineRecorded, CaseState.Active, CaseState.ExitAgreed);
        var day = Text.NotFuture(heldOn, today, "HeldOn", "The day of the meeting", "Enter the day the group met");
        _groupMeetings.Add(new ManagementGroupMeeting(day, progressReviewed, sipAttended, laOfficerAttended, actor.Name));
    }

    public void RecordExitStrategy(ExitStrategy strategy, Actor actor, DateOnly today)
    {
        ProgrammeRoles.Require(ProgrammeRoles.Runners, actor, "record the exit strategy");
        RequireState("record the exit strategy", CaseState.Active);
        if (strategy.AgreedWithSchoolOn > today) throw new DomainException(ProgrammeErrors.InFuture("AgreedWithSchoolOn", "The day it was agreed with the school"));
        ExitStrategy = strategy;
    }

    /// <summary>Records a termly monitoring visit after exit (by the SIP or the M&amp;I manager).</summary>
    public void RecordMonitoringVisit(DateOnly? visitedOn, string findings, bool improvementSustained, Actor actor, DateOnly today)
    {
        ProgrammeRoles.Require(ProgrammeRoles.Monitors, actor, "record a monitoring visit");
        if (State != CaseState.PostExitMonitoring) throw new DomainException(ProgrammeErrors.NotInMonitoring);
        var day = Text.NotFuture(visitedOn, today, "VisitedOn", "The day of the visit", "Enter the day of the visit");
        if (ExitAgreedOn is { } exit && day < exit)
            throw new DomainException(new DomainError("programme.visit-before-exit", "A monitoring visit follows exit: its day cannot be before exit was agreed.", "VisitedOn"));
        _visits.Add(new MonitoringVisit(day, actor.Name, actor.Role, findings, improvementSustained));
    }

    public void RequireState(string doing, params CaseState[] states)
    {
        if (!states.Contains(State)) throw new DomainException(ProgrammeErrors.WrongState(doing, State));
    }
}
