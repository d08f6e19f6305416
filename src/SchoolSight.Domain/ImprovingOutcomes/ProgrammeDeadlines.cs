using SchoolSight.Domain.Calendar;

namespace SchoolSight.Domain.ImprovingOutcomes;

public enum DeadlineKind
{
    ProgrammeMeeting,
    Agenda,
    ProgressReport,
    Minutes,
    ManagementGroupMeeting,
    PlanAction,
    MonitoringVisit,
}

public enum DeadlineStatus
{
    Due,
    Overdue,
    Met,
    MetLate,

    /// <summary>Not met, and it can no longer be: the meeting it was for has been held.</summary>
    Missed,
}

/// <summary>Who a deadline's reminders go to.</summary>
public enum DeadlineOwner
{
    /// <summary>The case's M&amp;I officer.</summary>
    CaseOfficer,

    /// <summary>The school (its users) and the case officer.</summary>
    School,

    /// <summary>The SIP and the case officer.</summary>
    Monitoring,
}

/// <summary>
/// A deadline of a case, computed from the LA's term calendar: what is due, when, which rule set the date, and
/// when it was met. <see cref="StatusOn"/> says due, overdue or met on a given day. A deadline that has
/// <paramref name="Lapsed"/> was not met before the event it served (an agenda for a meeting already held): it stays in
/// the record as missed, but is no longer open, so it is neither on the dashboard nor reminded about.
/// </summary>
public sealed record Deadline(string Key, DeadlineKind Kind, string Title, DateOnly DueOn, DateOnly? MetOn, string Rule, DeadlineOwner Owner, bool Lapsed = false)
{
    public DeadlineStatus StatusOn(DateOnly today) => MetOn switch
    {
        { } met when met <= DueOn => DeadlineStatus.Met,
        not null => DeadlineStatus.MetLate,
        null when Lapsed => DeadlineStatus.Missed,
        null when today > DueOn => DeadlineStatus.Overdue,
        _ => DeadlineStatus.Due,
    };

    public bool IsOpen => MetOn is null && !Lapsed;
}

/// <summary>
/// Every deadline rule of the programme (seed 004, 5.3 and 7; docs/decisions/0006): periods are counted in calendar
/// days and months; a deadline that must be met before an event moves back to the last school day before it, and
/// one that follows an event moves on to the next school day, when it falls on a weekend or in a school holiday.
/// </summary>
public static class ProgrammeDeadlines
{
    public const int AgendaDaysBefore = 7;
    public const int MinutesDaysAfter = 7;
    public const int ProgrammeMeetingMonths = 2;
    public const int ManagementGroupMonths = 1;
    public const int MonitoringTermCount = 2;

    /// <summary>The agenda (and the management group's progress report) must go out at least a week before the meeting.</summary>
    public static (DateOnly Due, string Rule) AgendaDue(DateOnly meeting, TermCalendar calendar) =>
        Before(meeting.AddDays(-AgendaDaysBefore), calendar, $"{AgendaDaysBefore} days before the meeting on {meeting:d MMM yyyy}");

    /// <summary>Minutes are circulated within a week of the meeting.</summary>
    public static (DateOnly Due, string Rule) MinutesDue(DateOnly heldOn, TermCalendar calendar) =>
        After(heldOn.AddDays(MinutesDaysAfter), calendar, $"{MinutesDaysAfter} days after the meeting on {heldOn:d MMM yyyy}");

    /// <summary>Programme meetings every two months from the last one held (or from the start of support).</summary>
    public static (DateOnly Due, string Rule) NextProgrammeMeetingDue(DateOnly since, TermCalendar calendar) =>
        After(since.AddMonths(ProgrammeMeetingMonths), calendar, $"two months after {since:d MMM yyyy}");

    /// <summary>The school management group meets monthly.</summary>
    public static (DateOnly Due, string Rule) NextGroupMeetingDue(DateOnly since, TermCalendar calendar) =>
        After(since.AddMonths(ManagementGroupMonths), calendar, $"one month after {since:d MMM yyyy}");

    /// <summary>
    /// The terms of termly monitoring after exit: the two terms that start after the day exit was agreed (the term
    /// in which exit is agreed does not count). Fewer than two when the calendar does not hold them yet.
    /// </summary>
    public static IReadOnlyList<TermDates> MonitoringTerms(DateOnly exitAgreedOn, TermCalendar calendar)
    {
        var terms = new List<TermDates>();
        var from = exitAgreedOn;
        while (terms.Count < MonitoringTermCount && calendar.TermStartingAfter(from) is { } next)
        {
            terms.Add(next);
            from = next.Starts;
        }
        return terms;
    }

    /// <summary>A monitoring visit is due by the last school day of each monitoring term.</summary>
    public static (DateOnly Due, string Rule) MonitoringVisitDue(TermDates term, TermCalendar calendar) =>
        Before(term.Ends, calendar, $"by the end of the {term.Title}");

