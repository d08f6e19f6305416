using SchoolSight.Domain.Access;
using SchoolSight.Domain.Calendar;
using Stateless;
using Stateless.Graph;

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

/// <summary>What a move is judged against: who is acting, when, the LA's term calendar and the reason they gave.</summary>
public sealed record MoveContext(CaseActor Actor, DateTime At, TermCalendar Calendar, string? Reason)
{
    public DateOnly Today => DateOnly.FromDateTime(At);
}

/// <summary>A named precondition of a move: it reads like the policy it enforces, and says what is missing when it is not met.</summary>
public sealed record CaseRule(string Name, Func<ImprovingOutcomesCase, MoveContext, DomainError?> Check);

/// <summary>One move of the lifecycle: from which state to which, who may make it, and its preconditions.</summary>
public sealed record CaseMove(CaseMoveName Name, string Title, string Doing, CaseState From, CaseState To, IReadOnlySet<Role> Roles, IReadOnlyList<CaseRule> Rules);

/// <summary>
/// The lifecycle of an Improving Outcomes Programme case (seed 004, 5.3; DOMAIN.md section 5), declared here and only
/// here: proposed → entry agreed by the SMT → baseline recorded → active (tier 1 targeted or tier 2 intensive, moving
/// between tiers) → exit agreed by the SMT → post-exit monitoring → closed. The SMT may also decline a proposed entry.
/// Each move names the roles allowed to make it and its preconditions; the state machine itself is Stateless.
/// </summary>
public static class CaseLifecycle
{
    public static readonly IReadOnlyList<CaseMove> Moves =
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
    ];

    public static CaseMove Move(CaseMoveName name) => Moves.Single(m => m.Name == name);

    /// <summary>Everything that stops <paramref name="name"/> now: the wrong state, the wrong role, and each unmet rule.</summary>
    public static IReadOnlyList<DomainError> Check(ImprovingOutcomesCase c, CaseMoveName name, MoveContext context)
    {
        var move = Moves.FirstOrDefault(m => m.Name == name);
        if (move is null) return [new DomainError("programme.unknown-move", "That is not a move a case can make.")];
        if (c.State != move.From) return [ProgrammeErrors.WrongState(move.Doing, c.State)];
        var errors = new List<DomainError>();
        if (!move.Roles.Contains(context.Actor.Role)) errors.Add(ProgrammeErrors.RoleNotAllowed(move.Roles, move.Doing));
        errors.AddRange(move.Rules.Select(r => r.Check(c, context)).OfType<DomainError>());
        return errors;
    }

    /// <summary>The moves open to a role from the case's current state, with what still stands in the way of each.</summary>
    public static IReadOnlyList<(CaseMove Move, IReadOnlyList<DomainError> Unmet)> MovesFor(ImprovingOutcomesCase c, MoveContext context) =>
        Moves.Where(m => m.From == c.State && m.Roles.Contains(context.Actor.Role))
            .Select(m => (m, (IReadOnlyList<DomainError>)m.Rules.Select(r => r.Check(c, context)).OfType<DomainError>().ToList()))
            .ToList();

    /// <summary>Fires the move through the state machine; refused (with every reason) unless <see cref="Check"/> passes.</summary>
    internal static void Fire(ImprovingOutcomesCase c, CaseMoveName name, MoveContext context, Func<CaseState> read, Action<CaseState> write)
    {
        var errors = Check(c, name, context);
        if (errors.Count > 0) throw new DomainException(errors[0], errors);
        var machine = Build(read, write, () => Check(c, name, context).Count == 0);
        machine.Fire(name);
    }

    /// <summary>The lifecycle as a Graphviz diagram, for the documentation.</summary>
    public static string Diagram()
    {
        var state = CaseState.Proposed;
        return UmlDotGraph.Format(Build(() => state, s => state = s, () => true).GetInfo());
    }

    private static StateMachine<CaseState, CaseMoveName> Build(Func<CaseState> read, Action<CaseState> write, Func<bool> allowed)
    {
        var machine = new StateMachine<CaseState, CaseMoveName>(read, write);
        foreach (var move in Moves)
        {
            var guard = string.Join("; ", move.Rules.Select(r => r.Name).Prepend(ProgrammeRoles.Names(move.Roles)));
            if (move.From == move.To) machine.Configure(move.From).PermitReentryIf(move.Name, allowed, guard);
            else machine.Configure(move.From).PermitIf(move.Name, move.To, allowed, guard);
        }
        return machine;
    }
}

/// <summary>The named preconditions of the lifecycle's moves.</summary>
public static class CaseRules
{
    public static readonly CaseRule ReasonIsGiven = new("the reason is recorded", (_, x) =>
        string.IsNullOrWhiteSpace(x.Reason) ? new DomainError("programme.reason", "Give the reason for this decision.", "Reason") : null);

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
