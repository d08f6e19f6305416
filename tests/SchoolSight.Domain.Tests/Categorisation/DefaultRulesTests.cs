using SchoolSight.Domain.Categorisation;
using SchoolSight.Domain.Categorisation.Rules;
using SchoolSight.Domain.Published;

namespace SchoolSight.Domain.Tests.Categorisation;

/// <summary>Each rule of the default criteria, on evidence where only that rule's concern is present.</summary>
public sealed class DefaultRulesTests
{
    private static LevelEvaluation Evaluate(EvidenceBuilder evidence) => Shipped.DefaultRules.Evaluate(evidence.Build());

    private static IReadOnlyList<string> FiredIds(LevelEvaluation e) => [.. e.Fired.Select(o => o.Rule.Id)];

    public static TheoryData<string, LevelOfSupport?> Cases => new()
    {
        { "ofsted-special-measures", LevelOfSupport.Intensive },
        { "ofsted-serious-weaknesses", LevelOfSupport.Intensive },
        { "ofsted-inadequate", LevelOfSupport.Intensive },
        { "ofsted-urgent-improvement", LevelOfSupport.Intensive },
        { "safety-threatened", LevelOfSupport.Intensive },
        { "ofsted-safeguarding-not-effective", LevelOfSupport.Intensive },
        { "governance-breakdown-prejudicing-standards", LevelOfSupport.Intensive },
        { "ks2-standards-unacceptably-low", LevelOfSupport.Intensive },
        { "ks4-standards-unacceptably-low", LevelOfSupport.Intensive },
        { "sip-judges-inadequate", LevelOfSupport.Intensive },
        { "self-evaluation-inadequate", LevelOfSupport.Intensive },
        { "sip-judges-urgent-improvement", LevelOfSupport.Intensive },
        { "self-evaluation-urgent-improvement", LevelOfSupport.Intensive },
        { "ofsted-requires-improvement", LevelOfSupport.Targeted },
        { "ofsted-leadership-requires-improvement", LevelOfSupport.Targeted },
        { "ofsted-leadership-needs-attention", LevelOfSupport.Targeted },
        { "ofsted-needs-attention-in-two-areas", LevelOfSupport.Targeted },
        { "governance-concern", LevelOfSupport.Targeted },
        { "ks2-attainment-low", LevelOfSupport.Targeted },
        { "ks2-reading-progress-well-below-average", LevelOfSupport.Targeted },
        { "ks2-maths-progress-well-below-average", LevelOfSupport.Targeted },
        { "ks4-progress-well-below-average", LevelOfSupport.Targeted },
        { "ks2-attainment-low-and-not-improving", LevelOfSupport.Targeted },
        { "ks4-attainment-low-and-not-improving", LevelOfSupport.Targeted },
        { "ks4-progress-low-and-not-improving", LevelOfSupport.Targeted },
        { "persistent-absence-high", LevelOfSupport.Targeted },
        { "sip-judges-requires-improvement", LevelOfSupport.Targeted },
        { "self-evaluation-requires-improvement", LevelOfSupport.Targeted },
        { "sip-judges-needs-attention", LevelOfSupport.Targeted },
        { "self-evaluation-needs-attention", LevelOfSupport.Targeted },
        { "no-recent-ofsted", null },
        { "no-recent-self-evaluation", null },
        { "no-recent-sip-judgement", null },
        { "no-current-ks2-results", null },
        { "no-current-ks4-results", null },
        { "no-current-absence-figures", null },
    };

