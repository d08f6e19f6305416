namespace SchoolSight.Domain.Calendar;

/// <summary>
/// The default calendar for an LA in England: typical term and half-term dates for 2025/26, 2026/27 and 2027/28
/// (autumn from early September to just before Christmas, spring from early January to Easter, summer from after
/// Easter to late July, each with a one-week half-term). An LA replaces them with its own on the calendar page.
/// </summary>
public static class EnglandTermDates
{
    public static IReadOnlyList<TermDates> Default { get; } =
    [
        new(2025, TermName.Autumn, D(2025, 9, 3), D(2025, 10, 27), D(2025, 10, 31), D(2025, 12, 19)),
        new(2025, TermName.Spring, D(2026, 1, 5), D(2026, 2, 16), D(2026, 2, 20), D(2026, 3, 27)),
        new(2025, TermName.Summer, D(2026, 4, 13), D(2026, 5, 25), D(2026, 5, 29), D(2026, 7, 22)),
        new(2026, TermName.Autumn, D(2026, 9, 3), D(2026, 10, 26), D(2026, 10, 30), D(2026, 12, 18)),
        new(2026, TermName.Spring, D(2027, 1, 4), D(2027, 2, 15), D(2027, 2, 19), D(2027, 3, 25)),
        new(2026, TermName.Summer, D(2027, 4, 12), D(2027, 5, 31), D(2027, 6, 4), D(2027, 7, 21)),
        new(2027, TermName.Autumn, D(2027, 9, 2), D(2027, 10, 25), D(2027, 10, 29), D(2027, 12, 17)),
        new(2027, TermName.Spring, D(2028, 1, 4), D(2028, 2, 14), D(2028, 2, 18), D(2028, 4, 7)),
        new(2027, TermName.Summer, D(2028, 4, 24), D(2028, 5, 29), D(2028, 6, 2), D(2028, 7, 21)),
    ];

    public static TermCalendar Calendar { get; } = new(Default);

    private static DateOnly D(int y, int m, int d) => new(y, m, d);
}