    /// <summary>Every deadline of the case, met or not.</summary>
    public static IReadOnlyList<Deadline> For(ImprovingOutcomesCase c, TermCalendar calendar)
    {
        var list = new List<Deadline>();
        var key = $"case/{c.Id}";
        foreach (var m in c.Meetings.OrderBy(m => m.ScheduledFor))
        {
            var (agenda, agendaRule) = AgendaDue(m.ScheduledFor, calendar);
            list.Add(new($"{key}/meeting/{m.Id}/agenda", DeadlineKind.Agenda, $"Agenda for the programme meeting on {m.ScheduledFor:d MMM yyyy}", agenda, m.AgendaSentOn, agendaRule, DeadlineOwner.CaseOfficer, m.IsHeld));
            list.Add(new($"{key}/meeting/{m.Id}/progress-report", DeadlineKind.ProgressReport, $"Management group's progress report for the meeting on {m.ScheduledFor:d MMM yyyy}", agenda, m.ProgressReportSubmittedOn, agendaRule, DeadlineOwner.School, m.IsHeld));
            if (m.HeldOn is { } held)
            {
                var (minutes, minutesRule) = MinutesDue(held, calendar);
                list.Add(new($"{key}/meeting/{m.Id}/minutes", DeadlineKind.Minutes, $"Minutes of the programme meeting held on {held:d MMM yyyy}", minutes, m.MinutesCirculatedOn, minutesRule, DeadlineOwner.CaseOfficer));
            }
        }

        if (c.State == CaseState.Active && c.ActiveSince is { } active)
        {
            var lastHeld = c.Meetings.Where(m => m.IsHeld).Select(m => m.HeldOn!.Value).DefaultIfEmpty(active).Max();
            var (next, nextRule) = NextProgrammeMeetingDue(lastHeld, calendar);
            var scheduled = c.Meetings.Where(m => !m.IsHeld).Select(m => (DateOnly?)m.ScheduledFor).Min();
            if (scheduled is null || scheduled > next)
                list.Add(new($"{key}/programme-meeting", DeadlineKind.ProgrammeMeeting, scheduled is null ? "Next programme meeting (every two months): not yet scheduled" : $"Next programme meeting: scheduled for {scheduled:d MMM yyyy}, later than two months", next, null, nextRule, DeadlineOwner.CaseOfficer));

            var lastGroup = c.GroupMeetings.Select(g => g.HeldOn).Where(d => d >= active).DefaultIfEmpty(active).Max();
            var (group, groupRule) = NextGroupMeetingDue(lastGroup, calendar);
            list.Add(new($"{key}/management-group", DeadlineKind.ManagementGroupMeeting, "Monthly meeting of the school management group", group, null, groupRule, DeadlineOwner.School));
        }

        if (c.State is CaseState.EntryAgreed or CaseState.BaselineRecorded or CaseState.Active)
            foreach (var a in c.PlanActions.OrderBy(a => a.Number))
                list.Add(new($"{key}/action/{a.Id}", DeadlineKind.PlanAction, $"Action {a.Number}: {Shorten(a.Description)} ({a.Owner})", a.DueOn, a.CompletedOn, "the due date agreed in the plan", DeadlineOwner.School));

        if (c.ExitAgreedOn is { } exit && c.State is CaseState.ExitAgreed or CaseState.PostExitMonitoring or CaseState.Closed)
            foreach (var term in MonitoringTerms(exit, calendar))
            {
                var (due, rule) = MonitoringVisitDue(term, calendar);
                var visit = c.Visits.Where(v => term.Contains(v.VisitedOn)).Select(v => (DateOnly?)v.VisitedOn).Min();
                list.Add(new($"{key}/monitoring/{term.AcademicYear}-{term.Name}", DeadlineKind.MonitoringVisit, $"Termly monitoring visit in the {term.Title}", due, visit, rule, DeadlineOwner.Monitoring));
            }

        return list.OrderBy(d => d.DueOn).ThenBy(d => d.Kind).ToList();
    }

    private static (DateOnly, string) Before(DateOnly day, TermCalendar calendar, string rule)
    {
        if (calendar.IsSchoolDay(day) || calendar.SchoolDayOnOrBefore(day) is not { } moved) return (day, rule);
        return (moved, $"{rule}; {day:ddd d MMM} is not a school day, so the last school day before it");
    }

    private static (DateOnly, string) After(DateOnly day, TermCalendar calendar, string rule)
    {
        if (calendar.IsSchoolDay(day) || calendar.SchoolDayOnOrAfter(day) is not { } moved) return (day, rule);
        return (moved, $"{rule}; {day:ddd d MMM} is not a school day, so the next school day");
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}

/// <summary>
/// The warning notice flag (seed 004, 5.3): after three terms in the programme with substantial evidence of
/// insufficient progress. The term in which support started counts as the first; a term is counted as insufficient
/// when the last progress judgement recorded at a programme meeting held in it was "insufficient".
/// </summary>
public static class ThreeTermsRule
{
    public const int Terms = 3;

    public sealed record TermJudgement(TermDates Term, ProgressJudgement? Judgement);

    public sealed record Result(bool Flagged, IReadOnlyList<TermJudgement> CompletedTerms, string Explanation);

    public static Result Evaluate(ImprovingOutcomesCase c, TermCalendar calendar, DateOnly today)
    {
        if (c.ActiveSince is not { } since) return new(false, [], "Support has not started.");
        var completed = calendar.Terms.Where(t => t.Ends >= since && t.Ends < today).ToList();
        var judged = completed.Select(t => new TermJudgement(t, c.Meetings
                .Where(m => m.HeldOn is { } h && m.Judgement is not null && calendar.Terms.LastOrDefault(x => x.Starts <= h) == t)
                .OrderBy(m => m.HeldOn).LastOrDefault()?.Judgement))
            .ToList();
        if (judged.Count < Terms)
            return new(false, judged, $"{judged.Count} of {Terms} terms in the programme completed.");
        var last = judged.TakeLast(Terms).ToList();
        var flagged = last.All(j => j.Judgement == ProgressJudgement.Insufficient);
        return new(flagged, judged, flagged
            ? $"Insufficient progress was recorded in each of the last three terms ({string.Join(", ", last.Select(j => j.Term.Title))})."
            : "Progress recorded in the last three terms was not insufficient in every one of them.");
    }
}
