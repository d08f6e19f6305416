using SchoolSight.Domain.Categorisation;
using SchoolSight.Domain.Categorisation.Rules;

namespace SchoolSight.Domain.Tests.Categorisation;

public sealed class RuleSetParserTests
{
    /// <summary>A valid file with one rule and the missing-evidence rule it needs, to break one thing at a time.</summary>
    private static string File(string rule, string extra = "") => $$"""
        version: "test-1"
        name: Test criteria
        rules:
        {{rule}}
          - id: no-ks2
            description: No KS2 results.
            source: Test
            level: review
            when:
              - missing: [KS2_RWM_EXP, KS2_BELOW_FLOOR, KS4_P8]
          - id: no-ofsted
            description: No recent Ofsted.
            source: Test
            level: review
            when:
              - missing: ofsted
        {{extra}}
        """;

    private static RuleSetError SingleError(string yaml)
    {
        var result = Shipped.Parse(yaml);
        result.RuleSet.ShouldBeNull();
        return result.Errors.ShouldHaveSingleItem();
    }

    [Fact]
    public void AValidFile_Parses()
    {
        var result = Shipped.Parse(File("""
              - id: low-ks2
                description: Low KS2.
                source: Test
                level: targeted
                phases: [primary]
                when:
                  - indicator: KS2_RWM_EXP
                    worse-than: 60
            """));
        result.Errors.ShouldBeEmpty();
        result.RuleSet!.Rules.Count.ShouldBe(3);
        result.RuleSet.Version.ShouldBe("test-1");
    }

    [Fact]
    public void UnknownIndicator_IsNamed_WithItsLineAndColumn()
    {
        var error = SingleError(File("""
              - id: low-ks2
                description: Low KS2.
                source: Test
                level: targeted
                when:
                  - indicator: KS2_RWM_EXPECTED
                    worse-than: 60
            """));
        error.Message.ShouldContain("'KS2_RWM_EXPECTED' is not an indicator in the catalogue: did you mean KS2_RWM_EXP?");
        error.Line.ShouldBe(9);
        error.Column.ShouldBe(20);
    }

    [Theory]
    [InlineData("PERSISTANT_ABSENCE", "did you mean PERSISTENT_ABSENCE?")]
    [InlineData("PERSISTENT_ABSENSE", "did you mean PERSISTENT_ABSENCE?")]
    [InlineData("KS2_RWM_EPX", "did you mean KS2_RWM_EXP?")]
    [InlineData("HAPPINESS_INDEX", "(the indicators page lists their ids)")]
    public void AMistypedIndicator_GetsTheIdItWasProbablyMeantToBe(string typed, string expected)
    {
        var error = SingleError(File($$"""
              - id: typo
                description: Typo.
                source: Test
                level: targeted
                when:
                  - indicator: {{typed}}
                    worse-than: 60
            """));
        error.Message.ShouldBe($"'{typed}' is not an indicator in the catalogue{(expected.StartsWith('(') ? " " : ": ")}{expected}");
    }

    [Theory]
    [InlineData("worse-than: banana", "'worse-than: banana' is not a comparison")]
    [InlineData("worse-than: england\n        by: lots", "'by' must be a number zero or more")]
    [InlineData("worse-than: 60\n        by: 5", "'by' is a margin against a benchmark")]
    [InlineData("trend: sideways", "'sideways' is not a trend test")]
    [InlineData("worse-than: 60\n        trend: declining", "has both 'worse-than' and 'trend'")]
    [InlineData("significantly: true", "Say what the KS2_RWM_EXP condition tests")]
    [InlineData("worse-than: 60\n        for-years: 9", "'for-years' in rule 'bad' must be a whole number from 1 to 5")]
    [InlineData("worse-than: 60\n        significantly: maybe", "must be true or false")]
    [InlineData("worse-than: 60\n        colour: red", "'colour' is not a key of an indicator condition")]
    public void BadComparisons_AreRefused_WithAClearMessage(string test, string message)
    {
        var error = SingleError(File($"""
              - id: bad
                description: Bad.
                source: Test
                level: targeted
                when:
                  - indicator: KS2_RWM_EXP
                    {test}
            """));
        error.Message.ShouldContain(message);
    }

