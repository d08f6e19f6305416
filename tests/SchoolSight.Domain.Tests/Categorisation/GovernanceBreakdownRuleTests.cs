using SchoolSight.Domain.Categorisation;
using SchoolSight.Domain.Categorisation.Rules;
using SchoolSight.Domain.Published;

namespace SchoolSight.Domain.Tests.Categorisation;

/// <summary>
/// A serious breakdown in management or governance prejudicing standards (section 60's second ground): an open
/// governance concern with leadership judged seriously weak, read on each side of the report card's start on 10 November
/// 2025 on the scale of its day, never one scale as the other.
/// </summary>
public sealed class GovernanceBreakdownRuleTests
{
    private const string Rule = "governance-breakdown-prejudicing-standards";

    private static EvidenceBuilder Concerned() => new EvidenceBuilder().Concern(ConcernKind.ManagementOrGovernance);

    private static LevelEvaluation Evaluate(EvidenceBuilder evidence) => Shipped.DefaultRules.Evaluate(evidence.Build());

    private static bool Fires(EvidenceBuilder evidence) => Evaluate(evidence).Fired.Any(o => o.Rule.Id == Rule);

    [Fact]
    public void AnInadequateLeadershipJudgementOn9November2025_Fires()
    {
        var keys = new Dictionary<JudgementArea, OfstedJudgement>
        {
            [JudgementArea.QualityOfEducation] = OfstedJudgement.Good,
            [JudgementArea.BehaviourAndAttitudes] = OfstedJudgement.Good,
            [JudgementArea.PersonalDevelopment] = OfstedJudgement.Good,
            [JudgementArea.LeadershipAndManagement] = OfstedJudgement.Inadequate,
        };
        var result = Evaluate(Concerned().Ofsted(null, on: new DateOnly(2025, 11, 9), keys: keys));

        result.Level.ShouldBe(LevelOfSupport.Intensive);
        result.Fired.Single(o => o.Rule.Id == Rule).Evidence.ShouldContain(e => e.Date == "9 November 2025");
    }

    [Fact]
    public void LeadershipAndGovernanceAtUrgentImprovementOn10November2025_Fires_InTheReportCardsWords()
    {
        var result = Evaluate(Concerned().ReportCard(new() { [JudgementArea.LeadershipAndGovernance] = ReportCardGrade.UrgentImprovement },
            on: new DateOnly(2025, 11, 10)));

        result.Level.ShouldBe(LevelOfSupport.Intensive);
        var evidence = result.Fired.Single(o => o.Rule.Id == Rule).Evidence;
        evidence.ShouldContain(e => e.Value == "Urgent improvement" && e.Date == "10 November 2025");
        result.Fired.Single(o => o.Rule.Id == Rule).Rule.Source.ShouldContain("managed or governed");
    }

    [Fact]
    public void LeadershipAndGovernanceNeedingAttentionOnOfstedsReportCard_IsNotABreakdown()
    {
        var result = Evaluate(Concerned().ReportCard(new() { [JudgementArea.LeadershipAndGovernance] = ReportCardGrade.NeedsAttention },
            on: new DateOnly(2025, 11, 10)));

        result.Fired.Select(o => o.Rule.Id).ShouldNotContain(Rule);
        result.Level.ShouldBe(LevelOfSupport.Targeted);
    }

    [Theory]
    [InlineData(JudgementArea.LeadershipAndGovernance, ReportCardGrade.UrgentImprovement, true)]
    [InlineData(JudgementArea.LeadershipAndGovernance, ReportCardGrade.NeedsAttention, true)]
    [InlineData(JudgementArea.Achievement, ReportCardGrade.NeedsAttention, false)]
    [InlineData(JudgementArea.LeadershipAndGovernance, ReportCardGrade.ExpectedStandard, false)]
    public void TheSipsReportCardJudgementOfLeadership_FiresAsItsFourPointOneDid(JudgementArea area, ReportCardGrade grade, bool fires) =>
        Fires(Concerned().ReportCardJudgements(JudgementSource.SchoolImprovementPartner, new() { [area] = grade })).ShouldBe(fires);

    [Fact]
    public void TheSipsFourPointLeadershipJudgement_StillFires_AndIsNotReadAsAReportCardGrade()
    {
        Fires(Concerned().Judgement(JudgementSource.SchoolImprovementPartner, OfstedJudgement.Inadequate, JudgementArea.LeadershipAndManagement)).ShouldBeTrue();
        Fires(Concerned().Judgement(JudgementSource.SchoolImprovementPartner, OfstedJudgement.Good)
            .ReportCardJudgements(JudgementSource.SchoolImprovementPartner)).ShouldBeFalse();
    }

    [Fact]
    public void WithoutAGovernanceConcern_UrgentImprovementInLeadership_IsNotABreakdown() =>
        Fires(new EvidenceBuilder().ReportCard(new() { [JudgementArea.LeadershipAndGovernance] = ReportCardGrade.UrgentImprovement })).ShouldBeFalse();
}
