using SchoolSight.Domain.HealthySchools;

namespace SchoolSight.Domain.Tests.HealthySchools;

public sealed class JoiningPathwaysTests
{
    private static readonly HealthySchoolsSettings Handbook = new() { RenewalYears = 50 };

    private static JoiningDecision Decide(DateOnly achieved, DateOnly today, bool reviewed = false, HealthySchoolsSettings? settings = null) =>
        JoiningPathways.Decide(HealthySchoolStatus.Achieve(999001, achieved, EnhancementModelTests.Coordinator, today), today, reviewed, settings ?? Handbook);

    [Theory]
    [InlineData("2008-12-31", JoiningPathway.BeforeTransition)]
    [InlineData("2009-01-01", JoiningPathway.Transition)]
    [InlineData("2009-12-31", JoiningPathway.Transition)]
    [InlineData("2010-01-01", JoiningPathway.Direct)]
    public void ThePathway_TurnsOnTheDayTheHandbookGives(string achieved, JoiningPathway expected) =>
        Decide(DateOnly.Parse(achieved), DateOnly.Parse(achieved).AddDays(1)).Pathway.ShouldBe(expected);

    [Fact]
    public void BeforeTheTransition_TheSchoolJoinsOnlyAfterItsAnnualReview()
    {
        var achieved = new DateOnly(2008, 12, 31);
        var today = new DateOnly(2009, 1, 2);
        var waiting = Decide(achieved, today);
        waiting.MayJoin.ShouldBeFalse();
        waiting.Reason.ShouldContain("joins after completing its annual review");
        Decide(achieved, today, reviewed: true).MayJoin.ShouldBeTrue();
    }

    [Theory]
    [InlineData("2009-01-01")]
    [InlineData("2010-01-01")]
    [InlineData("2024-02-29")]
    public void WithinAYearOfAchieving_TheSchoolMayJoin_AndFromTheAnniversaryOnlyAfterAReview(string achievedText)
    {
        var achieved = DateOnly.Parse(achievedText);
        var lastDay = achieved.AddMonths(12).AddDays(-1);
        var onTime = Decide(achieved, lastDay);
        onTime.MayJoin.ShouldBeTrue();
        onTime.Reason.ShouldContain($"until {lastDay:d MMMM yyyy}");
        var late = Decide(achieved, lastDay.AddDays(1));
        late.MayJoin.ShouldBeFalse();
        late.Reason.ShouldContain("joins after its annual review");
        Decide(achieved, lastDay.AddDays(1), reviewed: true).MayJoin.ShouldBeTrue();
    }

    [Fact]
    public void TheDirectPathway_SaysTheReviewGoesOnEveryYear() =>
        Decide(new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 2)).Reason.ShouldContain("keeps doing the annual review every year");

    [Fact]
    public void TheDatesAreTheLas()
    {
        var own = new HealthySchoolsSettings { StatusName = "Bronze award", TransitionFrom = new(2020, 9, 1), DirectFrom = new(2021, 9, 1), JoinWithinMonths = 6, RenewalYears = 3 };
        Decide(new DateOnly(2020, 8, 31), new DateOnly(2020, 9, 1), settings: own).Pathway.ShouldBe(JoiningPathway.BeforeTransition);
        Decide(new DateOnly(2021, 9, 1), new DateOnly(2022, 2, 28), settings: own).MayJoin.ShouldBeTrue();
        var late = Decide(new DateOnly(2021, 9, 1), new DateOnly(2022, 3, 1), settings: own);
        late.MayJoin.ShouldBeFalse();
        late.Reason.ShouldStartWith("Bronze award achieved on 1 September 2021");
        JoiningPathways.Title(JoiningPathway.Transition, own).ShouldBe("Achieved from 1 September 2020 to 31 August 2021");
    }

    [Fact]
    public void WithoutACurrentStatus_NoSchoolMayJoin_AndThePageSaysWhy()
    {
        var none = JoiningPathways.Decide(null, new DateOnly(2026, 1, 1), true, Handbook);
        none.MayJoin.ShouldBeFalse();
        none.Reason.ShouldContain("does not hold the Healthy School status");

        var settings = new HealthySchoolsSettings { RenewalYears = 3 };
        var status = HealthySchoolStatus.Achieve(999001, new DateOnly(2022, 5, 1), EnhancementModelTests.Coordinator, new DateOnly(2022, 5, 1));
        status.IsCurrent(new DateOnly(2025, 4, 30), 3).ShouldBeTrue();
        status.IsCurrent(new DateOnly(2025, 5, 1), 3).ShouldBeFalse();
        var lapsed = JoiningPathways.Decide(status, new DateOnly(2025, 5, 1), true, settings);
        lapsed.MayJoin.ShouldBeFalse();
        lapsed.Reason.ShouldContain("lapsed on 1 May 2025");

        status.Renew(new DateOnly(2025, 5, 1), EnhancementModelTests.Coordinator, new DateOnly(2025, 5, 1));
        status.Lapse(new DateOnly(2025, 6, 1), EnhancementModelTests.Coordinator);
        status.IsCurrent(new DateOnly(2025, 5, 31), 3).ShouldBeTrue();
        status.IsCurrent(new DateOnly(2025, 6, 1), 3).ShouldBeFalse();
    }

    [Fact]
    public void OnlyTheCoordinatorRecordsTheStatus_NeverInTheFuture()
    {
        Should.Throw<DomainException>(() => HealthySchoolStatus.Achieve(999001, new DateOnly(2026, 1, 1), EnhancementModelTests.Head, new DateOnly(2026, 1, 2)))
            .Errors.Single().Kind.ShouldBe(ErrorKind.Forbidden);
        Should.Throw<DomainException>(() => HealthySchoolStatus.Achieve(999001, new DateOnly(2026, 1, 3), EnhancementModelTests.Coordinator, new DateOnly(2026, 1, 2)))
            .Errors.Single().Code.ShouldBe("healthy.status-future");
    }

    [Fact]
    public void AConfigurationWithWrongDates_IsRefusedWithEveryProblem() =>
        new HealthySchoolsSettings { TransitionFrom = new(2010, 1, 1), DirectFrom = new(2009, 1, 1), ModerationShare = 0.05, RenewalYears = 0 }.Problems().Count.ShouldBe(3);
}
