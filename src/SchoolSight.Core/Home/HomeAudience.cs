using SchoolSight.Core.Categorisation;
using SchoolSight.Domain.Access;

namespace SchoolSight.Core.Home;

/// <summary>
/// Which parts of the home page each role is given, read from the access table where a permission says it: the SMT
/// agrees levels, the LA administrator looks after imports, the Healthy Schools coordinator and the QUAS panel work the
/// QUAS queue. Programme deadlines go to the people who meet them (the M&amp;I team and the QA manager who run cases, the
/// SIP, the school and its governors), not to those who only decide.
/// </summary>
public static class HomeAudience
{
    public static bool DecidesLevels(Role role) => CategorisationRoles.Deciders.Contains(role);

    public static bool SeesProgramme(Role role) => AccessRules.RolesFor(Resource.ProgrammeCase, ResourceAction.Read).Contains(role);

    public static bool MeetsDeadlines(Role role) =>
        role is Role.InterventionOfficer or Role.QualityAssuranceManager or Role.SchoolImprovementPartner or Role.SchoolUser or Role.Governor;

    public static bool WorksQuasQueue(Role role) => role is Role.QuasPanelMember or Role.HealthySchoolsCoordinator;

    public static bool FollowsSchools(Role role) => CategorisationRoles.SchoolLevelReaders.Contains(role);

    public static bool RunsImports(Role role) => AccessRules.RolesFor(Resource.Administration, ResourceAction.Edit).Contains(role);
}
