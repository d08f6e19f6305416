using SchoolSight.Domain.Calendar;
using SchoolSight.Domain.Workflows;
using CaseMove = SchoolSight.Domain.Workflows.WorkflowMove<SchoolSight.Domain.ImprovingOutcomes.ImprovingOutcomesCase, SchoolSight.Domain.ImprovingOutcomes.CaseState, SchoolSight.Domain.ImprovingOutcomes.CaseMoveName, SchoolSight.Domain.ImprovingOutcomes.CaseMoveContext>;
using CaseRule = SchoolSight.Domain.Workflows.WorkflowRule<SchoolSight.Domain.ImprovingOutcomes.ImprovingOutcomesCase, SchoolSight.Domain.ImprovingOutcomes.CaseMoveContext>;

namespace SchoolSight.Domain.ImprovingOutcomes;

/// <summary>The moves a case can make through the programme (and how it started).</summary>
public enum CaseMoveName
{
    ProposeEntry,
    AgreeEntry,
    DeclineEntry,
    RecordBaseline,
    StartSupport,
    MoveToIntensiveSupport,
    MoveToTargetedSupport,
    AgreeExit,
    BeginMonitoring,
    Close,
}

/// <summary>What a case's move is judged against: the actor, the instant, the LA's date today, the LA's term calendar and the reason given.</summary>
public sealed record CaseMoveContext(Actor Actor, DateTime At, DateOnly Today, TermCalendar Calendar, string? Reason)
    : MoveContext(Actor, At, Today, Reason);

/// <summary>
/// The lifecycle of an Improving Outcomes Programme case (seed 004, 5.3; DOMAIN.md section 5), declared here and only
/// here on the workflow kernel: proposed → entry agreed by the SMT → baseline recorded → active (tier 1 targeted or
/// tier 2 intensive, moving between tiers) → exit agreed by the SMT → post-exit monitoring → closed. The SMT may also
/// decline a proposed entry. Each move names the roles allowed to make it and its preconditions.
/// </summary>
public static class CaseLifecycle
{
    public static readonly Workflow<ImprovingOutcomesCase, CaseState, CaseMoveName, CaseMoveContext> Workflow = new("case", c => c.State,
    [
        new(CaseMoveName.AgreeEntry, "Agree entry", "agree entry to the programme", CaseState.Proposed, CaseState.EntryAgreed,
            ProgrammeRoles.Smt, [CaseRules.ReasonIsGiven]),
        new(CaseMoveName.DeclineEntry, "Decline entry", "decline entry to the programme", CaseState.Proposed, CaseState.Closed,
            ProgrammeRoles.Smt, [CaseRules.ReasonIsGiven]),
        new(CaseMoveName.RecordBaseline, "Record the baseline", "record the baseline assessment", CaseState.EntryAgreed, CaseState.BaselineRecorded,
            ProgrammeRoles.Runners, [CaseRules.BaselineIsRecorded, CaseRules.BaselineIsRecent]),
        new(CaseMoveName.StartSupport, "Start support", "start support", CaseState.BaselineRecorded, CaseState.Active,
            ProgrammeRoles.Runners, [CaseRules.EntryIsCommunicated, CaseRules.PlanIsChosen, CaseRules.PlanHasMeasurableActions, CaseRules.ManagementGroupIsFormed]),
        new(CaseMoveName.MoveToIntensiveSupport, "Move to intensive support (tier 2)", "move the case to intensive support", CaseState.Active, CaseState.Active,
            ProgrammeRoles.Runners, [CaseRules.IsInTier(SupportTier.Targeted), CaseRules.ReasonIsGiven]),
        new(CaseMoveName.MoveToTargetedSupport, "Move to targeted support (tier 1)", "move the case to targeted support", CaseState.Active, CaseState.Active,
            ProgrammeRoles.Runners, [CaseRules.IsInTier(SupportTier.Intensive), CaseRules.ReasonIsGiven]),
        new(CaseMoveName.AgreeExit, "Agree exit", "agree the school's exit from the programme", CaseState.Active, CaseState.ExitAgreed,
            ProgrammeRoles.Smt, [CaseRules.ExitStrategyIsAgreedWithTheSchool, CaseRules.AProgrammeMeetingHasBeenHeld, CaseRules.NoWarningNoticeAwaitsADecision, CaseRules.ReasonIsGiven]),
        new(CaseMoveName.BeginMonitoring, "Begin post-exit monitoring", "begin post-exit monitoring", CaseState.ExitAgreed, CaseState.PostExitMonitoring,
            ProgrammeRoles.Runners, [CaseRules.MonitoringTermsAreInTheCalendar]),
        new(CaseMoveName.Close, "Close the case", "close the case", CaseState.PostExitMonitoring, CaseState.Closed,
            ProgrammeRoles.Closers, [CaseRules.MonitoredForTwoTerms]),
    ],
    wrongState: (move, _, state) => ProgrammeErrors.WrongState(move.Doing, state),
    roleRefused: (move, _) => ProgrammeErrors.RoleNotAllowed(move.Roles, move.Doing));

    public static IReadOnlyList<CaseMove> Moves => Workflow.Moves;

    public static CaseMove Move(CaseMoveName name) => Workflow.Move(name);

    /// <summary>Everything that stops <paramref name="name"/> now: the wrong state, the wrong role, and each unmet rule.</summary>
    public static IReadOnlyList<DomainError> Check(ImprovingOutcomesCase c, CaseMoveName name, CaseMoveContext context) => Workflow.Check(c, name, context);

