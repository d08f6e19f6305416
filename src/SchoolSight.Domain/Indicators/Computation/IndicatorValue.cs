namespace SchoolSight.Domain.Indicators.Computation;

/// <summary>
/// A figure as users see it: the value (a percentage, percentage points or a score), the count behind it, and its 95%
/// confidence interval where one can be given (Wilson's interval for a proportion; the normal interval for an average;
/// for a rate, the proportion's interval over the pupils counted, which is the wider of the two).
/// </summary>
public sealed record IndicatorValue(double Value, double Numerator, double Denominator, double Pupils, double? Lower, double? Upper)
{
    private const double Z = 1.959964;

    /// <summary>The standard error implied by the interval, for comparing two figures; null when there is no interval.</summary>
    public double? StandardError => Lower is { } l && Upper is { } u ? (u - l) / (2 * Z) : null;

    /// <summary>Whether <paramref name="benchmark"/> lies outside this figure's interval; null when there is no interval.</summary>
    public bool? DiffersSignificantlyFrom(double benchmark) =>
        Lower is { } l && Upper is { } u ? benchmark < l || benchmark > u : null;

    public static IndicatorValue? From(IndicatorDefinition indicator, Tally tally, int[]? histogram = null, PupilGroup group = PupilGroup.All)
    {
        if (tally.IsEmpty) return null;
        switch (indicator.Kind)
        {
            case IndicatorKind.Proportion or IndicatorKind.Perception or IndicatorKind.SchoolShare:
                return Proportion(tally);
            case IndicatorKind.Rate:
                {
                    var p = tally.N / tally.D;
                    var (l, u) = tally.C > 0 ? Wilson(p * tally.C, tally.C) : (double.NaN, double.NaN);
                    return new IndicatorValue(100 * p, tally.N, tally.D, tally.C, tally.C > 0 ? 100 * l : null, tally.C > 0 ? 100 * u : null);
                }
            case IndicatorKind.Mean:
                return Mean(tally);
            case IndicatorKind.Lowest20Gap:
                return histogram is null ? null : Lowest20(histogram, group, tally);
            default:
                return null;
        }
    }

    /// <summary>A percentage of <see cref="Tally.N"/> out of <see cref="Tally.D"/> with Wilson's interval; null when there is no denominator.</summary>
    public static IndicatorValue? Proportion(Tally tally)
    {
        if (tally.IsEmpty) return null;
        var (l, u) = Wilson(tally.N, tally.D);
        return new IndicatorValue(100 * tally.N / tally.D, tally.N, tally.D, tally.C, 100 * l, 100 * u);
    }

    /// <summary>An average (<see cref="Tally.N"/> summed over <see cref="Tally.D"/>) with the normal interval when the sum of squares is known.</summary>
    public static IndicatorValue? Mean(Tally tally)
    {
        if (tally.IsEmpty) return null;
        var mean = tally.N / tally.D;
        if (double.IsNaN(tally.Q) || tally.D < 2) return new IndicatorValue(mean, tally.N, tally.D, tally.C, null, null);
        var variance = Math.Max(0, (tally.Q - tally.N * tally.N / tally.D) / (tally.D - 1));
        var se = Math.Sqrt(variance / tally.D);
        return new IndicatorValue(mean, tally.N, tally.D, tally.C, mean - Z * se, mean + Z * se);
    }

    /// <summary>Wilson's score interval for a proportion of <paramref name="n"/> out of <paramref name="d"/>.</summary>
    public static (double Lower, double Upper) Wilson(double n, double d)
    {
        if (d <= 0) return (double.NaN, double.NaN);
        var p = n / d;
        var z2 = Z * Z;
        var centre = (p + z2 / (2 * d)) / (1 + z2 / d);
        var half = Z * Math.Sqrt(p * (1 - p) / d + z2 / (4 * d * d)) / (1 + z2 / d);
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }

    /// <summary>(median − mean of the lowest 20%) / median, in percent, from a histogram of whole-number scores.</summary>
    private static IndicatorValue? Lowest20(int[] histogram, PupilGroup group, Tally tally)
    {
        var bins = histogram.AsSpan((int)group * IndicatorTallies.HistogramBins, IndicatorTallies.HistogramBins);
        long total = 0;
        foreach (var c in bins) total += c;
        if (total == 0) return null;
        double median = 0;
        long seen = 0;
        for (var k = 0; k < bins.Length; k++)
        {
            seen += bins[k];
            if (seen * 2 >= total) { median = k; break; }
        }
        var lowestCount = Math.Max(1, total / 5.0);
        double taken = 0, sum = 0;
        for (var k = 0; k < bins.Length && taken < lowestCount; k++)
        {
            var take = Math.Min(bins[k], lowestCount - taken);
            sum += take * k;
            taken += take;
        }
        if (median <= 0) return null;
        var gap = 100 * (median - sum / taken) / median;
        return new IndicatorValue(gap, gap * total, total, tally.C, null, null);
    }
}
