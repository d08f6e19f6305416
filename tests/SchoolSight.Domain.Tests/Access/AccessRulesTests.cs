using SchoolSight.Domain.Access;
using SchoolSight.Domain.ImprovingOutcomes;

namespace SchoolSight.Domain.Tests.Access;

public sealed class AccessRulesTests
{
    [Fact]
    public void DecidingOnProgrammeCases_IsHeldByExactlyTheRolesThatMakeALifecycleMove() =>
        AccessRules.RolesFor(Resource.ProgrammeCase, ResourceAction.Decide)
            .ShouldBe(CaseLifecycle.Moves.SelectMany(m => m.Roles).Distinct(), ignoreOrder: true);

    [Theory]
    [InlineData(Role.HealthySchoolsCoordinator)]
    [InlineData(Role.QuasPanelMember)]
    public void AWholeLaRole_OutsideSchoolImprovement_ReadsTheRegisterButNoCasesConcernsJudgementsOrLevels(Role role)
    {
        role.SeesWholeLa().ShouldBeTrue();
        role.Allows(Resource.School, ResourceAction.Read).ShouldBeTrue();
        foreach (var resource in new[] { Resource.ProgrammeCase, Resource.Concern, Resource.Judgement, Resource.SchoolLevel, Resource.LevelProposal, Resource.PupilData })
            role.Allows(resource, ResourceAction.Read).ShouldBeFalse(resource.ToString());
    }

    [Fact]
    public void NoOne_WithoutARole_HoldsAnyPermission() =>
        AccessRules.Table.Keys.Where(p => ((Role?)null).Allows(p.Resource, p.Action)).ShouldBeEmpty();

    [Fact]
    public void ARecordHeldPerSchool_IsOutOfReach_OutsideTheUsersSchools()
    {
        Role? head = Role.SchoolUser;
        var own = SchoolScope.Of([999001]);
        head.Allows(own, Resource.Judgement, ResourceAction.Record, 999001).ShouldBeTrue();
        head.Allows(own, Resource.Judgement, ResourceAction.Record, 999002).ShouldBeFalse();
        // Published figures are every school's benchmarks, not held per school.
        head.Allows(own, Resource.PublishedData, ResourceAction.Read, 999002).ShouldBeTrue();
    }

    [Fact]
    public void SchoolUsersAndGovernors_NeverReadConcerns() =>
        AccessRules.RolesFor(Resource.Concern, ResourceAction.Read).Intersect([Role.SchoolUser, Role.Governor]).ShouldBeEmpty();
}
