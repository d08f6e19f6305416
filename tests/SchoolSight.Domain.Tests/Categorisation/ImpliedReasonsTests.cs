using CsCheck;
using SchoolSight.Domain.Categorisation;
using SchoolSight.Domain.Categorisation.Rules;
using SchoolSight.Domain.Published;

namespace SchoolSight.Domain.Tests.Categorisation;

/// <summary>
/// Rules at different levels from the same evidence do not both explain a level: the higher one does, the lower one is
/// implied by it. "Same evidence" comes from the rules themselves (what their conditions read, or their 'evidence' key).
/// </summary>
public sealed class ImpliedReasonsTests
{
    private static IReadOnlyList<string> Deciding(LevelEvaluation e) => [.. e.Deciding.Select(o => o.Rule.Id)];

    private static IReadOnlyDictionary<string, string> Implied(LevelEvaluation e) => e.Implied.ToDictionary(kv => kv.Key.Rule.Id, kv => kv.Value.Rule.Id);

    /// <summary>Evidence; the rule that explains the level; the lower rule it implies (null: nothing implied).</summary>
    public static TheoryData<string, string, string?> DefaultCases => new()
    {
        { "ofsted inadequate", "ofsted-inadequate", "ofsted-requires-improvement" },
        { "SIP inadequate", "sip-judges-inadequate", "sip-judges-requires-improvement" },
        { "self-evaluation inadequate", "self-evaluation-inadequate", "self-evaluation-requires-improvement" },
        { "KS2 very low two years", "ks2-standards-unacceptably-low", "ks2-attainment-low" },
        { "governance breakdown", "governance-breakdown-prejudicing-standards", "governance-concern" },
        { "safeguarding not effective", "ofsted-safeguarding-not-effective", null },
    };

    private static SchoolEvidence Evidence(string name) => (name switch
    {
        "ofsted inadequate" => new EvidenceBuilder().Ofsted(OfstedJudgement.Inadequate),
        "SIP inadequate" => new EvidenceBuilder().Judgement(JudgementSource.SchoolImprovementPartner, OfstedJudgement.Inadequate),
        "self-evaluation inadequate" => new EvidenceBuilder().Judgement(JudgementSource.SelfEvaluation, OfstedJudgement.Inadequate),
        "KS2 very low two years" => new EvidenceBuilder().Proportion("KS2_RWM_EXP", 70, 20, 20),
        "governance breakdown" => new EvidenceBuilder().Concern(ConcernKind.ManagementOrGovernance)
            .Judgement(JudgementSource.SchoolImprovementPartner, OfstedJudgement.Inadequate, JudgementArea.LeadershipAndManagement),
        "safeguarding not effective" => new EvidenceBuilder().Ofsted(OfstedJudgement.Good, safeguardingEffective: false),
        _ => throw new ArgumentException(name),
    }).Build();

    [Theory]
    [MemberData(nameof(DefaultCases))]
    public void UnderTheDefaultCriteria_TheHigherRuleExplains_AndTheLowerFromTheSameEvidenceIsImplied(string evidence, string explains, string? implied)
    {
        var result = Shipped.DefaultRules.Evaluate(Evidence(evidence));

        result.Level.ShouldBe(LevelOfSupport.Intensive);
        Deciding(result).ShouldContain(explains);
        Deciding(result).Where(id => Shipped.DefaultRules.Rules.First(r => r.Id == id).Level == LevelOfSupport.Targeted).ShouldBeEmpty();
        if (implied is not null) Implied(result)[implied].ShouldBe(explains);
    }

    [Fact]
    public void AnInadequateOfstedOutcome_IsNotAlsoGivenAsRequiresImprovement_InTheProposalsReasons()
    {
        var result = Shipped.DefaultRules.Evaluate(new EvidenceBuilder().Ofsted(OfstedJudgement.Inadequate).Build());

        result.Fired.Select(o => o.Rule.Id).ShouldContain("ofsted-requires-improvement");
        Deciding(result).ShouldNotContain("ofsted-requires-improvement");
        Deciding(result).ShouldNotContain("ofsted-leadership-requires-improvement");
    }

    [Fact]
    public void ALowerRuleFromOtherEvidence_StillExplains()
    {
        // Intensive on the SIP's judgement; Ofsted's "requires improvement" is other evidence, so it is still a reason.
        var result = Shipped.DefaultRules.Evaluate(new EvidenceBuilder().Ofsted(OfstedJudgement.RequiresImprovement)
            .Judgement(JudgementSource.SchoolImprovementPartner, OfstedJudgement.Inadequate).Build());

        result.Level.ShouldBe(LevelOfSupport.Intensive);
        Deciding(result).ShouldContain("sip-judges-inadequate");
        Deciding(result).ShouldContain("ofsted-requires-improvement");
        Implied(result)["sip-judges-requires-improvement"].ShouldBe("sip-judges-inadequate");
    }

    [Fact]
    public void OfAnyAlternatives_OnlyThoseThatHeld_CountAsTheRulesEvidence()
    {
        // The governance rule could read Ofsted too, but fired on the SIP's judgement: Ofsted's outcome still explains.
        var result = Shipped.DefaultRules.Evaluate(new EvidenceBuilder().Concern(ConcernKind.ManagementOrGovernance)
            .Ofsted(OfstedJudgement.RequiresImprovement, keys: EvidenceBuilder.KeyJudgements(OfstedJudgement.Good))
            .Judgement(JudgementSource.SchoolImprovementPartner, OfstedJudgement.Inadequate, JudgementArea.LeadershipAndManagement).Build());

        Deciding(result).ShouldContain("governance-breakdown-prejudicing-standards");
        Deciding(result).ShouldContain("ofsted-requires-improvement");
        Implied(result)["governance-concern"].ShouldBe("governance-breakdown-prejudicing-standards");
    }

