using CsCheck;
using SchoolSight.Domain.Register;

namespace SchoolSight.Domain.Tests.Register;

public sealed class SchoolTests
{
    private static SchoolDetails Details => new()
    {
        Name = "Ashcombe Primary School",
        LaCode = 999,
        TypeOfEstablishment = "Community school",
        PhaseOfEducation = "Primary",
        NumberOfPupils = 200,
        NumberOfBoys = 100,
        NumberOfGirls = 100,
        PercentageFsm = 12.5,
    };

    [Theory]
    [InlineData(0)]
    [InlineData(-23306)]
    public void New_WithAUrnThatIsNotAPositiveWholeNumber_IsRefused(int urn) =>
        Should.Throw<DomainException>(() => new School(urn, Details)).Error.Code.ShouldBe("register.urn");

    [Fact]
    public void UpdateDetails_WithTheSameValues_ChangesNothing()
    {
        var school = new School(999001, Details);
        school.UpdateDetails(Details with { }).ShouldBeEmpty();
    }

    [Fact]
    public void UpdateDetails_ReportsExactlyTheFieldsThatChanged()
    {
        var school = new School(999001, Details);
        school.UpdateDetails(Details with { Telephone = "01632 960000", NumberOfPupils = 210 })
            .ShouldBe(["NumberOfPupils", "Telephone"], ignoreOrder: true);
        school.Details.NumberOfPupils.ShouldBe(210);
    }

    [Fact]
    public void UpdateDetails_ToASpecialSchoolType_MovesThePhase()
    {
        var school = new School(999001, Details);
        school.UpdateDetails(Details with { TypeOfEstablishment = "Community special school", PhaseOfEducation = "Not applicable" });
        school.Phase.ShouldBe(SchoolPhase.Special);
    }

    [Fact]
    public void MarkClosed_KeepsTheSchool_AndIsIdempotent()
    {
        var school = new School(999001, Details);
        school.MarkClosed(new DateOnly(2026, 8, 31)).ShouldBeTrue();
        school.Details.Status.ShouldBe(SchoolStatus.Closed);
        school.Details.CloseDate.ShouldBe(new DateOnly(2026, 8, 31));
        school.IsOpen.ShouldBeFalse();
        school.MarkClosed(null).ShouldBeFalse();
    }

    [Fact]
    public void Validate_RefusesImpossibleValues()
    {
        Details.Validate().ShouldBeEmpty();
        (Details with { Name = " " }).Validate().ShouldContain(e => e.Field == "Name");
        (Details with { LaCode = 42 }).Validate().ShouldContain(e => e.Field == "LaCode");
        (Details with { PercentageFsm = 101 }).Validate().ShouldContain(e => e.Field == "PercentageFsm");
        (Details with { OpenDate = new DateOnly(2020, 9, 1), CloseDate = new DateOnly(2019, 8, 31) }).Validate().ShouldContain(e => e.Field == "CloseDate");
        (Details with { NumberOfPupils = -1 }).Validate().ShouldContain(e => e.Field == "NumberOfPupils");
        (Details with { NumberOfBoys = 103, NumberOfGirls = 100 }).Validate().ShouldBeEmpty("GIAS's own boys and girls can differ a little from its number on roll");
    }

    [Fact]
    public void Validate_AcceptsEveryPercentageFrom0To100() =>
        Gen.Double[0, 100].Sample(p => (Details with { PercentageFsm = p }).Validate().ShouldBeEmpty());

    [Fact]
    public void JoinCluster_Twice_KeepsOneMembership()
    {
        var school = new School(999001, Details);
        var cluster = new Cluster("Riverside Learning Network", ClusterKind.Network);
        school.JoinCluster(cluster);
        school.JoinCluster(cluster);
        school.Memberships.Count.ShouldBe(1);
    }
}
