using SchoolSight.Domain.Access;

namespace SchoolSight.Domain.Tests.Access;

public sealed class RoleTests
{
    [Theory]
    [InlineData(Role.LaAdministrator, true)]
    [InlineData(Role.SeniorManager, true)]
    [InlineData(Role.QualityAssuranceManager, true)]
    [InlineData(Role.InterventionOfficer, true)]
    [InlineData(Role.HealthySchoolsCoordinator, true)]
    [InlineData(Role.QuasPanelMember, true)]
    [InlineData(Role.SchoolImprovementPartner, false)]
    [InlineData(Role.SchoolUser, false)]
    [InlineData(Role.Governor, false)]
    [InlineData(Role.Partner, false)]
    public void SeesWholeLa_FollowsDomainSection1(Role role, bool expected) => role.SeesWholeLa().ShouldBe(expected);

    [Fact]
    public void OnlySchoolUsersAndGovernors_AreBoundToASchool() =>
        Roles.All.Where(r => r.IsSchoolBound()).ShouldBe([Role.SchoolUser, Role.Governor], ignoreOrder: true);

    [Fact]
    public void AScope_OfSomeSchools_IncludesOnlyThem()
    {
        var scope = SchoolScope.Of([999001, 999004]);
        scope.Includes(999001).ShouldBeTrue();
        scope.Includes(999002).ShouldBeFalse();
        SchoolScope.Nothing.Includes(999001).ShouldBeFalse();
        SchoolScope.Everything.Includes(123456).ShouldBeTrue();
    }
}
