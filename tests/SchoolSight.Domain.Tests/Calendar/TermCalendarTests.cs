using CsCheck;
using SchoolSight.Domain.Calendar;

namespace SchoolSight.Domain.Tests.Calendar;

public sealed class TermCalendarTests
{
    private static readonly TermCalendar England = EnglandTermDates.Calendar;
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Theory]
    [InlineData(2026, 9, 3, true)]    // first day of autumn 2026 (Thursday)
    [InlineData(2026, 9, 5, false)]   // Saturday
    [InlineData(2026, 10, 28, false)] // autumn half-term
    [InlineData(2026, 11, 2, true)]   // back after half-term
    [InlineData(2026, 12, 18, true)]  // last day of autumn term
    [InlineData(2026, 12, 21, false)] // Christmas holiday
    [InlineData(2027, 1, 4, true)]    // first day of spring
    [InlineData(2027, 4, 1, false)]   // Easter holiday
    [InlineData(2027, 8, 10, false)]  // summer holiday
    public void SchoolDays_AreWeekdaysInTermOutsideHalfTerm(int y, int m, int d, bool expected) =>
        England.IsSchoolDay(D(y, m, d)).ShouldBe(expected);

    [Fact]
    public void TheDefaultCalendar_HasThreeTermsAYear_InOrder_ForTheCurrentAndNextAcademicYears()
    {
        England.Terms.Count.ShouldBe(9);
        England.Terms.GroupBy(t => t.AcademicYear).ShouldAllBe(g => g.Select(t => t.Name).SequenceEqual(new[] { TermName.Autumn, TermName.Spring, TermName.Summer }));
        England.TermOn(D(2026, 11, 23))!.Title.ShouldBe("Autumn term 2026 (2026/27)");
        England.TermOn(D(2026, 12, 25)).ShouldBeNull();
        England.TermOnOrAfter(D(2026, 12, 25))!.Title.ShouldBe("Spring term 2027 (2026/27)");
        foreach (var t in England.Terms)
            SchoolTerm.CheckDates(t.AcademicYear, t.Name, t.Starts, t.HalfTermStarts, t.HalfTermEnds, t.Ends).ShouldBeNull();
    }

    [Fact]
    public void SchoolDayOnOrAfter_AndBefore_StepOverWeekendsAndHolidays()
    {
        England.SchoolDayOnOrAfter(D(2026, 12, 19)).ShouldBe(D(2027, 1, 4));
        England.SchoolDayOnOrBefore(D(2027, 1, 3)).ShouldBe(D(2026, 12, 18));
        England.SchoolDayOnOrAfter(D(2026, 10, 24)).ShouldBe(D(2026, 11, 2));
        England.SchoolDayOnOrBefore(D(2026, 11, 1)).ShouldBe(D(2026, 10, 23));
        England.SchoolDayOnOrAfter(D(2028, 8, 1)).ShouldBeNull();
        England.SchoolDayOnOrBefore(D(2025, 8, 1)).ShouldBeNull();
    }

    [Fact]
    public void TermDates_OutOfOrder_AreRefusedWithTheReason()
    {
        SchoolTerm.CheckDates(2026, TermName.Autumn, D(2026, 9, 3), D(2026, 9, 1), D(2026, 9, 5), D(2026, 12, 18))!.Field.ShouldBe("HalfTermStarts");
        SchoolTerm.CheckDates(2026, TermName.Autumn, D(2026, 9, 3), D(2026, 10, 26), D(2026, 10, 20), D(2026, 12, 18))!.Field.ShouldBe("HalfTermEnds");
        SchoolTerm.CheckDates(2026, TermName.Autumn, D(2026, 9, 3), D(2026, 10, 26), D(2026, 10, 30), D(2026, 10, 29))!.Field.ShouldBe("Ends");
        SchoolTerm.CheckDates(2026, TermName.Summer, D(2027, 4, 12), D(2027, 5, 31), D(2027, 6, 4), D(2027, 8, 20))!.Message
            .ShouldBe("The summer term of 2026/27 must fall between 1 August 2026 and 31 July 2027.");
        Should.Throw<ArgumentException>(() => new TermCalendar([EnglandTermDates.Default[0], EnglandTermDates.Default[0] with { Name = TermName.Spring }]));
    }

    [Fact]
    public void EverySchoolDay_IsAWeekday_InATerm_OutsideItsHalfTerm() =>
        Gen.Int[0, England.LastDay!.Value.DayNumber - England.FirstDay!.Value.DayNumber].Select(i => England.FirstDay!.Value.AddDays(i)).Sample(day =>
        {
            var term = England.TermOn(day);
            var expected = term is not null && day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !(day >= term.HalfTermStarts && day <= term.HalfTermEnds);
            return England.IsSchoolDay(day) == expected;
        });
}
