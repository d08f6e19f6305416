using System.Globalization;
using SchoolSight.Domain.Indicators;
using SchoolSight.Domain.Indicators.Computation;

namespace SchoolSight.Core.Indicators;

/// <summary>Registered schools with figures for a measure that its area figure does not count, by DfE school type.</summary>
public sealed record SchoolsNotCounted(string Type, int Schools);

/// <summary>
/// What an area's figure of one indicator is built from: the schools and pupils counted, and, when the DfE's own LA row
/// is imported, the pupils the DfE counted for the same measure and the DfE's figure. Below
/// <see cref="WarningBelow"/> percent of the DfE's pupils the figure is partial and says so (<see cref="Warning"/>).
/// </summary>
public sealed record AreaCoverage(
    string SchoolsCounted, int Schools, double? Pupils, double? PublishedPupils, decimal? PublishedValue, double WarningBelow,
    IReadOnlyList<SchoolsNotCounted> NotCounted)
{
    public static readonly AreaCoverage None = new("", 0, null, null, null, 0, []);

    /// <summary>The share of the DfE's pupils counted, as a percentage; null when the DfE's LA row is not imported.</summary>
    public double? PercentOfPublished => Pupils is { } p && PublishedPupils is > 0 ? 100 * p / PublishedPupils.Value : null;

    public bool Partial => PercentOfPublished is { } share && share < WarningBelow;

    /// <summary>"128 schools, 12,410 of 12,588 pupils (98.6%)", or without the DfE's count when it is not imported.</summary>
    public string Summary
    {
        get
        {
            var schools = Schools == 1 ? "1 school" : $"{Schools.ToString("N0", CultureInfo.InvariantCulture)} schools";
            if (Pupils is not { } pupils) return schools;
            var counted = Math.Round(pupils).ToString("N0", CultureInfo.InvariantCulture);
            return PercentOfPublished is { } share
                ? $"{schools}, {counted} of {Math.Round(PublishedPupils!.Value).ToString("N0", CultureInfo.InvariantCulture)} pupils ({share.ToString("0.0", CultureInfo.InvariantCulture)}%)"
                : $"{schools}, {counted} pupils";
        }
    }

    /// <summary>Which schools the figure counts and which it leaves out, in a sentence for pages and exports.</summary>
    public string Counted(string areaName)
    {
        var text = $"{areaName}'s figure counts {Summary}: {SchoolsCounted}.";
        if (NotCounted.Count > 0)
            text += $" Not counted: {string.Join(", ", NotCounted.Select(n => $"{n.Schools} {n.Type} school{(n.Schools == 1 ? "" : "s")}"))}.";
        return text;
    }

    public string? Warning => Partial
        ? $"Partial figure: it counts {PercentOfPublished!.Value.ToString("0.0", CultureInfo.InvariantCulture)}% of the pupils in the DfE's own figure for the LA (below {WarningBelow.ToString("0.#", CultureInfo.InvariantCulture)}%). Schools whose figures are not held are missing from it."
        : null;

    /// <summary>
    /// The coverage of <paramref name="indicator"/>'s figure for an area: <paramref name="area"/> is the area's tallies,
    /// <paramref name="schools"/> every registered school of the area with its DfE type and tallies, and
    /// <paramref name="published"/> the DfE's figures for the area (its LA row) when imported. A derived indicator (a group
    /// view or gap) has the coverage of the indicator it is derived from.
    /// </summary>
    public static AreaCoverage Of(IndicatorDefinition indicator, IndicatorCatalogue catalogue, IndicatorTallies? area,
        IEnumerable<(DfeSchoolType Type, IndicatorTallies? Tallies)> schools, IReadOnlyDictionary<string, decimal>? published, double warningBelow)
    {
        var counted = indicator.Kind is IndicatorKind.GroupView or IndicatorKind.Gap ? catalogue[indicator.BaseIndicator!] : indicator;
        var withFigures = schools.Where(s => s.Tallies is { } t && t.SlotOf(counted.Id) is var slot and >= 0 && !t[slot, PupilGroup.All].IsEmpty).ToList();
        var inFigure = withFigures.Count(s => counted.SchoolTypes.Counts(s.Type));
        var notCounted = withFigures.Where(s => !counted.SchoolTypes.Counts(s.Type)).GroupBy(s => s.Type)
            .OrderBy(g => g.Key).Select(g => new SchoolsNotCounted(g.Key.DisplayName(), g.Count())).ToList();
        double? pupils = null;
        if (counted.Kind != IndicatorKind.SchoolShare && area is not null && area.SlotOf(counted.Id) is var s and >= 0)
            pupils = area[s, PupilGroup.All].C;
        var publishedPupils = counted.Published is { } p && published is not null ? PublishedTallies.PupilsOf(p, published) : null;
        var publishedValue = counted.Published is { } q && published is not null && published.TryGetValue(q.Measure, out var v) ? v : (decimal?)null;
        return new AreaCoverage(counted.SchoolTypes.Describe(), inFigure, pupils, publishedPupils, indicator == counted ? publishedValue : null, warningBelow, notCounted);
    }
}
