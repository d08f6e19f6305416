namespace SchoolSight.Domain.Calendar;

/// <summary>The three school terms of an English academic year.</summary>
public enum TermName
{
    Autumn,
    Spring,
    Summer,
}

/// <summary>
/// One term of the LA's school calendar: its first and last days and its half-term holiday. Days between terms and
/// the half-term week are school holidays. Edited by an LA administrator on the calendar page.
/// </summary>
public sealed class SchoolTerm : VersionedEntity
{
    private SchoolTerm() { }

    public SchoolTerm(int academicYear, TermName name, DateOnly starts, DateOnly halfTermStarts, DateOnly halfTermEnds, DateOnly ends)
    {
        AcademicYear = academicYear;
        Name = name;
        ChangeDates(starts, halfTermStarts, halfTermEnds, ends);
    }

    public int Id { get; private set; }

    /// <summary>The calendar year the academic year starts in: 2026 for 2026/27.</summary>
    public int AcademicYear { get; private set; }
    public TermName Name { get; private set; }
    public DateOnly Starts { get; private set; }
    public DateOnly HalfTermStarts { get; private set; }
    public DateOnly HalfTermEnds { get; private set; }
    public DateOnly Ends { get; private set; }

    public string Title => TermTitle(AcademicYear, Name);

    public static string TermTitle(int academicYear, TermName name) =>
        $"{name} term {(name == TermName.Autumn ? academicYear : academicYear + 1)} ({AcademicYearTitle(academicYear)})";

    public static string AcademicYearTitle(int academicYear) => $"{academicYear}/{(academicYear + 1) % 100:00}";

    public void ChangeDates(DateOnly starts, DateOnly halfTermStarts, DateOnly halfTermEnds, DateOnly ends)
    {
        var error = CheckDates(AcademicYear, Name, starts, halfTermStarts, halfTermEnds, ends);
        if (error is not null) throw new DomainException(error);
        Starts = starts;
        HalfTermStarts = halfTermStarts;
        HalfTermEnds = halfTermEnds;
        Ends = ends;
    }

    /// <summary>The dates must run in order and the term must lie in its academic year (1 August to 31 July).</summary>
    public static DomainError? CheckDates(int academicYear, TermName name, DateOnly starts, DateOnly halfTermStarts, DateOnly halfTermEnds, DateOnly ends)
    {
        if (halfTermStarts <= starts) return CalendarErrors.HalfTermBeforeStart;
        if (halfTermEnds < halfTermStarts) return CalendarErrors.HalfTermEndsBeforeItStarts;
        if (ends <= halfTermEnds) return CalendarErrors.EndBeforeHalfTerm;
        var yearStart = new DateOnly(academicYear, 8, 1);
        var yearEnd = new DateOnly(academicYear + 1, 7, 31);
        if (starts < yearStart || ends > yearEnd) return CalendarErrors.OutsideAcademicYear(academicYear, name);
        return null;
    }

    /// <summary>A school day of this term: a weekday from the first to the last day, outside the half-term holiday.</summary>
    public bool IsSchoolDay(DateOnly day) =>
        day >= Starts && day <= Ends && !(day >= HalfTermStarts && day <= HalfTermEnds) &&
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    public bool Contains(DateOnly day) => day >= Starts && day <= Ends;
}

public static class CalendarErrors
{
    public static DomainError HalfTermBeforeStart =>
        new("calendar.half-term-before-start", "The half-term holiday must start after the first day of term.", "HalfTermStarts");

    public static DomainError HalfTermEndsBeforeItStarts =>
        new("calendar.half-term-order", "The last day of the half-term holiday must be the same as or after its first day.", "HalfTermEnds");

    public static DomainError EndBeforeHalfTerm =>
        new("calendar.end-before-half-term", "The last day of term must be after the half-term holiday.", "Ends");

    public static DomainError OutsideAcademicYear(int academicYear, TermName name) =>
        new("calendar.outside-year", $"The {name.ToString().ToLowerInvariant()} term of {SchoolTerm.AcademicYearTitle(academicYear)} must fall between 1 August {academicYear} and 31 July {academicYear + 1}.", "Starts");

    public static DomainError Overlaps(string other) =>
        new("calendar.overlap", $"These dates overlap the {other}.", "Starts");

    public static DomainError OutOfOrder(string other) =>
        new("calendar.order", $"The terms of a year must run autumn, spring, summer: these dates are out of order with the {other}.", "Starts");
}
