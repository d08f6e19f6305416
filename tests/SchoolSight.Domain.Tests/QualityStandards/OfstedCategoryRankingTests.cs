using SchoolSight.Domain.QualityStandards;

namespace SchoolSight.Domain.Tests.QualityStandards;

public sealed class OfstedCategoryRankingTests
{
    private static List<LaOfstedCount> Country(int las) =>
        [.. Enumerable.Range(1, las).Select(i => new LaOfstedCount(100 + i, $"LA {i}", 100, las - i))];

    [Fact]
    public void TheHighestShare_IsRankedFirst_InTheTopDecile()
    {
        var position = OfstedCategoryRanking.PositionOf(101, Country(20))!;
        Assert.Equal(1, position.Rank);
        Assert.True(position.InTopDecile);
        Assert.Equal(5m, position.PercentileFromTop);
    }

    [Fact]
    public void Quartile_IsByRankAmongAllLas()
    {
        Assert.True(OfstedCategoryRanking.PositionOf(105, Country(20))!.InTopQuartile);
        Assert.False(OfstedCategoryRanking.PositionOf(106, Country(20))!.InTopQuartile);
        Assert.False(OfstedCategoryRanking.PositionOf(103, Country(20))!.InTopDecile);
    }

    [Fact]
    public void EqualShares_ShareTheBetterRank()
    {
        List<LaOfstedCount> las = [new(1, "A", 10, 1), new(2, "B", 20, 2), new(3, "C", 10, 0)];
        Assert.Equal(1, OfstedCategoryRanking.PositionOf(2, las)!.Rank);
        Assert.Equal(3, OfstedCategoryRanking.PositionOf(3, las)!.Rank);
    }

    [Fact]
    public void AnLaNotInTheFile_HasNoPosition() => Assert.Null(OfstedCategoryRanking.PositionOf(999, Country(3)));
}
