using SchoolSight.Domain.Access;
using SchoolSight.Domain.Workflows;

namespace SchoolSight.Domain.ImprovingOutcomes;

/// <summary>
/// Who does what in the programme (DOMAIN.md section 1, seed 004 section 4): the SMT agrees entry, exit and warning
/// notices; the M&amp;I team runs cases day to day; the QA manager owns the programme, proposes entry with the M&amp;I
/// team and closes cases; SIPs and the school contribute to their own cases; governors read.
/// </summary>
public static class ProgrammeRoles
{
    public static readonly IReadOnlySet<Role> Smt = new HashSet<Role> { Role.SeniorManager };
    public static readonly IReadOnlySet<Role> Proposers = AccessRules.RolesFor(Resource.ProgrammeCase, ResourceAction.Propose);
    public static readonly IReadOnlySet<Role> Runners = AccessRules.RolesFor(Resource.ProgrammeCase, ResourceAction.Run);
    public static readonly IReadOnlySet<Role> Closers = new HashSet<Role> { Role.InterventionOfficer, Role.QualityAssuranceManager };

    /// <summary>Keep the plan's actions up to date, hold management group meetings and write progress reports.</summary>
    public static readonly IReadOnlySet<Role> Contributors = AccessRules.RolesFor(Resource.ProgrammeCase, ResourceAction.Contribute);

    /// <summary>The school improvement partner agrees (or not) with the progress judgements (seed 004, 7.2).</summary>
    public static readonly IReadOnlySet<Role> Sips = new HashSet<Role> { Role.SchoolImprovementPartner };

    /// <summary>Termly monitoring after exit is carried out by the SIP or the M&amp;I manager (seed 004, 5.3).</summary>
    public static readonly IReadOnlySet<Role> Monitors = new HashSet<Role> { Role.InterventionOfficer, Role.SchoolImprovementPartner };

    /// <summary>LA staff who see every case and the programme's LA-only records (warning notice drafts, powers, the quarterly report).</summary>
    public static readonly IReadOnlySet<Role> LaProgrammeStaff = AccessRules.RolesFor(Resource.ProgrammeLaRecord, ResourceAction.Read);

    /// <summary>Everyone who may see cases: LA programme staff everywhere; SIPs, school users and governors for their own schools.</summary>
    public static readonly IReadOnlySet<Role> Readers = AccessRules.RolesFor(Resource.ProgrammeCase, ResourceAction.Read);

    public static string Names(IReadOnlySet<Role> roles) => WorkflowErrors.Names(roles);

    public static void Require(IReadOnlySet<Role> roles, Actor actor, string doing)
    {
        if (!roles.Contains(actor.Role)) throw new DomainException(ProgrammeErrors.RoleNotAllowed(roles, doing));
    }
}
