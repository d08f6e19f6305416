using SchoolSight.Domain.Categorisation;
using SchoolSight.Domain.Categorisation.Rules;
using SchoolSight.Domain.Published;

namespace SchoolSight.Domain.Tests.Categorisation;

/// <summary>
/// Ofsted's three frameworks switch on their dates, and the default criteria read report card evidence on its own
/// five-point scale, never as a four-point grade, and four-point evidence never as a report card grade.
/// </summary>
public sealed class ReportCardRulesTests
{
    private static LevelEvaluation Evaluate(EvidenceBuilder evidence) => Shipped.DefaultRules.Evaluate(evidence.Build());

    private static IReadOnlyList<string> FiredIds(LevelEvaluation e) => [.. e.Fired.Select(o => o.Rule.Id)];

    [Theory]
    [InlineData(2024, 9, 1, OfstedFramework.OverallGrade)]
    [InlineData(2024, 9, 2, OfstedFramework.KeyJudgementsOnly)]
    [InlineData(2025, 11, 9, OfstedFramework.KeyJudgementsOnly)]
    [InlineData(2025, 11, 10, OfstedFramework.ReportCard)]
    public void TheFramework_FollowsTheInspectionStartDate(int year, int month, int day, OfstedFramework expected) =>
        OfstedFrameworks.For(new DateOnly(year, month, day)).ShouldBe(expected);

    [Theory]
    [InlineData(2025, 11, 9, JudgementScale.FourPoint)]
    [InlineData(2025, 11, 10, JudgementScale.ReportCard)]
    public void AJudgementsScale_FollowsTheDayItWasMade(int year, int month, int day, JudgementScale expected) =>
        JudgementScales.For(new DateOnly(year, month, day)).ShouldBe(expected);

    [Fact]
    public void AReportCardAtTheExpectedStandard_IsUniversal_WithNothingMissing()
    {
        var result = Evaluate(new EvidenceBuilder().ReportCard());
        result.Level.ShouldBe(LevelOfSupport.Universal);
        result.Fired.ShouldBeEmpty();
        result.Missing.ShouldBeEmpty();
    }

    [Fact]
    public void OneAreaNeedingAttention_OtherThanLeadership_IsNotEnoughForTargetedSupport()
    {
        var result = Evaluate(new EvidenceBuilder().ReportCard(new() { [JudgementArea.Achievement] = ReportCardGrade.NeedsAttention }));
        result.Level.ShouldBe(LevelOfSupport.Universal);
        result.Fired.ShouldBeEmpty();
    }

    [Fact]
    public void UrgentImprovement_IsIntensive_NamingTheAreaAndTheGrade()
    {
        var result = Evaluate(new EvidenceBuilder().ReportCard(new() { [JudgementArea.Inclusion] = ReportCardGrade.UrgentImprovement }));
        result.Level.ShouldBe(LevelOfSupport.Intensive);
        var evidence = result.Fired.Single(o => o.Rule.Id == "ofsted-urgent-improvement").Evidence.Single();
        evidence.What.ShouldBe("Ofsted report card: inclusion");
        evidence.Value.ShouldBe("Urgent improvement");
        evidence.Date.ShouldBe("20 January 2026");
        FiredIds(result).ShouldNotContain("ofsted-inadequate", "a report card grade is never read as a four-point grade");
    }

    [Fact]
    public void SafeguardingStandardsNotMet_IsIntensive_InTheReportCardsWords()
    {
        var result = Evaluate(new EvidenceBuilder().ReportCard(safeguardingMet: false));
        result.Level.ShouldBe(LevelOfSupport.Intensive);
        result.Fired.Single(o => o.Rule.Id == "ofsted-safeguarding-not-effective").Evidence.Single().Value.ShouldBe("standards not met");
    }

    [Fact]
    public void ACategoryOfConcernOnAReportCard_IsIntensive_AsOfstedStatesIt()
    {
        var result = Evaluate(new EvidenceBuilder().ReportCard(category: CategoryOfConcern.SignificantImprovement));
        result.Level.ShouldBe(LevelOfSupport.Intensive);
        result.Fired.Single(o => o.Rule.Id == "ofsted-serious-weaknesses").Evidence.Single().Value.ShouldBe("Requires significant improvement");
        FiredIds(result).ShouldNotContain("ofsted-special-measures");
    }

    [Fact]
    public void AnInadequateInspectionBeforeTheReportCard_FiresNoReportCardRule()
    {
        var result = Evaluate(new EvidenceBuilder().Ofsted(OfstedJudgement.Inadequate, on: new DateOnly(2025, 11, 9)));
        FiredIds(result).ShouldContain("ofsted-inadequate");
        FiredIds(result).ShouldNotContain("ofsted-urgent-improvement");
        result.Fired.Single(o => o.Rule.Id == "ofsted-inadequate").Evidence.Single().Date.ShouldBe("9 November 2025");
    }

    [Fact]
    public void TheSipsReportCardJudgements_ReplaceItsFourPointOnes_InTheRules()
    {
        // The SIP judged the school inadequate last year (four-point); since 10 November 2025 it grades the report card's areas.
        var evidence = new EvidenceBuilder()
            .Judgement(JudgementSource.SchoolImprovementPartner, OfstedJudgement.Inadequate, year: 2024)
            .ReportCardJudgements(JudgementSource.SchoolImprovementPartner);
        var result = Evaluate(evidence);
        FiredIds(result).ShouldNotContain("sip-judges-inadequate");
        FiredIds(result).ShouldNotContain("sip-judges-needs-attention");
        result.Level.ShouldBe(LevelOfSupport.Universal);

        var attention = Evaluate(evidence.ReportCardJudgements(JudgementSource.SchoolImprovementPartner,
            new() { [JudgementArea.Achievement] = ReportCardGrade.NeedsAttention, [JudgementArea.Inclusion] = ReportCardGrade.NeedsAttention }));
        attention.Level.ShouldBe(LevelOfSupport.Targeted);
        attention.Fired.Single(o => o.Rule.Id == "sip-judges-needs-attention").Evidence.Select(e => e.What)
            .ShouldBe(["The SIP's judgement: inclusion", "The SIP's judgement: achievement"]);
    }

    [Theory]
    [InlineData("ofsted: exceptional", "'exceptional' means exceptional or worse")]
    [InlineData("ofsted: needs-attention\n        area: leadership-and-management", "does not judge leadership-and-management")]
    [InlineData("ofsted: inadequate\n        area: leadership-and-governance", "does not judge leadership-and-governance")]
    [InlineData("sip: needs-attention\n        area: overall-effectiveness", "does not judge overall-effectiveness")]
    [InlineData("sip: needs-attention\n        area: inclusion\n        in-areas: 2", "not both")]
    [InlineData("ofsted: urgent-improvement\n        in-areas: 9", "in-areas")]
    public void AReportCardConditionThatCouldNeverFire_OrMixesTheScales_IsRefused(string condition, string problem)
    {
        var yaml = $"""
            version: "1"
            name: Test
            rules:
              - id: a-rule
                description: A rule to test.
                source: "A source for the test."
                level: targeted
                when:
                  - {condition}
            """;
        var result = Shipped.Parse(yaml);
        result.Errors.ShouldNotBeEmpty();
        result.Errors.ShouldContain(e => e.Message.Contains(problem, StringComparison.Ordinal));
    }
}
