using SchoolSight.Domain.Access;
using SchoolSight.Domain.Categorisation;

namespace SchoolSight.Domain.Tests.Categorisation;

/// <summary>A level decision as the school's users and governors see it: the LA's concerns are withheld (ADR 0009).</summary>
public sealed class SchoolAudienceTests
{
    private const string Safeguarding = "The LA has an open safeguarding concern: the safety of pupils or staff at the school is threatened.";
    private const string Ofsted = "Ofsted judged the school inadequate.";

    private static SchoolLevelDecision Decision(params string[] lines) => new(999001, LevelOfSupport.Intensive, LevelOfSupport.Targeted, LevelOfSupport.Intensive, 7,
        "2026.1", string.Join("\n", lines), "smt@la.example", Role.SeniorManager, new DateTime(2026, 12, 5, 10, 0, 0, DateTimeKind.Utc), "Agreed at the SMT.");

    [Fact]
    public void TheShippedCriteria_MarkTheRulesOnConcernsAsLaOnly()
    {
        Shipped.DefaultRules.Rules.Where(r => r.IsLaOnly).Select(r => r.Id).ShouldBe(["safety-threatened", "governance-breakdown-prejudicing-standards", "governance-concern"], ignoreOrder: true);
    }

    [Fact]
    public void AReasonFromAConcern_IsReplacedByOneNeutralLine_WithNoLevelOrEvidence()
    {
        var decision = Decision(
            $"{Ofsted} [Intensive] Evidence: Ofsted: inadequate (3 March 2026)",
            $"{Safeguarding} [Intensive] Evidence: Concern recorded by the LA: Safeguarding, open (raised 17 November 2026)",
            "Another concern rule. [Targeted] Evidence: Concern recorded by the LA: Management or governance, open (raised 1 October 2026)");

        var seen = decision.ForSchoolAudience(d => d == Safeguarding);

        seen.ReasonLines.ShouldBe([$"{Ofsted} [Intensive] Evidence: Ofsted: inadequate (3 March 2026)", SchoolLevelDecision.HeldByTheLa]);
        seen.ReasonParts[1].Points.ShouldBeNull();
        seen.ReasonParts[1].Evidence.ShouldBeNull();
        (seen.Id, seen.Level, seen.Reason).ShouldBe((decision.Id, decision.Level, decision.Reason));
        decision.ReasonLines.Count.ShouldBe(3, "the stored decision is unchanged");
    }

    [Fact]
    public void ARuleOnConcernsThatFiredOnOtherEvidence_IsStillWithheld_ForItsWordsCanNameTheConcern()
    {
        var seen = Decision($"{Safeguarding} [Intensive] Evidence: Ofsted: inadequate (3 March 2026)").ForSchoolAudience(d => d == Safeguarding);
        seen.ReasonLines.ShouldBe([SchoolLevelDecision.HeldByTheLa]);
    }

    [Fact]
    public void WhenTheCriteriaCannotBeRead_EveryRulesReasonIsWithheld_ButOtherWordsAreKept()
    {
        var seen = Decision($"{Ofsted} [Intensive]", "Agreed under the LA's criteria in use before SchoolSight.").ForSchoolAudience(null);
        seen.ReasonLines.ShouldBe(["Agreed under the LA's criteria in use before SchoolSight.", SchoolLevelDecision.HeldByTheLa]);
    }

    [Fact]
    public void ADecisionWithNothingFromTheLasConcerns_IsShownAsItIs()
    {
        var decision = Decision($"{Ofsted} [Intensive]");
        decision.ForSchoolAudience(d => d == Safeguarding).ShouldBeSameAs(decision);
    }
}