    /// <summary>Evidence where the rule's concern, and as little else as possible, is present.</summary>
    private static EvidenceBuilder EvidenceFor(string ruleId) => ruleId switch
    {
        "ofsted-special-measures" => new EvidenceBuilder().Ofsted(OfstedJudgement.Inadequate, CategoryOfConcern.SpecialMeasures),
        "ofsted-serious-weaknesses" => new EvidenceBuilder().Ofsted(OfstedJudgement.Inadequate, CategoryOfConcern.SeriousWeaknesses),
        "ofsted-inadequate" => new EvidenceBuilder().Ofsted(OfstedJudgement.Inadequate),
        "ofsted-urgent-improvement" => new EvidenceBuilder().ReportCard(new() { [JudgementArea.Achievement] = ReportCardGrade.UrgentImprovement }),
        "ofsted-leadership-needs-attention" => new EvidenceBuilder().ReportCard(new() { [JudgementArea.LeadershipAndGovernance] = ReportCardGrade.NeedsAttention }),
        "ofsted-needs-attention-in-two-areas" => new EvidenceBuilder().ReportCard(new()
        {
            [JudgementArea.Inclusion] = ReportCardGrade.NeedsAttention,
            [JudgementArea.Achievement] = ReportCardGrade.NeedsAttention,
        }),
        "sip-judges-urgent-improvement" => new EvidenceBuilder().ReportCardJudgements(JudgementSource.SchoolImprovementPartner,
            new() { [JudgementArea.AttendanceAndBehaviour] = ReportCardGrade.UrgentImprovement }),
        "self-evaluation-urgent-improvement" => new EvidenceBuilder().ReportCardJudgements(JudgementSource.SelfEvaluation,
            new() { [JudgementArea.Inclusion] = ReportCardGrade.UrgentImprovement }),
        "sip-judges-needs-attention" => new EvidenceBuilder().ReportCardJudgements(JudgementSource.SchoolImprovementPartner,
            new() { [JudgementArea.LeadershipAndGovernance] = ReportCardGrade.NeedsAttention }),
        "self-evaluation-needs-attention" => new EvidenceBuilder().ReportCardJudgements(JudgementSource.SelfEvaluation,
            new() { [JudgementArea.CurriculumAndTeaching] = ReportCardGrade.NeedsAttention, [JudgementArea.Achievement] = ReportCardGrade.NeedsAttention }),
        "safety-threatened" => new EvidenceBuilder().Concern(ConcernKind.Safeguarding),
        "ofsted-safeguarding-not-effective" => new EvidenceBuilder().Ofsted(OfstedJudgement.Good, safeguardingEffective: false),
        "governance-breakdown-prejudicing-standards" => new EvidenceBuilder().Concern(ConcernKind.ManagementOrGovernance)
            .Judgement(JudgementSource.SchoolImprovementPartner, OfstedJudgement.Inadequate, JudgementArea.LeadershipAndManagement),
        // 20% of 60 pupils two years running: the interval's top (about 32%) is more than 20 points below England's 61%.
        "ks2-standards-unacceptably-low" => new EvidenceBuilder().Proportion("KS2_RWM_EXP", 70, 20, 20),
        // 15% of 150 against England's 46%: the interval's top (about 22%) is more than 20 points below.
        "ks4-standards-unacceptably-low" => new EvidenceBuilder().Secondary().Proportion("KS4_BASICS_95", 50, 15, 15, england: 46, pupils: 150),
        "sip-judges-inadequate" => new EvidenceBuilder().Judgement(JudgementSource.SchoolImprovementPartner, OfstedJudgement.Inadequate),
        "self-evaluation-inadequate" => new EvidenceBuilder().Judgement(JudgementSource.SelfEvaluation, OfstedJudgement.Inadequate),
        "ofsted-requires-improvement" => new EvidenceBuilder().Ofsted(OfstedJudgement.RequiresImprovement),
        "ofsted-leadership-requires-improvement" => new EvidenceBuilder().Ofsted(OfstedJudgement.Good,
            keys: new() { [JudgementArea.LeadershipAndManagement] = OfstedJudgement.RequiresImprovement }),
        "governance-concern" => new EvidenceBuilder().Concern(ConcernKind.ManagementOrGovernance),
        // 42% of 150: the interval's top (about 50%) is more than 10 points below England's 61%.
        "ks2-attainment-low" => new EvidenceBuilder().Proportion("KS2_RWM_EXP", 70, 70, 42, pupils: 150),
        // 2025/26: the DfE publishes key stage 2 progress scores again.
        "ks2-reading-progress-well-below-average" => new EvidenceBuilder().Score("KS2_READ_PROG", -4, -4, -4, pupils: 60),
        "ks2-maths-progress-well-below-average" => new EvidenceBuilder().Score("KS2_MAT_PROG", -4, -4, -4, pupils: 60),
        // 2023/24: the last year with Progress 8 before 2026/27.
        "ks4-progress-well-below-average" => new EvidenceBuilder().Secondary().Score("KS4_P8", -0.7, -0.7, -0.7).InDataYear(2023),
        // 35% of 150 three years running: the interval's top (about 43%) is below England's 46%.
        "ks4-attainment-low-and-not-improving" => new EvidenceBuilder().Secondary().Proportion("KS4_BASICS_95", 35, 34, 35, england: 46, pupils: 150),
        // 45% of 60 pupils: the interval's top (about 57%) is below England's 61%, and no better than three years ago.
        "ks2-attainment-low-and-not-improving" => new EvidenceBuilder().Proportion("KS2_RWM_EXP", 46, 44, 45),
        "ks4-progress-low-and-not-improving" => new EvidenceBuilder().Secondary().Score("KS4_P8", -0.4, -0.45, -0.4).InDataYear(2023),
        // 40% of 300 pupils against England's 20%: even the interval's bottom (about 34.6%) is over 10 points above.
        "persistent-absence-high" => new EvidenceBuilder().Proportion("PERSISTENT_ABSENCE", 40, 40, 40, england: 20, pupils: 300),
        "sip-judges-requires-improvement" => new EvidenceBuilder().Judgement(JudgementSource.SchoolImprovementPartner, OfstedJudgement.RequiresImprovement),
        "self-evaluation-requires-improvement" => new EvidenceBuilder().Judgement(JudgementSource.SelfEvaluation, OfstedJudgement.RequiresImprovement),
        "no-recent-ofsted" => new EvidenceBuilder().Ofsted(OfstedJudgement.Good, on: new DateOnly(2021, 6, 30)),
        "no-recent-self-evaluation" => new EvidenceBuilder().Judgement(JudgementSource.SelfEvaluation, OfstedJudgement.Good, year: 2023),
        "no-recent-sip-judgement" => new EvidenceBuilder().NoJudgements(JudgementSource.SchoolImprovementPartner),
        "no-current-ks2-results" => new EvidenceBuilder().WithoutIndicator("KS2_RWM_EXP"),
        "no-current-ks4-results" => new EvidenceBuilder().Secondary().WithoutIndicator("KS4_BASICS_95"),
        "no-current-absence-figures" => new EvidenceBuilder().WithoutIndicator("PERSISTENT_ABSENCE"),
        _ => throw new ArgumentException($"No test evidence for rule {ruleId}"),
    };

