using SchoolSight.Domain.QualityStandards;
using static SchoolSight.Domain.QualityStandards.RagRating;

namespace SchoolSight.Domain.Tests.QualityStandards;

/// <summary>The default overall rule reproduces the example readout of the LA's quality standards, cell for cell.</summary>
public sealed class OverallRatingsTests
{
    private static readonly RagRating?[] EarlyYears1 = [Good, Good, Outstanding, null, RequiresSomeImprovement];
    private static readonly RagRating?[] EarlyYears2 = [Good, null, null, Good, RequiresSignificantImprovement];
    private static readonly RagRating?[] Primary1 = [RequiresSomeImprovement, RequiresSomeImprovement, Good, Good, Good];
    private static readonly RagRating?[] Primary2 = [RequiresSomeImprovement, Good, Good, Good, Good];
    private static readonly RagRating?[] Secondary1 = [Good, Good, Outstanding, Good, Good];
    private static readonly RagRating?[] Secondary2 = [RequiresSomeImprovement, Good, RequiresSomeImprovement, Good, Good];

    [Fact]
    public void DefaultRule_ReproducesTheExampleReadout()
    {
        var rule = OverallRule.Default;
        Assert.Equal(Good, OverallRatings.Derive(rule, EarlyYears1));
        Assert.Equal(RequiresSomeImprovement, OverallRatings.Derive(rule, EarlyYears2));
        Assert.Equal(RequiresSomeImprovement, OverallRatings.Derive(rule, Primary1));
        Assert.Equal(Good, OverallRatings.Derive(rule, Primary2));
        Assert.Equal(Good, OverallRatings.Derive(rule, Secondary1));
        Assert.Equal(RequiresSomeImprovement, OverallRatings.Derive(rule, Secondary2));
        Assert.Equal(Good, OverallRatings.Derive(rule, [.. EarlyYears1, .. Primary1, .. Secondary1]));
        Assert.Equal(RequiresSomeImprovement, OverallRatings.Derive(rule, [.. EarlyYears2, .. Primary2, .. Secondary2]));
    }

    [Fact]
    public void OtherRules_AreTheLasChoice()
    {
        Assert.Equal(RequiresSignificantImprovement, OverallRatings.Derive(new OverallRule(OverallRuleKind.Lowest, 0), EarlyYears2));
        Assert.Equal(Good, OverallRatings.Derive(new OverallRule(OverallRuleKind.MostCommon, 0), EarlyYears2));
        Assert.Equal(RequiresSomeImprovement, OverallRatings.Derive(new OverallRule(OverallRuleKind.MostCommon, 0), [Good, RequiresSomeImprovement]));
    }

    [Fact]
    public void NothingRated_HasNoOverall() => Assert.Null(OverallRatings.Derive(OverallRule.Default, [null, null]));
}
