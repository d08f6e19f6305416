using SchoolSight.Domain.Indicators;
using SchoolSight.Domain.Published;

namespace SchoolSight.Core.Published;

/// <summary>
/// An area's figure computed from its schools' published figures. <see cref="Value"/> is the cohort-weighted mean of
/// the schools with a value (a sum for counts). <see cref="UnknownCohort"/> is the cohort of schools whose value the DfE
/// did not publish (SUPP, NE…): their pupils count in the DfE's own area figure but not in <see cref="Value"/>, which
/// is why <see cref="Bounds"/> gives the range the area's true figure can be in.
/// </summary>
public sealed record AreaAggregate(decimal? Value, decimal Cohort, decimal UnknownCohort, int Schools, int SchoolsWithoutValue)
{
    /// <summary>Σ cohort² over the schools with a value: how much a few large schools dominate the mean.</summary>
    public decimal CohortSquares { get; init; }

    /// <summary>
    /// Half a unit of the precision the schools' values are published to, taken from the most decimal places any of them
    /// has (a column rounded to one decimal writes -3.0 as "-3"): 0.5 for whole percentages, 0.05 for progress scores.
    /// </summary>
    public decimal SchoolRoundingHalfUnit { get; init; }

    /// <summary>
    /// How far rounding each school's published value can move <see cref="Value"/>, as four standard deviations: each
    /// school's rounding error is uniform within ± its half unit and independent of the others', so the weighted mean's
    /// error has standard deviation (2 × half unit / √12) × √Σcohort² / Σcohort.
    /// </summary>
    public decimal RoundingSpread => Cohort <= 0 ? 0
        : 4m * (2m * SchoolRoundingHalfUnit / (decimal)Math.Sqrt(12)) * (decimal)Math.Sqrt((double)CohortSquares) / Cohort;

    /// <summary>Σ value × cohort over the schools with a value.</summary>
    public decimal WeightedSum => (Value ?? 0) * Cohort;

    /// <summary>
    /// The lowest and highest the area's figure can be, given that each pupil not in <see cref="Value"/> has a value
    /// between <paramref name="min"/> and <paramref name="max"/>. <paramref name="publishedCohort"/>, the area's own
    /// cohort as the DfE publishes it, accounts for pupils the school rows do not show (more pupils: unknown values;
    /// fewer: some counted pupils are not in the area's figure, with unknown values).
    /// </summary>
    public (decimal Low, decimal High) Bounds(decimal min, decimal max, decimal? publishedCohort = null)
    {
        if (Value is null && UnknownCohort == 0 && publishedCohort is null) return (min, max);
        var known = Cohort + UnknownCohort;
        var unknown = UnknownCohort + Math.Max(0, (publishedCohort ?? known) - known);
        var excess = Math.Max(0, known - (publishedCohort ?? known));
        var total = Cohort + unknown - excess;
        if (total <= 0) return (min, max);
        var low = (WeightedSum + min * unknown - max * excess) / total;
        var high = (WeightedSum + max * unknown - min * excess) / total;
        return (Math.Max(min, low), Math.Min(max, high));
    }
}

/// <summary>
/// Aggregates school-level published figures to an area the way the DfE does (seed 003's "faithful numbers"): a
/// percentage as Σ(percentage × cohort) / Σ cohort, and an average score or progress score the same way, each
/// weighted by the file's own cohort column for that measure (<see cref="PublishedMeasure.Cohort"/>, times its
/// <see cref="PublishedMeasure.Coverage"/> where progress covers only part of the cohort); counts are added up.
/// </summary>
public static class PublishedAggregation
{
    /// <summary>One school's figures, by DfE column, with null for a figure that is blank or a marker.</summary>
    public delegate decimal? SchoolColumn(string column);

    public static AreaAggregate Aggregate(PublishedMeasure measure, IEnumerable<SchoolColumn> schools)
    {
        decimal sum = 0, cohort = 0, unknown = 0, squares = 0, halfUnit = 0.5m;
        int count = 0, without = 0;
        foreach (var school in schools)
        {
            count++;
            var value = school(measure.Column);
            if (measure.Unit == PublishedUnit.Count)
            {
                if (value is { } n) sum += n;
                else without++;
                continue;
            }
            var weight = CohortOf(measure, school);
            if (value is { } v && weight is { } w)
            {
                sum += v * w;
                cohort += w;
                squares += w * w;
                halfUnit = Math.Min(halfUnit, HalfUnit(v));
            }
            else
            {
                without++;
                unknown += weight ?? (measure.Cohort is { } c ? school(c) ?? 0 : 0);
            }
        }
        if (measure.Unit == PublishedUnit.Count) return new AreaAggregate(count > without ? sum : null, 0, 0, count, without);
        return new AreaAggregate(cohort > 0 ? sum / cohort : null, cohort, unknown, count, without)
        {
            CohortSquares = squares,
            SchoolRoundingHalfUnit = halfUnit,
        };
    }

    /// <summary>Half a unit in the last decimal place a published value is given to: 0.5 for 68, 0.05 for -0.4.</summary>
    public static decimal HalfUnit(decimal value) => 0.5m / Pow10(value.Scale);

    private static decimal Pow10(int n)
    {
        var p = 1m;
        for (var i = 0; i < n; i++) p *= 10;
        return p;
    }

    /// <summary>
    /// Aggregates stored or just-read figures of one source and year: <paramref name="figures"/> are the schools' figures
    /// (any measures; grouped by school), <paramref name="schools"/> the URNs making up the area.
    /// </summary>
    public static AreaAggregate Aggregate(PublishedSource source, PublishedMeasure measure,
        IEnumerable<(AreaKind AreaKind, string AreaCode, string Measure, decimal? Value)> figures, IEnumerable<string> schools)
    {
        var bySchool = BySchool(source, figures);
        return Aggregate(measure, schools.Select(urn => bySchool.GetValueOrDefault(urn) ?? NoFigures));
    }

    /// <summary>Each school's figures of one source as a <see cref="SchoolColumn"/>, by URN: build once, aggregate many areas.</summary>
    public static IReadOnlyDictionary<string, SchoolColumn> BySchool(PublishedSource source,
        IEnumerable<(AreaKind AreaKind, string AreaCode, string Measure, decimal? Value)> figures)
    {
        var prefix = PublishedMeasures.Prefix(source) + ".";
        return figures.Where(f => f.AreaKind == AreaKind.School && f.Measure.StartsWith(prefix, StringComparison.Ordinal))
            .GroupBy(f => f.AreaCode)
            .ToDictionary(g => g.Key, g =>
            {
                var values = g.ToDictionary(f => f.Measure[prefix.Length..], f => f.Value, StringComparer.OrdinalIgnoreCase);
                return new SchoolColumn(column => values.TryGetValue(column, out var v) ? v : null);
            });
    }

    private static readonly SchoolColumn NoFigures = _ => null;

    /// <summary>The pupils a school's figure of this measure is about: its cohort column, times coverage for progress.</summary>
    public static decimal? CohortOf(PublishedMeasure measure, SchoolColumn school)
    {
        if (measure.Cohort is null) return null;
        var cohort = school(measure.Cohort);
        if (cohort is null || measure.Coverage is null) return cohort;
        return school(measure.Coverage) is { } coverage ? cohort * coverage / 100m : null;
    }
}
