using SchoolSight.Domain.Access;

namespace SchoolSight.Domain.Sip;

/// <summary>Who does what with school improvement partners' visits and reports.</summary>
public static class SipRoles
{
    /// <summary>The school's own SIP records its visits and issues the reports.</summary>
    public static readonly IReadOnlySet<Role> Visitors = new HashSet<Role> { Role.SchoolImprovementPartner };

    /// <summary>The headteacher (a school user) answers an issued report: accurate or inaccurate, with a comment.</summary>
    public static readonly IReadOnlySet<Role> Heads = new HashSet<Role> { Role.SchoolUser };

    /// <summary>The QA manager and the monitoring and intervention officers review the reports' quality and join SIPs on paired visits.</summary>
    public static readonly IReadOnlySet<Role> Reviewers = new HashSet<Role> { Role.QualityAssuranceManager, Role.InterventionOfficer };

    /// <summary>Who keeps the SIPs' profiles (headship experience and phase).</summary>
    public static readonly IReadOnlySet<Role> ProfileKeepers = new HashSet<Role> { Role.LaAdministrator, Role.QualityAssuranceManager };
}
