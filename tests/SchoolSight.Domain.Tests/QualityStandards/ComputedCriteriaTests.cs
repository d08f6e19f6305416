using SchoolSight.Domain.QualityStandards;

namespace SchoolSight.Domain.Tests.QualityStandards;

/// <summary>Each computed criterion of the shipped standards at its boundaries: which band a figure falls in.</summary>
public sealed class ComputedCriteriaTests
{
    private static RagRating? BandOf(string standard, ComputedMeasure measure, decimal figure, SefPhase phase = SefPhase.Secondary)
    {
        var met = ShippedQualityStandards.Set.Standard(standard)!.CriteriaFor(phase)
            .Where(c => c.Band is { } b && b.Measure == measure && b.IsMetBy(figure)).Select(c => c.Level).ToList();
        return met.Count == 0 ? null : met.Max();
    }

    [Theory]
    [InlineData(100, RagRating.Outstanding)]
    [InlineData(95, RagRating.Outstanding)]
    [InlineData(94.9, RagRating.Good)]
    [InlineData(80, RagRating.Good)]
    [InlineData(79.9, RagRating.RequiresSomeImprovement)]
    [InlineData(50, RagRating.RequiresSomeImprovement)]
    [InlineData(49.9, RagRating.RequiresSignificantImprovement)]
    [InlineData(0, RagRating.RequiresSignificantImprovement)]
    public void TargetsInLine_FallsInOneBand(double figure, RagRating expected) =>
        Assert.Equal(expected, BandOf("1.5", ComputedMeasure.TargetsInLine, (decimal)figure, SefPhase.Primary));

    [Theory]
    [InlineData(75, true)]
    [InlineData(74.9, false)]
    public void SecondaryHeadship_MeetsGoodFrom75Percent(double figure, bool met) =>
        Assert.Equal(met ? RagRating.Good : null, BandOf("2.2", ComputedMeasure.SecondaryHeadshipExperience, (decimal)figure));

    [Fact]
    public void SecondaryHeadship_IsNotACriterionForPrimary() =>
        Assert.Null(BandOf("2.2", ComputedMeasure.SecondaryHeadshipExperience, 100, SefPhase.Primary));

    [Theory]
    [InlineData(0, RagRating.Outstanding)]
    [InlineData(1, null)]
    public void SchoolsInCategories_NoneIsOutstanding(int count, RagRating? expected) =>
        Assert.Equal(expected, BandOf("2.3", ComputedMeasure.SchoolsInOfstedCategories, count));

    [Theory]
    [InlineData(10, RagRating.RequiresSignificantImprovement)]
    [InlineData(10.01, RagRating.RequiresSomeImprovement)]
    [InlineData(25, RagRating.RequiresSomeImprovement)]
    [InlineData(25.01, null)]
    public void NationalPosition_TopDecileAndTopQuartileCap(double percentile, RagRating? expected) =>
        Assert.Equal(expected, BandOf("2.3", ComputedMeasure.OfstedCategoriesNationalPosition, (decimal)percentile));

    [Theory]
    [InlineData(100, RagRating.Good)]
    [InlineData(99.9, RagRating.RequiresSomeImprovement)]
    [InlineData(80.1, RagRating.RequiresSomeImprovement)]
    [InlineData(80, null)]
    [InlineData(79.9, RagRating.RequiresSignificantImprovement)]
    public void OnTrajectory_AllIsGoodAbove80IsSomeImprovement(double figure, RagRating? expected) =>
        Assert.Equal(expected, BandOf("2.3", ComputedMeasure.CausingConcernOnTrajectory, (decimal)figure));

    [Theory]
    [InlineData(10, null)]
    [InlineData(10.1, RagRating.RequiresSignificantImprovement)]
    public void ReportsMissingThreeOrMore_AboveTenPercentCapsAtSignificant(double figure, RagRating? expected) =>
        Assert.Equal(expected, BandOf("2.4", ComputedMeasure.ReportsMissingThreeOrMoreFeatures, (decimal)figure));

    [Theory]
    [InlineData(90, RagRating.Good)]
    [InlineData(89.9, null)]
    public void ReportsWithAllFeatures_GoodFrom90Percent(double figure, RagRating? expected) =>
        Assert.Equal(expected, BandOf("2.4", ComputedMeasure.ReportsWithAllFeatures, (decimal)figure));
}