    /// <summary>The moves open to a role from the case's current state, with what still stands in the way of each.</summary>
    public static IReadOnlyList<OpenMove<ImprovingOutcomesCase, CaseState, CaseMoveName, CaseMoveContext>> MovesFor(ImprovingOutcomesCase c, CaseMoveContext context) =>
        Workflow.MovesFor(c, context);

    /// <summary>The lifecycle as a Graphviz diagram, for the documentation.</summary>
    public static string Diagram() => Workflow.Diagram(CaseState.Proposed);
}

/// <summary>The named preconditions of the lifecycle's moves.</summary>
public static class CaseRules
{
    public static readonly CaseRule ReasonIsGiven = new("the reason is recorded", (_, x) =>
        string.IsNullOrWhiteSpace(x.Reason) ? DomainError.Rule("programme.reason", "Give the reason for this decision.", "Reason") : null);

    public static readonly CaseRule BaselineIsRecorded = new("a baseline assessment is recorded", (c, _) =>
        c.Baseline is null ? DomainError.Rule("programme.no-baseline", "Record the baseline assessment: its source, date, agreed strengths and areas for improvement.") : null);

    public const int BaselineRecentMonths = 12;

    public static readonly CaseRule BaselineIsRecent = new($"the baseline is from the last {BaselineRecentMonths} months", (c, x) =>
        c.Baseline is { } b && (b.AssessedOn < x.Today.AddMonths(-BaselineRecentMonths) || b.AssessedOn > x.Today)
            ? (b.AssessedOn > x.Today ? ProgrammeErrors.InFuture("AssessedOn", "The date of the baseline assessment") : ProgrammeErrors.BaselineNotRecent(BaselineRecentMonths))
            : null);

    public static readonly CaseRule EntryIsCommunicated = new("governors, staff and LA teams are told and parents' communication agreed", (c, _) =>
        c.Communications.IsComplete ? null
            : DomainError.Rule("programme.not-communicated", "Record that governors, staff and the LA's teams have been told about entry, and what was agreed about telling parents."));

    public static readonly CaseRule PlanIsChosen = new("the plan is chosen", (c, _) =>
        c.PlanKind is null ? DomainError.Rule("programme.no-plan", "Record which plan the programme works from: the school's SSDP or RAP, or the programme's own plan.") : null);

    public static readonly CaseRule PlanHasMeasurableActions = new("the plan has measurable actions", (c, _) =>
        c.PlanActions.Count == 0 || c.PlanActions.Any(a => !a.IsMeasurable)
            ? DomainError.Rule("programme.no-actions", "Add the plan's actions, each with an owner, a due date and measurable success criteria.") : null);

    public static readonly CaseRule ManagementGroupIsFormed = new("the school management group is formed", (c, _) =>
        c.Members.Any(m => m.Role == ManagementGroupRole.Headteacher) && c.Members.Any(m => m.Role == ManagementGroupRole.Governor)
            ? null : DomainError.Rule("programme.no-group", "Set up the school management group: it needs at least the headteacher and a governor."));

    public static CaseRule IsInTier(SupportTier tier) => new($"the case is in {tier.Describe().ToLowerInvariant()}", (c, _) =>
        c.Tier == tier ? null : DomainError.Rule("programme.tier", $"The case is already in {c.Tier.Describe().ToLowerInvariant()}."));

    public static readonly CaseRule ExitStrategyIsAgreedWithTheSchool = new("an exit strategy is agreed with the school", (c, _) =>
        c.ExitStrategy is null ? DomainError.Rule("programme.no-exit-strategy", "Record the exit strategy agreed with the school before the SMT agrees exit.") : null);

    public static readonly CaseRule AProgrammeMeetingHasBeenHeld = new("a programme meeting has been held", (c, _) =>
        c.Meetings.Any(m => m.IsHeld) ? null : DomainError.Rule("programme.no-meeting", "At least one programme meeting must have reviewed progress before exit."));

    public static readonly CaseRule NoWarningNoticeAwaitsADecision = new("no warning notice awaits approval or issue", (c, _) =>
        c.WarningNotices.Any(w => w.Status != WarningNoticeStatus.Issued) ? ProgrammeErrors.WarningNoticePending : null);

    public static readonly CaseRule MonitoringTermsAreInTheCalendar = new("the two monitoring terms are in the calendar", (c, x) =>
        c.ExitAgreedOn is { } exit && ProgrammeDeadlines.MonitoringTerms(exit, x.Calendar).Count < 2
            ? DomainError.Rule("programme.calendar-missing", $"The term calendar has no dates for the two terms after {exit:d MMMM yyyy}: an LA administrator must add them on the calendar page.")
            : null);

    public static readonly CaseRule MonitoredForTwoTerms = new("a monitoring visit is recorded in each of two terms after exit", (c, x) =>
    {
        if (c.ExitAgreedOn is not { } exit) return null;
        var terms = ProgrammeDeadlines.MonitoringTerms(exit, x.Calendar);
        var missing = terms.Where(t => !c.Visits.Any(v => t.Contains(v.VisitedOn))).Select(t => t.Title).ToList();
        if (terms.Count < 2) return DomainError.Rule("programme.calendar-missing", "The term calendar does not yet hold the two terms after exit.");
        return missing.Count == 0 ? null
            : DomainError.Rule("programme.monitoring", $"Termly monitoring continues for at least two terms after exit: record a monitoring visit in the {string.Join(" and the ", missing)}.");
    });
}