    [Theory]
    [InlineData("level: targeted\n    when:\n      - indicator: KS2_RWM_EXP\n        worse-than: 0", "no value is worse than 0: this condition can never fire")]
    [InlineData("level: targeted\n    when:\n      - indicator: PERSISTENT_ABSENCE\n        worse-than: 100", "no value is worse than 100: this condition can never fire")]
    [InlineData("level: targeted\n    phases: [secondary]\n    when:\n      - indicator: KS2_RWM_EXP\n        worse-than: 60", "KS2_RWM_EXP is a primary indicator but rule 'never' applies only to secondary schools")]
    [InlineData("level: targeted\n    phases: []\n    when:\n      - ofsted: inadequate", "lists no phases, so it can never fire")]
    [InlineData("level: universal\n    when:\n      - ofsted: inadequate", "points to universal, the level a school has when no rule fires, so it can never change a proposal")]
    [InlineData("level: targeted\n    when:\n      - missing: ofsted\n      - ofsted: inadequate", "needs ofsted to be missing and also tests it, so it can never fire")]
    [InlineData("level: targeted\n    when:\n      - ofsted: special-measures\n        area: quality-of-education", "only the overall outcome has, so this condition can never fire")]
    [InlineData("level: targeted\n    phases: [primary]\n    when:\n      - sip: inadequate\n        area: sixth-form", "have no sixth form provision, so it can never fire")]
    [InlineData("level: targeted\n    when:\n      - indicator: KS2_RWM_EXP\n        worse-than: england\n        by: 150", "this condition can never fire")]
    [InlineData("level: targeted\n    when: []", "has no conditions, so it would fire for every school")]
    public void RulesThatCanNeverFire_AreRefused(string body, string message)
    {
        var error = SingleError(File($"""
              - id: never
                description: Never.
                source: Test
                {body}
            """));
        error.Message.ShouldContain(message);
    }

    [Fact]
    public void EvidenceWithNoMissingRule_IsRefused_SoMissingIsNeverSilentlyGood()
    {
        var error = SingleError(File("""
              - id: sip-low
                description: SIP says RI.
                source: Test
                level: targeted
                when:
                  - sip: requires-improvement
            """));
        error.Message.ShouldBe("Rule 'sip-low' tests sip, but no rule says what happens when it is missing: add a rule with 'missing: sip' (for example pointing to review)");
        error.Line.ShouldBe(4);
    }

    [Fact]
    public void AMissingRuleForOtherPhases_DoesNotCoverARuleForAllPhases()
    {
        var yaml = """
            version: "t"
            name: T
            rules:
              - id: absence
                description: High absence.
                source: Test
                level: targeted
                when:
                  - indicator: PERSISTENT_ABSENCE
                    worse-than: 30
              - id: no-absence
                description: No absence figures.
                source: Test
                level: review
                phases: [primary]
                when:
                  - missing: PERSISTENT_ABSENCE
            """;
        SingleError(yaml).Message.ShouldContain("Rule 'absence' tests PERSISTENT_ABSENCE, but no rule says what happens when it is missing");
    }

    [Fact]
    public void EveryProblem_IsListed_InFileOrder()
    {
        var result = Shipped.Parse("""
            version: "t"
            rules:
              - id: Bad_Id
                description: x
                source: y
                level: extreme
                when:
                  - ofsted: dreadful
              - id: dup
                description: x
                source: y
                level: review
                when:
                  - missing: ofsted
              - id: dup
                description: x
                source: y
                level: review
                when:
                  - concern: parking
            """);

        result.RuleSet.ShouldBeNull();
        result.Errors.Select(e => e.Message).ShouldBe(
        [
            "Add a 'name' to the rule set",
            "Rule id 'Bad_Id' must be lower-case letters, digits and hyphens, like 'ofsted-special-measures'",
            "'extreme' is not a level: use targeted, intensive or review",
            "'dreadful' is not an Ofsted outcome: use outstanding, good, requires-improvement, inadequate, notice-to-improve, serious-weaknesses, significant-improvement, special-measures, or a report card grade: exceptional, strong-standard, expected-standard, needs-attention, urgent-improvement (each means that or worse)",
            "'parking' is not a kind of concern: use safeguarding or management-or-governance",
        ]);
        result.Errors.Select(e => e.Line).ShouldBe(result.Errors.Select(e => e.Line).Order());
    }

    [Fact]
    public void DuplicateIds_AreRefused()
    {
        var result = Shipped.Parse("""
            version: "t"
            name: T
            rules:
              - id: same
                description: x
                source: y
                level: review
                when:
                  - missing: ofsted
              - id: same
                description: x
                source: y
                level: review
                when:
                  - missing: sip
            """);
        result.Errors.ShouldHaveSingleItem().Message.ShouldBe("Rule id 'same' is used more than once: each rule needs its own id");
        result.Errors[0].Line.ShouldBe(10);
    }

    [Fact]
    public void BrokenYaml_IsReported_AtItsLine()
    {
        var error = SingleError("version: \"t\"\nname: T\nrules:\n  - id: a\n    description: [unclosed\n");
        error.Message.ShouldStartWith("The file is not valid YAML");
        error.Line.ShouldBeGreaterThanOrEqualTo(5);
    }

    [Fact]
    public void ReviewRules_AndAnyConditions_Parse()
    {
        var result = Shipped.Parse(File("""
              - id: either
                description: Either.
                source: Test
                level: intensive
                when:
                  - any:
                      - ofsted: serious-weaknesses
                      - concern: safeguarding
            """));
        result.Errors.ShouldBeEmpty();
        var rule = result.RuleSet!.Rules[0];
        rule.Level.ShouldBe(LevelOfSupport.Intensive);
        rule.When.ShouldBeOfType<AnyCondition>().Conditions.Count.ShouldBe(2);
        result.RuleSet.Rules.Single(r => r.Id == "no-ofsted").IsReview.ShouldBeTrue();
    }
}
