using SchoolSight.Domain.HealthySchools;
using static SchoolSight.Domain.Tests.HealthySchools.EnhancementModelTests;

namespace SchoolSight.Domain.Tests.HealthySchools;

/// <summary>Starting the enhancement model obeys the joining pathway, on the day before and the day of each boundary.</summary>
public sealed class JoiningRuleTests
{
    private static readonly HealthySchoolsSettings Handbook = new();

    private static HealthySchoolEngagement Engage(string achieved, string today, bool reviewed = false, string? lapsed = null)
    {
        var day = DateOnly.Parse(today);
        var status = HealthySchoolStatus.Achieve(999001, DateOnly.Parse(achieved), Coordinator, DateOnly.Parse(achieved));
        if (lapsed is not null) status.Lapse(DateOnly.Parse(lapsed), Coordinator);
        return HealthySchoolEngagement.Engage(999001, JoiningPathways.Decide(status, day, reviewed, Handbook), Head, day);
    }

    private static DomainError Refused(string achieved, string today, bool reviewed = false, string? lapsed = null)
    {
        var refused = Should.Throw<DomainException>(() => Engage(achieved, today, reviewed, lapsed)).Error;
        refused.Code.ShouldBe("healthy.may-not-join");
        refused.Kind.ShouldBe(ErrorKind.Rule);
        return refused;
    }

    [Theory]
    [InlineData("2010-01-01", "2010-12-31")] // direct: the last day of the year after achieving
    [InlineData("2009-01-01", "2009-12-31")] // the transition year: within a year
    [InlineData("2024-02-29", "2025-02-27")]
    public void WithinAYearOfAchieving_TheSchoolStartsAtStageOne(string achieved, string lastDay) =>
        Engage(achieved, lastDay).Stage.ShouldBe(EnhancementStage.DevelopmentGroup);

    [Theory]
    [InlineData("2010-01-01", "2011-01-01", "ended on 31 December 2010")]
    [InlineData("2009-01-01", "2010-01-01", "ended on 31 December 2009")]
    [InlineData("2024-02-29", "2025-02-28", "ended on 27 February 2025")]
    public void FromTheAnniversary_WithoutThisYearsReview_StartingIsRefusedWithTheReasonThePageGives(string achieved, string firstLateDay, string reason)
    {
        var refused = Refused(achieved, firstLateDay);
        refused.Message.ShouldContain(reason);
        refused.Message.ShouldBe(JoiningPathways.Decide(HealthySchoolStatus.Achieve(999001, DateOnly.Parse(achieved), Coordinator, DateOnly.Parse(achieved)),
            DateOnly.Parse(firstLateDay), false, Handbook).Reason);
        Engage(achieved, firstLateDay, reviewed: true).Stage.ShouldBe(EnhancementStage.DevelopmentGroup);
    }

    [Fact]
    public void AchievedTheDayBeforeTheTransition_TheSchoolStartsOnlyAfterItsReview_AndTheDayOfItDirectly()
    {
        Refused("2008-12-31", "2009-01-02").Message.ShouldContain("joins after completing its annual review");
        Engage("2008-12-31", "2009-01-02", reviewed: true).Stage.ShouldBe(EnhancementStage.DevelopmentGroup);
        Engage("2009-01-01", "2009-01-02").Stage.ShouldBe(EnhancementStage.DevelopmentGroup);
    }

    [Fact]
    public void OnTheDayTheStatusLapses_StartingIsRefused_AndTheDayBeforeItIsNot()
    {
        Engage("2022-05-01", "2025-04-30", reviewed: true).Stage.ShouldBe(EnhancementStage.DevelopmentGroup);
        Refused("2022-05-01", "2025-05-01", reviewed: true).Message.ShouldContain("lapsed on 1 May 2025");
        Refused("2025-01-10", "2025-03-01", lapsed: "2025-03-01").Message.ShouldContain("lapsed on 1 March 2025");
    }

    [Fact]
    public void WithoutAStatus_StartingIsRefused()
    {
        var refused = Should.Throw<DomainException>(() => HealthySchoolEngagement.Engage(999001, JoiningPathways.Decide(null, Today, true, Handbook), Head, Today)).Error;
        refused.Message.ShouldContain("does not hold the Healthy School status");
    }

    [Fact]
    public void ARoleThatMayNotDoTheSchoolsWork_IsRefusedFirst() =>
        Should.Throw<DomainException>(() => HealthySchoolEngagement.Engage(999001, MayJoin, Quas, Today)).Error.Kind.ShouldBe(ErrorKind.Forbidden);
}
