namespace SchoolSight.Domain.QualityStandards;

/// <summary>One LA's schools and how many of them are in an Ofsted category of concern, from Ofsted's national outcomes.</summary>
public sealed record LaOfstedCount(int LaCode, string LaName, int Schools, int InCategory)
{
    public decimal Share => Schools == 0 ? 0 : Math.Round(InCategory * 100m / Schools, 2);
}

/// <summary>Where one LA stands: its rank (1 = the highest share of schools in a category), among how many, and its percentile from the top.</summary>
public sealed record LaOfstedPosition(LaOfstedCount La, int Rank, int Of)
{
    /// <summary>The rank as a percentage of the LAs from the top: 1 of 154 is 0.65; the top quartile is 25 or less.</summary>
    public decimal PercentileFromTop => Math.Round(Rank * 100m / Of, 2);

    public bool InTopDecile => Rank * 10 <= Of;
    public bool InTopQuartile => Rank * 4 <= Of;

    public string Describe() => La.InCategory == 0
        ? $"{La.LaName}: no schools in an Ofsted category ({La.Schools} schools); ranked {Rank} of {Of} LAs by the share of schools in a category"
        : $"{La.LaName}: {La.InCategory} of {La.Schools} schools ({La.Share:0.##}%) in an Ofsted category; ranked {Rank} of {Of} LAs by that share{(InTopDecile ? ", in the top decile nationally" : InTopQuartile ? ", in the top quartile nationally" : "")}";
}

/// <summary>
/// Ranks every LA in England by the share of its schools in an Ofsted category of concern (special measures, serious
/// weaknesses, significant improvement as Ofsted states them): rank 1 has the highest share; LAs with the same share
/// share the better rank (one plus the number of LAs with a strictly higher share). By share rather than number, so
/// a large LA is not ranked high for its size.
/// </summary>
public static class OfstedCategoryRanking
{
    public static LaOfstedPosition? PositionOf(int laCode, IReadOnlyCollection<LaOfstedCount> national)
    {
        var la = national.FirstOrDefault(n => n.LaCode == laCode);
        if (la is null) return null;
        var ranked = national.Where(n => n.Schools > 0).ToList();
        var rank = 1 + ranked.Count(n => n.InCategory * (long)la.Schools > la.InCategory * (long)n.Schools);
        return new LaOfstedPosition(la, rank, ranked.Count);
    }
}
