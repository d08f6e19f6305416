using SchoolSight.Domain.QualityStandards;

namespace SchoolSight.Domain.Tests.QualityStandards;

public sealed class RatingRulesTests
{
    private static readonly QualityStandard TargetSetting = ShippedQualityStandards.Set.Standard("1.5")!;
    private static HashSet<string> Met(params string[] ids) => [.. ids];

    [Fact]
    public void Good_WithoutItsCriticalCriterion_IsRefusedWithTheReason()
    {
        var errors = RatingRules.Check(TargetSetting, SefPhase.Primary, RagRating.Good, Met("1.5-g-tracking"));
        var error = Assert.Single(errors);
        Assert.Equal("sef.critical-missing", error.Code);
        Assert.Contains("Between 80% and 95% of schools set targets", error.Message);
    }

    [Fact]
    public void Outstanding_NeedsGoodsCriticalCriteriaToo()
    {
        var errors = RatingRules.Check(TargetSetting, SefPhase.Primary, RagRating.Outstanding, Met("1.5-os-targets"));
        Assert.Contains(errors, e => e.Message.Contains("Between 80% and 95%"));
    }

    [Fact]
    public void ACriticalCriterionMetInALowerColumn_CapsTheRating()
    {
        var met = Met("1.5-g-targets", "1.5-ni-targets");
        Assert.Equal(RagRating.RequiresSomeImprovement, RatingRules.Cap(TargetSetting, SefPhase.Primary, met));
        var errors = RatingRules.Check(TargetSetting, SefPhase.Primary, RagRating.Good, met);
        Assert.Contains(errors, e => e.Code == "sef.capped" && e.Message.Contains("no better than Requires some improvement"));
        Assert.Empty(RatingRules.Check(TargetSetting, SefPhase.Primary, RagRating.RequiresSomeImprovement, met));
    }

    [Fact]
    public void CriticalCriteriaOfAnotherPhase_DoNotCount()
    {
        // The target-setting bands apply to primary and secondary schools, not Early Years settings.
        Assert.Empty(RatingRules.Check(TargetSetting, SefPhase.EarlyYears, RagRating.Good, Met()));
        Assert.NotEmpty(RatingRules.Check(TargetSetting, SefPhase.Primary, RagRating.Good, Met()));
    }

    [Fact]
    public void Best_IsTheHighestRatingTheCriteriaAllow()
    {
        Assert.Equal(RagRating.Good, RatingRules.Best(TargetSetting, SefPhase.Primary, Met("1.5-g-targets")));
        Assert.Equal(RagRating.RequiresSomeImprovement, RatingRules.Best(TargetSetting, SefPhase.Primary, Met()));
        Assert.Equal(RagRating.RequiresSignificantImprovement, RatingRules.Best(TargetSetting, SefPhase.Primary, Met("1.5-g-targets", "1.5-si-targets")));
    }
}
