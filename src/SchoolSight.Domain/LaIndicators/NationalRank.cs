namespace SchoolSight.Domain.LaIndicators;

/// <summary>
/// An LA's place among all LAs in England on one measure and year: rank 1 is the best (the highest figure when higher
/// is better, the lowest when lower is better); LAs with the same figure share the better rank (one plus the number
/// of LAs strictly better). Quartile 1 is the best quarter: a rank in the first quarter of the LAs ranked (rank × 4 ≤
/// LAs), quartile 2 the second (rank × 2 ≤ LAs), quartile 3 the third (rank × 4 ≤ 3 × LAs), else 4.
/// </summary>
public sealed record NationalRank(int Rank, int Of)
{
    public int Quartile => Rank * 4 <= Of ? 1 : Rank * 2 <= Of ? 2 : Rank * 4 <= 3 * Of ? 3 : 4;

    public bool InTopQuartile => Quartile == 1;

    public string QuartileText => Quartile switch
    {
        1 => "top quartile",
        2 => "second quartile",
        3 => "third quartile",
        _ => "bottom quartile",
    };

    public string Describe() => $"{Rank} of {Of} LAs in England ({QuartileText})";

    /// <summary>The rank of <paramref name="value"/> among <paramref name="allLas"/> (every LA's figure, the LA's own among them); null when the measure is not ranked.</summary>
    public static NationalRank? Among(decimal value, IReadOnlyCollection<decimal> allLas, Polarity polarity)
    {
        if (polarity == Polarity.NoDirection || allLas.Count == 0) return null;
        var better = polarity == Polarity.HigherIsBetter ? allLas.Count(v => v > value) : allLas.Count(v => v < value);
        return new NationalRank(better + 1, allLas.Count);
    }
}
