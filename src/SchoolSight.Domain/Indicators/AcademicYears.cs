namespace SchoolSight.Domain.Indicators;

/// <summary>Academic years as the indicators use them: held as the calendar year they start in (2024 for 2024/25).</summary>
public static class AcademicYears
{
    public static string Display(int startYear) => AcademicYear.Format(startYear);

    /// <summary>Reads "2024/25", "2024-25" or "2024/2025"; null when the text is not an academic year.</summary>
    public static int? Parse(string? text) => AcademicYear.TryParse(text, out var start, out _) ? start : null;
}
