namespace SchoolSight.Domain.Calendar;

/// <summary>
/// The LA's term dates as one read-only calendar: which days are school days, which term a day is in, and how
/// deadlines move when they fall on a weekend or a holiday (docs/decisions/0006). Built from the stored terms.
/// </summary>
public sealed class TermCalendar
{
    private readonly List<TermDates> _terms;

    public TermCalendar(IEnumerable<TermDates> terms)
    {
        _terms = terms.OrderBy(t => t.Starts).ToList();
        for (var i = 1; i < _terms.Count; i++)
            if (_terms[i].Starts <= _terms[i - 1].Ends)
                throw new ArgumentException($"The {_terms[i].Title} overlaps the {_terms[i - 1].Title}.", nameof(terms));
    }

    public static TermCalendar From(IEnumerable<SchoolTerm> terms) =>
        new(terms.Select(t => new TermDates(t.AcademicYear, t.Name, t.Starts, t.HalfTermStarts, t.HalfTermEnds, t.Ends)));

    public IReadOnlyList<TermDates> Terms => _terms;

    public DateOnly? FirstDay => _terms.Count == 0 ? null : _terms[0].Starts;
    public DateOnly? LastDay => _terms.Count == 0 ? null : _terms[^1].Ends;

    /// <summary>Whether the calendar has terms up to and including <paramref name="day"/>.</summary>
    public bool Covers(DateOnly day) => _terms.Count > 0 && day >= _terms[0].Starts && day <= _terms[^1].Ends;

    /// <summary>The term whose first-to-last-day span holds <paramref name="day"/> (half-term included); null in a holiday between terms.</summary>
    public TermDates? TermOn(DateOnly day) => _terms.FirstOrDefault(t => t.Contains(day));

    /// <summary>The term holding the day, or the next term to start when the day is in a holiday between terms.</summary>
    public TermDates? TermOnOrAfter(DateOnly day) => _terms.FirstOrDefault(t => t.Ends >= day);

    /// <summary>The first term that starts after <paramref name="day"/>.</summary>
    public TermDates? TermStartingAfter(DateOnly day) => _terms.FirstOrDefault(t => t.Starts > day);

    public bool IsSchoolDay(DateOnly day) => _terms.Any(t => t.IsSchoolDay(day));

    /// <summary>The day itself when it is a school day, else the next school day (null beyond the calendar).</summary>
    public DateOnly? SchoolDayOnOrAfter(DateOnly day)
    {
        if (!Covers(day) && (LastDay is null || day > LastDay)) return null;
        for (var d = day; LastDay is { } last && d <= last; d = d.AddDays(1))
            if (IsSchoolDay(d)) return d;
        return null;
    }

    /// <summary>The day itself when it is a school day, else the last school day before it (null before the calendar).</summary>
    public DateOnly? SchoolDayOnOrBefore(DateOnly day)
    {
        if (FirstDay is not { } first || day < first) return null;
        for (var d = day; d >= first; d = d.AddDays(-1))
            if (IsSchoolDay(d)) return d;
        return null;
    }

    /// <summary>The terms that have ended on or before <paramref name="day"/>, starting from the term holding (or next after) <paramref name="from"/>.</summary>
    public IReadOnlyList<TermDates> TermsEndedBetween(DateOnly from, DateOnly day) =>
        _terms.Where(t => t.Ends >= from && t.Ends < day).ToList();

    /// <summary>The term holding <paramref name="from"/> (or the next one) and the terms after it, <paramref name="count"/> in all.</summary>
    public IReadOnlyList<TermDates> TermsFrom(DateOnly from, int count) =>
        _terms.Where(t => t.Ends >= from).Take(count).ToList();
}

/// <summary>A term's dates as the deadline rules see them.</summary>
public sealed record TermDates(int AcademicYear, TermName Name, DateOnly Starts, DateOnly HalfTermStarts, DateOnly HalfTermEnds, DateOnly Ends)
{
    public string Title => SchoolTerm.TermTitle(AcademicYear, Name);

    public bool Contains(DateOnly day) => day >= Starts && day <= Ends;

    public bool IsSchoolDay(DateOnly day) =>
        Contains(day) && !(day >= HalfTermStarts && day <= HalfTermEnds) && day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
}
