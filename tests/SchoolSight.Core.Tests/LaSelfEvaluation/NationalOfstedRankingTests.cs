using SchoolSight.Core.Published;
using SchoolSight.Domain.QualityStandards;
using SchoolSight.TestSupport;

namespace SchoolSight.Core.Tests.LaSelfEvaluation;

/// <summary>
/// The LA's position among all LAs in England, from Ofsted's real national outcomes file (31 August 2025), checked
/// against a count made outside SchoolSight: the file's rows were filtered by the first three digits of LAESTAB and
/// by a non-blank "Category of concern" (SM or SWK) with a separate short script over the raw CSV, and every LA's
/// share compared by hand-written fractions. 153 LAs (the file's blank trailing rows have no LAESTAB).
/// Hampshire (850): 529 schools, 12 in a category (2.27%), 20 LAs have a higher share: rank 21 of 153, top quartile, not top decile.
/// Surrey (936): 400 schools, 5 in a category (1.25%): rank 57 of 153, neither.
/// East Sussex (845): 188 schools, 10 in a category (5.32%): rank 3 of 153, top decile.
/// </summary>
public sealed class NationalOfstedRankingTests
{
    private static readonly Lazy<IReadOnlyList<LaOfstedCount>> National = new(() =>
    {
        using var file = File.OpenRead(SharedData.OfstedAugust2025);
        return OfstedFileReader.ReadAsync(file, heldUrns: new HashSet<int>()).GetAwaiter().GetResult().LaCounts;
    });

    [Fact]
    public void TheNationalFile_CountsEveryLa() => National.Value.Count.ShouldBe(153);

    [Theory]
    [InlineData(850, "Hampshire", 529, 12, 21, true, false)]
    [InlineData(936, "Surrey", 400, 5, 57, false, false)]
    [InlineData(845, "East Sussex", 188, 10, 3, true, true)]
    public void AnLasPosition_MatchesTheCountByHand(int la, string name, int schools, int inCategory, int rank, bool quartile, bool decile)
    {
        var position = OfstedCategoryRanking.PositionOf(la, [.. National.Value])!;
        (position.La.LaName, position.La.Schools, position.La.InCategory).ShouldBe((name, schools, inCategory));
        (position.Rank, position.Of, position.InTopQuartile, position.InTopDecile).ShouldBe((rank, 153, quartile, decile));
    }
}