    [Fact]
    public void EveryDefaultRule_HasATestCase_AndCitesItsSource()
    {
        var ids = Shipped.DefaultRules.Rules.Select(r => r.Id).ToList();
        ids.ShouldBe(Cases.Select(c => (string)c[0]).ToList(), ignoreOrder: true);
        Shipped.DefaultRules.Rules.ShouldAllBe(r => r.Source.Length > 10 && r.Description.Length > 10);
        Shipped.DefaultRules.Version.ShouldBe("2026.3");
    }

    [Fact]
    public void AGoodSchoolWithAllItsEvidence_IsUniversal_WithNothingToReview()
    {
        foreach (var school in new[] { new EvidenceBuilder(), new EvidenceBuilder().Secondary() })
        {
            var result = Evaluate(school);
            result.Level.ShouldBe(LevelOfSupport.Universal);
            result.NeedsReview.ShouldBeFalse();
            result.Fired.ShouldBeEmpty();
            result.Missing.ShouldBeEmpty();
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void DefaultRule_FiresOnItsEvidence_AndSetsItsLevel(string ruleId, LevelOfSupport? level)
    {
        var result = Evaluate(EvidenceFor(ruleId));

        FiredIds(result).ShouldContain(ruleId);
        var outcome = result.Fired.Single(o => o.Rule.Id == ruleId);
        outcome.Evidence.ShouldNotBeEmpty();
        outcome.Evidence.ShouldAllBe(e => e.Date.Length > 0 && e.Value.Length > 0);
        if (level is { } expected)
        {
            result.Level.ShouldBe(expected);
        }
        else
        {
            // Missing evidence asks the SMT to review; it neither raises nor quietly passes the school.
            result.NeedsReview.ShouldBeTrue();
            result.Level.ShouldBe(LevelOfSupport.Universal);
        }
    }

    [Fact]
    public void SpecialMeasures_FiresEveryOfstedRuleAtOrAboveIt_AndSaysWhen()
    {
        var result = Evaluate(EvidenceFor("ofsted-special-measures"));

        FiredIds(result).ShouldBe(["ofsted-special-measures", "ofsted-serious-weaknesses", "ofsted-inadequate", "ofsted-requires-improvement", "ofsted-leadership-requires-improvement"], ignoreOrder: true);
        var evidence = result.Fired.First().Evidence.Single();
        evidence.Value.ShouldBe("Special measures");
        evidence.Date.ShouldBe("12 March 2024");
        result.Fired.First().Rule.Description.ShouldBe("Ofsted has placed the school in special measures.");
    }

    [Fact]
    public void SeriousWeaknesses_DoesNotFireTheSpecialMeasuresRule()
    {
        FiredIds(Evaluate(EvidenceFor("ofsted-serious-weaknesses"))).ShouldNotContain("ofsted-special-measures");
    }

    [Fact]
    public void VeryLowAttainmentInOneYearOnly_IsTargetedNotIntensive()
    {
        var result = Evaluate(new EvidenceBuilder().Proportion("KS2_RWM_EXP", 70, 70, 20));
        FiredIds(result).ShouldContain("ks2-attainment-low");
        FiredIds(result).ShouldNotContain("ks2-standards-unacceptably-low");
        result.Level.ShouldBe(LevelOfSupport.Targeted);
    }

    [Fact]
    public void NoFloorStandardRule_IsLeft()
    {
        Shipped.DefaultRules.Rules.ShouldAllBe(r => !r.When.Reads.Any(k => k.Name.EndsWith("_BELOW_FLOOR")));
        Shipped.DefaultRules.Rules.ShouldAllBe(r => !r.Description.Contains("floor", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void KeyStage2ProgressRules_DoNotFireIn2024To25_AndSayTheDfEPublishedNoProgressScores()
    {
        var result = Evaluate(new EvidenceBuilder().Score("KS2_READ_PROG", -6, -6, -6, pupils: 60).InDataYear(2024));

        var outcome = result.Outcomes.Single(o => o.Rule.Id == "ks2-reading-progress-well-below-average");
        outcome.Status.ShouldBe(RuleStatus.NotFired);
        outcome.Evidence.ShouldContain(e => e.Value.StartsWith("Not published for 2024/25, because these pupils have no key stage 1 results"));
        result.Level.ShouldBe(LevelOfSupport.Universal);
    }

    [Fact]
    public void NoProgressScoresInAYearTheDfEPublishedNone_IsNotMissingEvidence()
    {
        var primary = Evaluate(new EvidenceBuilder().InDataYear(2024).WithoutIndicator("KS2_READ_PROG").WithoutIndicator("KS2_MAT_PROG"));
        FiredIds(primary).ShouldNotContain("no-current-ks2-results");
        primary.NeedsReview.ShouldBeFalse();

        var secondary = Evaluate(new EvidenceBuilder().Secondary().WithoutIndicator("KS4_P8"));
        FiredIds(secondary).ShouldNotContain("no-current-ks4-results");
        secondary.Missing.ShouldBeEmpty();
    }

    [Fact]
    public void Progress8Rules_DoNotFireIn2025To26_ButDoIn2023To24()
    {
        var now = Evaluate(new EvidenceBuilder().Secondary().Score("KS4_P8", -0.9, -0.9, -0.9));
        var outcome = now.Outcomes.Single(o => o.Rule.Id == "ks4-progress-well-below-average");
        outcome.Status.ShouldBe(RuleStatus.NotFired);
        outcome.Evidence.Single().Value.ShouldStartWith("Not published for 2025/26, because these pupils have no key stage 2 results");

        var then = Evaluate(new EvidenceBuilder().Secondary().Score("KS4_P8", -0.9, -0.9, -0.9).InDataYear(2023));
        FiredIds(then).ShouldContain("ks4-progress-well-below-average");
    }

    [Fact]
    public void EachOfTheLastTwoYears_SkipsAYearWithNoResults()
    {
        // 2021/22's results, with none for 2020/21 (no tests): the year before is 2018/19.
        var held = new IndicatorEvidence("KS2_RWM_EXP",
        [
            new IndicatorYear(2018, EvidenceBuilder.Percent(20, 60), 61, 61, null),
            new IndicatorYear(2021, EvidenceBuilder.Percent(20, 60), 61, 61, null),
        ]);
        var result = Evaluate(new EvidenceBuilder().InDataYear(2021).WithIndicator(held));

        FiredIds(result).ShouldContain("ks2-standards-unacceptably-low");
        result.Fired.Single(o => o.Rule.Id == "ks2-standards-unacceptably-low").Evidence.Select(e => e.Date).ShouldBe(["2018/19", "2021/22"]);
    }

    [Fact]
    public void LowAttainmentThatIsImproving_DoesNotFireTheNotImprovingRule()
    {
        var result = Evaluate(new EvidenceBuilder().Proportion("KS2_RWM_EXP", 20, 35, 45, pupils: 120));
        FiredIds(result).ShouldNotContain("ks2-attainment-low-and-not-improving");
        result.Fired.ShouldBeEmpty();
    }

    [Fact]
    public void ASmallCohort_IsNotJudgedOnAttainment_AndSaysWhy()
    {
        var result = Evaluate(new EvidenceBuilder().Proportion("KS2_RWM_EXP", 30, 30, 30, pupils: 8));

        var outcome = result.Outcomes.Single(o => o.Rule.Id == "ks2-attainment-low-and-not-improving");
        outcome.Status.ShouldBe(RuleStatus.NotTested);
        outcome.Notes.ShouldContain(n => n.Contains("8 pupils, fewer than the 11"));
    }

    [Fact]
    public void NoOfstedInspectionAtAll_IsMissing_NotGood()
    {
        var result = Evaluate(new EvidenceBuilder().NoOfsted());

        result.NeedsReview.ShouldBeTrue();
        FiredIds(result).ShouldContain("no-recent-ofsted");
        result.Missing.ShouldContain("Ofsted: no inspection held");
        result.Outcomes.Single(o => o.Rule.Id == "ofsted-inadequate").Status.ShouldBe(RuleStatus.NotTested);
    }

    [Fact]
    public void ResultsOlderThanTheLasLatestYear_AreMissing()
    {
        var old = new IndicatorEvidence("KS2_RWM_EXP", [new IndicatorYear(2023, EvidenceBuilder.Percent(30, 60), 61, 61, null)]);
        var result = Evaluate(new EvidenceBuilder().WithIndicator(old));

        FiredIds(result).ShouldContain("no-current-ks2-results");
        result.Missing.ShouldContain(m => m.Contains("no figure for 2025/26 (the latest held is 2023/24)"));
        result.Outcomes.Single(o => o.Rule.Id == "ks2-attainment-low-and-not-improving").Status.ShouldBe(RuleStatus.NotTested);
    }

    [Fact]
    public void AfterSeptember2024_TheWorstKeyJudgementStandsForOverall()
    {
        var keys = new Dictionary<JudgementArea, OfstedJudgement>
        {
            [JudgementArea.QualityOfEducation] = OfstedJudgement.Good,
            [JudgementArea.LeadershipAndManagement] = OfstedJudgement.RequiresImprovement,
        };
        var result = Evaluate(new EvidenceBuilder().Ofsted(null, on: new DateOnly(2025, 2, 4), keys: keys));

        FiredIds(result).ShouldContain("ofsted-requires-improvement");
        result.Fired.First(o => o.Rule.Id == "ofsted-requires-improvement").Evidence.Single().What.ShouldContain("worst key judgement");
    }

    [Fact]
    public void PhaseRules_DoNotApplyToOtherPhases()
    {
        var result = Evaluate(new EvidenceBuilder().Secondary());
        result.Outcomes.Single(o => o.Rule.Id == "ks2-attainment-low").Status.ShouldBe(RuleStatus.NotApplicable);
        result.Outcomes.Single(o => o.Rule.Id == "no-current-ks2-results").Status.ShouldBe(RuleStatus.NotApplicable);
    }
}
