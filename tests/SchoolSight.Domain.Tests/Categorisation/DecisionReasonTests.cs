using SchoolSight.Domain.Categorisation;
using Shouldly;

namespace SchoolSight.Domain.Tests.Categorisation;

public sealed class DecisionReasonTests
{
    [Fact]
    public void ALine_IsTakenApartIntoWhatTheRuleSays_TheLevel_AndTheEvidence()
    {
        var reason = DecisionReason.Parse(
            "The LA has an open safeguarding concern. [Intensive] Evidence: Concern recorded by the LA: Safeguarding, open (raised 5 December 2026)");

        reason.Description.ShouldBe("The LA has an open safeguarding concern.");
        reason.Points.ShouldBe("Intensive");
        reason.Level.ShouldBe(LevelOfSupport.Intensive);
        reason.Evidence.ShouldBe("Concern recorded by the LA: Safeguarding, open (raised 5 December 2026)");
    }

    [Fact]
    public void AReviewRule_PointsToNoLevel_AndALineWithoutEvidenceHasNone()
    {
        var reason = DecisionReason.Parse("No Ofsted judgement in the last five years. [Review]");

        reason.Description.ShouldBe("No Ofsted judgement in the last five years.");
        reason.Points.ShouldBe("Review");
        reason.Level.ShouldBeNull();
        reason.Evidence.ShouldBeNull();
    }

    [Fact]
    public void BracketsInTheDescription_AreKept_AndALineInNoKnownShapeIsShownWhole()
    {
        DecisionReason.Parse("KS2 [RWM] below the floor. [Targeted] Evidence: 52%").Description.ShouldBe("KS2 [RWM] below the floor.");
        DecisionReason.Parse("Agreed at SMT [see minutes]").ShouldBe(new DecisionReason("Agreed at SMT [see minutes]", null, null, null));
    }

    [Fact]
    public void Summaries_AreTheDescriptionsOfEachLine()
    {
        SchoolLevelDecision.Summaries("First. [Targeted] Evidence: a\nSecond. [Review]\n")
            .ShouldBe(["First.", "Second."]);
    }
}
