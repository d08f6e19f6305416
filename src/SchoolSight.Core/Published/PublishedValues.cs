using System.Globalization;

namespace SchoolSight.Core.Published;

/// <summary>
/// Reads one published value: a number (percentages with or without "%"), one of the DfE's markers (kept as the
/// marker, not as an error), or blank (no figure). Anything else is a problem to report with its line and column.
/// </summary>
public static class PublishedValues
{
    /// <summary>
    /// The markers the DfE and its Explore Education Statistics service publish in place of a number, with what they
    /// mean. Matched without regard to case and kept as written here.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Markers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["SUPP"] = "suppressed: too few pupils to publish",
        ["NE"] = "no pupils entered",
        ["NP"] = "not published (e.g. independent schools' disadvantaged pupils)",
        ["NA"] = "not applicable",
        ["NEW"] = "new school: no figure yet",
        ["LOW"] = "low coverage",
        ["LOWCOV"] = "low coverage: too few pupils with a prior attainment score",
        ["DNS"] = "the school did not submit data",
        ["x"] = "not available",
        ["z"] = "not applicable",
        ["c"] = "confidential",
        ["u"] = "low reliability",
        ["k"] = "rounds to zero, but is not zero",
        [":"] = "not available",
        [".."] = "not available",
    };

    private static readonly Dictionary<string, string> Canonical =
        Markers.Keys.ToDictionary(k => k, k => k, StringComparer.OrdinalIgnoreCase);

    public readonly record struct Reading(decimal? Value, string? Marker, string? Problem)
    {
        public bool IsBlank => Value is null && Marker is null && Problem is null;
    }

    public static Reading Read(string raw, PublishedMeasure measure)
    {
        var text = raw.Trim();
        if (text.Length == 0) return default;
        if (Canonical.TryGetValue(text, out var marker)) return new(null, marker, null);

        var percentSign = text.EndsWith('%');
        var number = percentSign ? text[..^1].TrimEnd() : text;
        if (!decimal.TryParse(number, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            return new(null, null, $"'{Show(text)}' is not a number or one of the DfE's markers ({string.Join(", ", Markers.Keys.Take(8))}…)");
        if (percentSign && measure.Unit != PublishedUnit.Percentage)
            return new(null, null, $"'{Show(text)}' is a percentage, but this column holds {UnitWords(measure.Unit)}");

        switch (measure.Unit)
        {
            case PublishedUnit.Count when measure.Halves && (value < 0 || value * 2 != decimal.Truncate(value * 2)):
                return new(null, null, $"'{Show(text)}' is not a number of pupils: this count is a whole number or a half, 0 or more");
            case PublishedUnit.Count when !measure.Halves && (value < 0 || value != decimal.Truncate(value)):
                return new(null, null, $"'{Show(text)}' is not a number of pupils: a count is a whole number, 0 or more");
            case PublishedUnit.Percentage when value is < 0 or > 100:
                return new(null, null, $"'{Show(text)}' is not a percentage: a percentage is from 0 to 100");
            case PublishedUnit.Score or PublishedUnit.Progress when value < measure.Low || value > measure.High:
                return new(null, null, $"'{Show(text)}' is outside the range of this measure ({measure.Low:0.##} to {measure.High:0.##})");
        }
        return new(value, null, null);
    }

    private static string UnitWords(PublishedUnit unit) => unit switch
    {
        PublishedUnit.Count => "a number of pupils",
        PublishedUnit.Percentage => "a percentage",
        PublishedUnit.Score => "an average score",
        PublishedUnit.Progress => "a progress score",
    };

    internal static string Show(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
