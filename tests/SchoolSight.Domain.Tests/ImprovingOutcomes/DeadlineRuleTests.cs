using CsCheck;
using SchoolSight.Domain.Calendar;
using SchoolSight.Domain.ImprovingOutcomes;

namespace SchoolSight.Domain.Tests.ImprovingOutcomes;

/// <summary>Every deadline rule of the programme on the real England term calendar, across term boundaries and holidays.</summary>
public sealed class DeadlineRuleTests
{
    private static readonly TermCalendar England = EnglandTermDates.Calendar;
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Theory]
    [InlineData("2027-01-12", "2027-01-05")] // a week before is a school day
    [InlineData("2027-01-11", "2027-01-04")] // a week before is the first day of term
    [InlineData("2027-01-08", "2026-12-18")] // a week before is New Year's Day: last school day of the autumn term
    [InlineData("2026-11-04", "2026-10-23")] // a week before is in half-term: the Friday before it
    [InlineData("2026-11-21", "2026-11-13")] // a Saturday meeting: a week before is a Saturday, so the Friday
    [InlineData("2026-09-07", "2026-07-22")] // a week before is in the summer holiday: the last day of the summer term
    public void Agenda_IsDueAWeekBefore_OnTheLastSchoolDayOnOrBeforeThat(string meeting, string expected)
    {
        var (due, rule) = ProgrammeDeadlines.AgendaDue(DateOnly.Parse(meeting), England);
        due.ShouldBe(DateOnly.Parse(expected));
        rule.ShouldStartWith("7 days before the meeting on");
    }

    [Theory]
    [InlineData("2026-12-11", "2026-12-18")] // a week later is the last day of term
    [InlineData("2026-12-14", "2027-01-04")] // a week later is in the Christmas holiday: first day of spring
    [InlineData("2026-10-20", "2026-11-02")] // a week later is in half-term: first day back
    [InlineData("2026-11-13", "2026-11-20")] // ordinary week
    [InlineData("2027-07-20", "2027-09-02")] // a week later is in the summer holiday: first day of the autumn term
    public void Minutes_AreDueAWeekAfter_OnTheFirstSchoolDayOnOrAfterThat(string held, string expected) =>
        ProgrammeDeadlines.MinutesDue(DateOnly.Parse(held), England).Due.ShouldBe(DateOnly.Parse(expected));

    [Theory]
    [InlineData("2026-10-15", "2026-12-15")]
    [InlineData("2026-10-20", "2027-01-04")] // two months later is a Sunday in the Christmas holiday
    [InlineData("2026-12-31", "2027-03-01")] // 28 February 2027 is a Sunday
    [InlineData("2027-05-22", "2027-09-02")] // 22 July 2027 is after the summer term ends (21 July): the first day of the autumn term
    public void ProgrammeMeetings_AreDueEveryTwoMonths_OnASchoolDay(string since, string expected) =>
        ProgrammeDeadlines.NextProgrammeMeetingDue(DateOnly.Parse(since), England).Due.ShouldBe(DateOnly.Parse(expected));

    [Theory]
    [InlineData("2027-01-29", "2027-03-01")] // one month on is Sunday 28 February (month ends are clamped, then the weekend skipped)
    [InlineData("2027-06-24", "2027-09-02")] // one month on is in the summer holiday
    [InlineData("2026-11-10", "2026-12-10")]
    public void ManagementGroup_MeetsMonthly_OnASchoolDay(string since, string expected) =>
        ProgrammeDeadlines.NextGroupMeetingDue(DateOnly.Parse(since), England).Due.ShouldBe(DateOnly.Parse(expected));

    [Theory]
    [InlineData("2026-11-10", "Spring term 2027 (2026/27)", "Summer term 2027 (2026/27)")] // exit agreed in term: the next two terms
    [InlineData("2026-12-22", "Spring term 2027 (2026/27)", "Summer term 2027 (2026/27)")] // in the holiday: the next two terms
    [InlineData("2027-01-04", "Summer term 2027 (2026/27)", "Autumn term 2027 (2027/28)")] // on the first day of a term: it does not count
    public void MonitoringAfterExit_CoversTheTwoTermsThatStartAfterExit(string exit, string first, string second) =>
        ProgrammeDeadlines.MonitoringTerms(DateOnly.Parse(exit), England).Select(t => t.Title).ShouldBe([first, second]);

    [Fact]
    public void MonitoringAfterExit_WhenTheCalendarEnds_HasFewerTerms_AndTheVisitIsDueOnTheLastSchoolDayOfTheTerm()
    {
        ProgrammeDeadlines.MonitoringTerms(D(2028, 5, 1), England).ShouldBeEmpty();
        ProgrammeDeadlines.MonitoringTerms(D(2028, 2, 1), England).Count.ShouldBe(1);
        var spring = England.TermOn(D(2027, 2, 1))!;
        ProgrammeDeadlines.MonitoringVisitDue(spring, England).Due.ShouldBe(D(2027, 3, 25));
    }

    [Fact]
    public void Agenda_IsAlwaysASchoolDay_AtLeastAWeekBefore_WithNoSchoolDayBetween() =>
        Gen.Int[England.FirstDay!.Value.DayNumber + 40, England.LastDay!.Value.DayNumber].Select(DateOnly.FromDayNumber).Sample(meeting =>
        {
            var (due, _) = ProgrammeDeadlines.AgendaDue(meeting, England);
            var weekBefore = meeting.AddDays(-7);
            return due <= weekBefore && England.IsSchoolDay(due) && !Enumerable.Range(1, weekBefore.DayNumber - due.DayNumber).Any(i => England.IsSchoolDay(due.AddDays(i)));
        });

    [Fact]
    public void Minutes_AreAlwaysDueOnASchoolDay_AtLeastAWeekAfter_WithNoSchoolDayBetween() =>
        Gen.Int[England.FirstDay!.Value.DayNumber, England.LastDay!.Value.DayNumber - 60].Select(DateOnly.FromDayNumber).Sample(held =>
        {
            var (due, _) = ProgrammeDeadlines.MinutesDue(held, England);
            var weekAfter = held.AddDays(7);
            return due >= weekAfter && England.IsSchoolDay(due) && !Enumerable.Range(0, due.DayNumber - weekAfter.DayNumber).Any(i => England.IsSchoolDay(weekAfter.AddDays(i)));
        });

    [Fact]
    public void Deadlines_AreDueThenOverdue_AndMetOrMetLate()
    {
        var d = new Deadline("k", DeadlineKind.Agenda, "Agenda", D(2026, 11, 20), null, "rule", DeadlineOwner.CaseOfficer);
        d.StatusOn(D(2026, 11, 20)).ShouldBe(DeadlineStatus.Due);
        d.StatusOn(D(2026, 11, 21)).ShouldBe(DeadlineStatus.Overdue);
        (d with { MetOn = D(2026, 11, 20) }).StatusOn(D(2026, 12, 1)).ShouldBe(DeadlineStatus.Met);
        (d with { MetOn = D(2026, 11, 23) }).StatusOn(D(2026, 12, 1)).ShouldBe(DeadlineStatus.MetLate);
        var missed = d with { Lapsed = true };
        missed.StatusOn(D(2026, 12, 1)).ShouldBe(DeadlineStatus.Missed);
        missed.IsOpen.ShouldBeFalse();
        (d with { Lapsed = true, MetOn = D(2026, 11, 19) }).StatusOn(D(2026, 12, 1)).ShouldBe(DeadlineStatus.Met);
    }
}
