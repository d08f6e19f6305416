using SchoolSight.Domain.Access;

namespace SchoolSight.Domain.HealthySchools;

/// <summary>Who does what in Healthy Schools, in the words of the enhancement model.</summary>
public static class HealthySchoolsRoles
{
    /// <summary>The school's staff do their school's work; the coordinator supports them and may do it with them.</summary>
    public static readonly IReadOnlySet<Role> SchoolWork = new HashSet<Role> { Role.SchoolUser, Role.HealthySchoolsCoordinator };

    /// <summary>The QUAS panel decides on what is sent to it.</summary>
    public static readonly IReadOnlySet<Role> Panel = new HashSet<Role> { Role.QuasPanelMember };

    /// <summary>The coordinator keeps the LA's list of local priorities.</summary>
    public static readonly IReadOnlySet<Role> Coordinator = new HashSet<Role> { Role.HealthySchoolsCoordinator };
}
