using System.Globalization;
using System.Text.RegularExpressions;

namespace SchoolSight.Domain;

/// <summary>
/// An academic year as people write it ("2018/19") and as SchoolSight stores it: the calendar year it starts in
/// (2018). Published files do not say which year they are about, so the person importing one gives it.
/// </summary>
public static partial class AcademicYear
{
    public const int Earliest = 1990;
    public const int Latest = 2100;

    /// <summary>"2018/19" for 2018.</summary>
    public static string Format(int startYear) => $"{startYear}/{(startYear + 1) % 100:00}";

    /// <summary>
    /// Reads "2018/19", "2018-19" or "2018/2019" (the second year must follow the first). Anything else is refused
    /// with a message saying what is expected.
    /// </summary>
    public static bool TryParse(string? text, out int startYear, out string error)
    {
        startYear = 0;
        var value = (text ?? "").Trim();
        if (value.Length == 0)
        {
            error = "Enter the academic year the file is about, like 2018/19";
            return false;
        }
        var match = YearPattern().Match(value);
        if (!match.Success)
        {
            error = $"'{Shorten(value)}' is not an academic year: write it like 2018/19";
            return false;
        }
        var first = int.Parse(match.Groups["first"].Value, CultureInfo.InvariantCulture);
        var second = match.Groups["second"].Value;
        var expected = second.Length == 2 ? (first + 1) % 100 : first + 1;
        if (int.Parse(second, CultureInfo.InvariantCulture) != expected)
        {
            error = $"'{value}' is not an academic year: the second year must follow the first, like {Format(first)}";
            return false;
        }
        if (first is < Earliest or > Latest)
        {
            error = $"{Format(first)} is outside the years SchoolSight holds ({Format(Earliest)} to {Format(Latest)})";
            return false;
        }
        startYear = first;
        error = "";
        return true;
    }

    private static string Shorten(string value) => value.Length <= 20 ? value : value[..20] + "…";

    [GeneratedRegex(@"^(?<first>\d{4})\s*[/-]\s*(?<second>\d{2}|\d{4})$")]
    private static partial Regex YearPattern();
}
