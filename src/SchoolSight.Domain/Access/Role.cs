namespace SchoolSight.Domain.Access;

/// <summary>The roles of DOMAIN.md section 1. A user holds exactly one.</summary>
public enum Role
{
    LaAdministrator,
    SeniorManager,
    QualityAssuranceManager,
    InterventionOfficer,
    SchoolImprovementPartner,
    HealthySchoolsCoordinator,
    QuasPanelMember,
    SchoolUser,
    Governor,
    Partner,
}

public static class Roles
{
    public static readonly IReadOnlyList<Role> All = Enum.GetValues<Role>();

    public static string DisplayName(this Role role) => role switch
    {
        Role.LaAdministrator => "LA administrator",
        Role.SeniorManager => "Senior management team member",
        Role.QualityAssuranceManager => "Quality assurance manager",
        Role.InterventionOfficer => "Monitoring and intervention officer",
        Role.SchoolImprovementPartner => "School improvement partner",
        Role.HealthySchoolsCoordinator => "Healthy Schools coordinator",
        Role.QuasPanelMember => "QUAS panel member",
        Role.SchoolUser => "School user",
        Role.Governor => "Governor",
        Role.Partner => "Partner",
    };

    /// <summary>Roles that see everything in the LA (DOMAIN.md section 1, "may see").</summary>
    public static bool SeesWholeLa(this Role role) => role switch
    {
        Role.LaAdministrator or Role.SeniorManager or Role.QualityAssuranceManager or Role.InterventionOfficer => true,
        // Healthy Schools and the QUAS panel work across all schools' Healthy Schools records; the register is the list of those schools.
        Role.HealthySchoolsCoordinator or Role.QuasPanelMember => true,
        Role.SchoolImprovementPartner or Role.SchoolUser or Role.Governor or Role.Partner => false,
    };

    /// <summary>Roles bound to one school.</summary>
    public static bool IsSchoolBound(this Role role) => role is Role.SchoolUser or Role.Governor;

    /// <summary>LA staff: everyone who works for or with the LA centrally, as opposed to a school, a governor or an outside partner.</summary>
    public static bool IsLaStaff(this Role role) => role.SeesWholeLa() || role == Role.SchoolImprovementPartner;
}
