using SchoolSight.Domain.QualityStandards;

namespace SchoolSight.Domain.Tests.QualityStandards;

public sealed class QualityStandardsParserTests
{
    private static string File(string criteria, string phases = "[primary, secondary]") => $$"""
        version: "test-1"
        name: Test standards
        standards:
          - id: "2.2"
            group: risk-management
            title: Challenge and support
            phases: {{phases}}
            criteria:
        {{criteria}}
        """;

    [Fact]
    public void ShippedStandards_HaveTheTenStandardsInTwoGroups()
    {
        var set = ShippedQualityStandards.Set;
        Assert.Equal(["1.1", "1.2", "1.3", "1.4", "1.5", "2.1", "2.2", "2.3", "2.4", "2.5"], set.Standards.Select(s => s.Id));
        Assert.Equal(5, set.InGroup(StandardGroup.Impact).Count());
        Assert.Equal("Peer review", set.ExternalReviewer);
    }

    [Theory]
    [InlineData("1.4")]
    [InlineData("2.2")]
    [InlineData("2.3")]
    public void ShippedStandards_SomeApplyToPrimaryAndSecondaryOnly(string id) =>
        Assert.Equal([SefPhase.Primary, SefPhase.Secondary], ShippedQualityStandards.Set.Standard(id)!.Phases);

    [Fact]
    public void ShippedStandards_EveryStandardHasACriticalCriterionForGood()
    {
        foreach (var standard in ShippedQualityStandards.Set.Standards)
            Assert.Contains(standard.Criteria, c => c.Level == RagRating.Good && c.Critical);
    }

    [Fact]
    public void ShippedStandards_TargetSettingBandsAreTheQuantitativeCriteria()
    {
        var bands = ShippedQualityStandards.Set.Standard("1.5")!.Criteria.Where(c => c.Band?.Measure == ComputedMeasure.TargetsInLine).ToList();
        Assert.Equal(4, bands.Count);
        Assert.All(bands, b => Assert.True(b.Critical));
    }

    [Fact]
    public void Parse_AValidFile_GivesItsCriteria()
    {
        var result = QualityStandardsParser.Parse(File("      - {id: a, level: good, critical: true, text: Some text., measure: secondary-headship-experience, atLeast: 75, phases: [secondary]}"));
        Assert.Empty(result.Errors);
        var criterion = Assert.Single(result.Standards!.Standards[0].Criteria);
        Assert.True(criterion.Critical);
        Assert.Equal(ComputedMeasure.SecondaryHeadshipExperience, criterion.Band!.Measure);
        Assert.False(criterion.AppliesTo(SefPhase.Primary));
    }

    [Fact]
    public void Parse_ReportsEveryProblemWithItsLineAndColumn()
    {
        var result = QualityStandardsParser.Parse(File("""
                  - {id: a, level: great, text: Some text.}
                  - {id: a, level: good, text: Other text., measure: no-such-thing, atLeast: 5}
                  - {id: b, level: good, text: Third., atLeast: 5}
            """));
        Assert.Null(result.Standards);
        Assert.Contains(result.Errors, e => e.Line == 9 && e.Message.Contains("'great' is not a level"));
        Assert.Contains(result.Errors, e => e.Line == 10 && e.Message.Contains("used more than once"));
        Assert.Contains(result.Errors, e => e.Line == 10 && e.Message.Contains("'no-such-thing' is not a measure"));
        Assert.Contains(result.Errors, e => e.Line == 11 && e.Message.Contains("bounds but no 'measure'"));
    }

    [Fact]
    public void Parse_ACriterionForAPhaseTheStandardDoesNotCover_IsRefused()
    {
        var result = QualityStandardsParser.Parse(File("      - {id: a, level: good, text: Text., phases: [early-years]}"));
        var error = Assert.Single(result.Errors);
        Assert.Contains("Early Years, a phase standard 2.2 does not apply to", error.Message);
    }

    [Fact]
    public void Parse_AnAnchor_IsRefused()
    {
        var result = QualityStandardsParser.Parse(File("      - &x {id: a, level: good, text: Text.}"));
        Assert.Contains(result.Errors, e => e.Message.Contains("anchor"));
    }

    [Fact]
    public void Parse_NotYaml_GivesTheLine()
    {
        var result = QualityStandardsParser.Parse("version: 1\nname: [unclosed\n");
        Assert.Single(result.Errors);
        Assert.Null(result.Standards);
    }
}