    private const string TwoRules = """
        version: "t"
        name: Test criteria
        rules:
          - id: safeguarding-and-low
            description: A safeguarding concern while attainment is low.
            source: Test
            level: intensive
            {0}
            when:
              - concern: safeguarding
              - indicator: KS2_RWM_EXP
                worse-than: 60
          - id: low
            description: Attainment is low.
            source: Test
            level: targeted
            when:
              - indicator: KS2_RWM_EXP
                worse-than: 60
          - id: no-ks2
            description: No KS2 results.
            source: Test
            level: review
            when:
              - missing: KS2_RWM_EXP
        """;

    private static SchoolEvidence LowWithConcern => new EvidenceBuilder().Proportion("KS2_RWM_EXP", 40, 40, 40).Concern(ConcernKind.Safeguarding).Build();

    [Fact]
    public void ALaFile_WithoutAnEvidenceKey_ImpliesByWhatItsConditionsRead()
    {
        var rules = Shipped.Parse(TwoRules.Replace("{0}", "")).RuleSet!;
        rules.Rules[0].Evidence.ShouldBe(["concern:safeguarding", "KS2_RWM_EXP"], ignoreOrder: true);

        var result = rules.Evaluate(LowWithConcern);

        Deciding(result).ShouldBe(["safeguarding-and-low"]);
        Implied(result)["low"].ShouldBe("safeguarding-and-low");
    }

    [Fact]
    public void AnEvidenceKey_NarrowsWhatARuleExplains()
    {
        var rules = Shipped.Parse(TwoRules.Replace("{0}", "evidence: concern:safeguarding")).RuleSet!;
        rules.Rules[0].Evidence.ShouldBe(["concern:safeguarding"]);

        var result = rules.Evaluate(LowWithConcern);

        Deciding(result).ShouldBe(["safeguarding-and-low", "low"]);
        result.Implied.ShouldBeEmpty();
    }

    [Fact]
    public void AnEvidenceKey_NamingWhatTheRuleDoesNotRead_IsRefused_AtItsLine()
    {
        var result = Shipped.Parse(TwoRules.Replace("{0}", "evidence: [ofsted]"));

        result.RuleSet.ShouldBeNull();
        var error = result.Errors.ShouldHaveSingleItem();
        error.Line.ShouldBe(8);
        error.Message.ShouldContain("does not read 'ofsted'");
        error.Message.ShouldContain("concern:safeguarding");
    }

    [Fact]
    public void AnEvidenceKey_NamingEvidenceTwice_IsRefused()
    {
        var result = Shipped.Parse(TwoRules.Replace("{0}", "evidence: [KS2_RWM_EXP, KS2_RWM_EXP]"));

        result.Errors.ShouldHaveSingleItem().Message.ShouldContain("named twice");
    }

    /// <summary>
    /// Over many schools and any subset of the default rules: the deciding and implied rules split the fired ones; the
    /// level is unchanged and explained by a deciding rule at that level; each implied rule is implied by a fired rule at a
    /// higher level that read all its evidence; and no deciding rule is itself implied by a higher one.
    /// </summary>
    [Fact]
    public void TellingImpliedRulesApart_NeverChangesTheLevel_AndLeavesNoLowerReasonFromTheSameEvidence()
    {
        Gen.Select(Gen.Int[0, int.MaxValue], Gen.Int[0, int.MaxValue]).Sample((seed, rulesSeed) =>
        {
            var rules = rulesSeed % 3 == 0 ? Shipped.DefaultRules : RulePropertiesTests.Subset(rulesSeed);
            var (good, bad) = RulePropertiesTests.Scenario(seed);
            return new[] { good, bad }.All(evidence => Holds(rules.Evaluate(evidence)));
        }, iter: 3000);
    }

    private static bool Holds(LevelEvaluation e)
    {
        var fired = e.Fired.ToList();
        var deciding = e.Deciding.ToList();
        var splits = deciding.Count + e.Implied.Count == fired.Count && deciding.All(d => !e.Implied.ContainsKey(d));
        var levelExplained = e.Level == LevelOfSupport.Universal || deciding.Any(d => d.Rule.Level == e.Level);
        var sameLevel = deciding.Where(d => d.Rule.Level is not null).Select(d => d.Rule.Level!.Value).DefaultIfEmpty(LevelOfSupport.Universal).Max() == e.Level;
        var impliedRightly = e.Implied.All(kv => kv.Value.Rule.Level > kv.Key.Rule.Level && kv.Key.Reads.IsSubsetOf(kv.Value.Reads) && !e.Implied.ContainsKey(kv.Value));
        var noneLeft = deciding.Where(d => d.Rule.Level is not null)
            .All(d => !fired.Any(h => h.Rule.Level > d.Rule.Level && d.Reads.IsSubsetOf(h.Reads)));
        return splits && levelExplained && sameLevel && impliedRightly && noneLeft;
    }
}
