using System.Globalization;
using System.Text.RegularExpressions;

namespace SchoolSight.Domain.Indicators;

/// <summary>Academic years are held as the calendar year they start in (2024 for 2024/25) and written "2024/25".</summary>
public static partial class AcademicYears
{
    public static string Display(int startYear) => $"{startYear}/{(startYear + 1) % 100:00}";

    /// <summary>Reads "2024/25", "2024-25", "2024/2025" or "202425"; null when the text is not an academic year.</summary>
    public static int? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var match = YearPattern().Match(text.Trim());
        if (!match.Success) return null;
        var start = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var end = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        var expectedEnd = start + 1;
        if (start is < 1990 or > 2100) return null;
        return end == expectedEnd || end == expectedEnd % 100 ? start : null;
    }

    [GeneratedRegex(@"^(\d{4})[/\-]?(\d{2}|\d{4})$")]
    private static partial Regex YearPattern();
}
