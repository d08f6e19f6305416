using Microsoft.AspNetCore.Authorization;
using SchoolSight.Core.Categorisation;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Categorisation;
using SchoolSight.Domain.ImprovingOutcomes;

namespace SchoolSight.Web.Authorization;

/// <summary>
/// Every named policy in one place. Pages and endpoints name a policy; school-level records are also checked
/// per school by <see cref="SchoolAuthorizationHandler"/>, and the database query filter is a second layer.
/// </summary>
public static class Policies
{
    /// <summary>Anyone signed in.</summary>
    public const string SignedIn = nameof(SignedIn);

    /// <summary>Anyone who may read school register records (within their school scope): everyone but outside partners.</summary>
    public const string RegisterReader = nameof(RegisterReader);

    /// <summary>LA staff: the LA-wide roles and school improvement partners (localities, clusters).</summary>
    public const string LaStaff = nameof(LaStaff);

    /// <summary>Runs the system: users, imports, register edits, the audit trail.</summary>
    public const string LaAdministrator = nameof(LaAdministrator);

    /// <summary>Sees Improving Outcomes Programme cases (their own schools' for SIPs, school users and governors).</summary>
    public const string ProgrammeReader = nameof(ProgrammeReader);

    /// <summary>LA programme staff: warning notices, statutory powers, the quarterly report.</summary>
    public const string ProgrammeStaff = nameof(ProgrammeStaff);

    /// <summary>Proposes schools for the programme: the M&amp;I team and the QA manager.</summary>
    public const string ProgrammeProposer = nameof(ProgrammeProposer);

    /// <summary>Makes at least one move of a case's lifecycle (the SMT, the M&amp;I team, the QA manager).</summary>
    public const string ProgrammeDecider = nameof(ProgrammeDecider);

    /// <summary>Keeps a case's plan, management group and progress reports up to date (M&amp;I, SIP, school).</summary>
    public const string ProgrammeContributor = nameof(ProgrammeContributor);

    /// <summary>Runs cases day to day: meetings, budgets (the M&amp;I team).</summary>
    public const string ProgrammeRunner = nameof(ProgrammeRunner);

    /// <summary>Sees every school's level, the proposals and the rule sets: LA staff who work across the LA on school improvement.</summary>
    public const string CategorisationReader = nameof(CategorisationReader);

    /// <summary>Sees a school's agreed level and its reasons: categorisation readers, and the school's own users, governors and SIP.</summary>
    public const string SchoolLevelReader = nameof(SchoolLevelReader);

    /// <summary>Uploads and previews levels of support criteria.</summary>
    public const string RuleEditor = nameof(RuleEditor);
    /// <summary>Reads a school's self-evaluation and SIP judgements (LA officers, the school's SIP, staff and governors).</summary>
    public const string JudgementReader = nameof(JudgementReader);

    /// <summary>Records judgements: the school's self-evaluation or the SIP's, as the role allows.</summary>
    public const string JudgementRecorder = nameof(JudgementRecorder);

    /// <summary>Reads and records the LA's concerns about a school (LA officers, the school's SIP).</summary>
    public const string ConcernKeeper = nameof(ConcernKeeper);

    /// <summary>Closes concerns (the LA's school improvement officers).</summary>
    public const string ConcernCloser = nameof(ConcernCloser);
    /// <summary>The risk register and the board packs: the LA officers who run school improvement.</summary>
    public const string RiskRegisterReader = nameof(RiskRegisterReader);

    /// <summary>Arranges the SSEB's and the locality boards' meetings.</summary>
    public const string BoardOrganiser = nameof(BoardOrganiser);

    public static readonly IReadOnlyDictionary<string, Func<Role, bool>> Rules = new Dictionary<string, Func<Role, bool>>
    {
        [SignedIn] = _ => true,
        [RegisterReader] = role => role != Role.Partner,
        [LaStaff] = role => role.IsLaStaff(),
        [LaAdministrator] = role => role == Role.LaAdministrator,
        [ProgrammeReader] = ProgrammeRoles.Readers.Contains,
        [ProgrammeStaff] = ProgrammeRoles.LaProgrammeStaff.Contains,
        [ProgrammeProposer] = ProgrammeRoles.Proposers.Contains,
        [ProgrammeDecider] = role => CaseLifecycle.Moves.Any(m => m.Roles.Contains(role)),
        [ProgrammeContributor] = ProgrammeRoles.Contributors.Contains,
        [ProgrammeRunner] = ProgrammeRoles.Runners.Contains,
        [CategorisationReader] = CategorisationRoles.LaReaders.Contains,
        [SchoolLevelReader] = CategorisationRoles.SchoolLevelReaders.Contains,
        [RuleEditor] = CategorisationRoles.RuleEditors.Contains,
        [JudgementReader] = EvidenceRoles.JudgementReaders.Contains,
        [JudgementRecorder] = EvidenceRoles.JudgementRecorders.Contains,
        [ConcernKeeper] = EvidenceRoles.ConcernKeepers.Contains,
        [ConcernCloser] = EvidenceRoles.ConcernClosers.Contains,
        [RiskRegisterReader] = BoardRoles.Readers.Contains,
        [BoardOrganiser] = BoardRoles.Organisers.Contains,
    };

    public static void AddSchoolSightPolicies(this AuthorizationOptions options)
    {
        foreach (var (name, rule) in Rules)
        {
            options.AddPolicy(name, policy => policy
                .RequireAuthenticatedUser()
                .RequireAssertion(context => context.User.GetRole() is { } role && rule(role)));
        }
        options.FallbackPolicy = options.GetPolicy(SignedIn);
    }
}
