using SchoolSight.Domain.LaIndicators;

namespace SchoolSight.Domain.Tests.LaIndicators;

/// <summary>An LA's rank among all LAs (1 the best by the measure's polarity; ties share the better rank) and its quartile.</summary>
public sealed class NationalRankTests
{
    private static readonly decimal[] Eight = [10, 20, 20, 30, 40, 50, 60, 70];

    [Theory]
    [InlineData(70, 1)]
    [InlineData(30, 5)]
    [InlineData(20, 6)]
    [InlineData(10, 8)]
    public void HigherIsBetter_RanksTheHighestFirst_TiesShareTheBetterRank(decimal value, int rank) =>
        NationalRank.Among(value, Eight, Polarity.HigherIsBetter)!.ShouldBe(new NationalRank(rank, 8));

    [Theory]
    [InlineData(10, 1)]
    [InlineData(20, 2)]
    [InlineData(30, 4)]
    [InlineData(70, 8)]
    public void LowerIsBetter_RanksTheLowestFirst_TiesShareTheBetterRank(decimal value, int rank) =>
        NationalRank.Among(value, Eight, Polarity.LowerIsBetter)!.ShouldBe(new NationalRank(rank, 8));

    [Fact]
    public void AMeasureWithNoBetterDirection_IsNotRanked() =>
        NationalRank.Among(20, Eight, Polarity.NoDirection).ShouldBeNull();

    [Theory]
    [InlineData(1, 152, 1)]
    [InlineData(38, 152, 1)]
    [InlineData(39, 152, 2)]
    [InlineData(76, 152, 2)]
    [InlineData(77, 152, 3)]
    [InlineData(114, 152, 3)]
    [InlineData(115, 152, 4)]
    [InlineData(152, 152, 4)]
    [InlineData(2, 8, 1)]
    [InlineData(3, 8, 2)]
    public void TheQuartile_IsTheQuarterOfTheLasTheRankFallsIn(int rank, int of, int quartile) =>
        new NationalRank(rank, of).Quartile.ShouldBe(quartile);

    [Fact]
    public void TiedLas_AtAQuartileBoundary_AllTakeTheBetterQuartile()
    {
        // Eight LAs, three tied on 60 at ranks 2 to 4: all rank 2, in the top quartile (2 × 4 ≤ 8).
        decimal[] las = [70, 60, 60, 60, 50, 40, 30, 20];
        var rank = NationalRank.Among(60, las, Polarity.HigherIsBetter)!;
        (rank.Rank, rank.Quartile, rank.QuartileText).ShouldBe((2, 1, "top quartile"));
    }

    [Theory]
    [InlineData("936, 938 886,881;919\n931 825 916 885 865", 0)]
    [InlineData("936, 938, 886", 1)]
    [InlineData("936, 936, 886, 881, 919, 931, 825, 916, 885, 865", 1)]
    [InlineData("850, 938, 886, 881, 919, 931, 825, 916, 885, 865", 1)]
    [InlineData("93, 938, 886, 881, 919, 931, 825, 916, 885, abc", 2)]
    public void ANeighbourList_IsCheckedWhole(string text, int problems)
    {
        var (codes, found) = StatisticalNeighbours.Parse(text, 850);
        found.Count.ShouldBe(problems, string.Join("; ", found));
        if (problems == 0) codes.ShouldBe([936, 938, 886, 881, 919, 931, 825, 916, 885, 865]);
    }
}
