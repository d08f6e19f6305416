namespace SchoolSight.Domain.Indicators.Computation;

public enum TrendDirection { Improving, Declining, NoSignificantChange, NotEnoughYears }

/// <summary>How a figure has moved over (up to) three years, as the data pages and the categorisation rules both judge it.</summary>
public static class Trends
{
    private const double Z = 1.959964;

    /// <summary>Latest against earliest known value: significant when the difference exceeds both intervals combined.</summary>
    public static TrendDirection Direction(Polarity polarity, IReadOnlyList<IndicatorValue?> values)
    {
        var known = values.Where(v => v is not null).Select(v => v!).ToList();
        if (known.Count < 2) return TrendDirection.NotEnoughYears;
        var (first, last) = (known[0], known[^1]);
        var se = first.StandardError is { } a && last.StandardError is { } b ? Math.Sqrt(a * a + b * b) : (double?)null;
        if (se is null || Math.Abs(last.Value - first.Value) <= Z * se) return TrendDirection.NoSignificantChange;
        return (last.Value > first.Value) == (polarity == Polarity.HigherIsBetter) ? TrendDirection.Improving : TrendDirection.Declining;
    }
}
