namespace SchoolSight.Domain.Access;

/// <summary>What SchoolSight holds, as the object of a permission.</summary>
public enum Resource
{
    /// <summary>A school's register record, its cluster memberships and its SIP assignments.</summary>
    School,

    /// <summary>The LA's structure and LA-wide figures: localities, clusters, networks, partners, area data pages.</summary>
    LaStructure,

    /// <summary>Running SchoolSight: users, imports, the term calendar, the audit trail.</summary>
    Administration,

    /// <summary>A school's pupil-level and survey records.</summary>
    PupilData,

    /// <summary>Published figures and Ofsted's inspection outcomes (public data).</summary>
    PublishedData,

    /// <summary>Computed indicators and the similar schools each school is compared with.</summary>
    Indicators,

    /// <summary>A school's Improving Outcomes Programme case.</summary>
    ProgrammeCase,

    /// <summary>The programme's LA-only records: warning notice drafts, statutory powers, the quarterly report.</summary>
    ProgrammeLaRecord,

    /// <summary>A proposed level of support for a school, waiting for the SMT.</summary>
    LevelProposal,

    /// <summary>The LA's levels of support criteria.</summary>
    RuleSet,

    /// <summary>A school's agreed level of support and its reasons.</summary>
    SchoolLevel,

    /// <summary>A school's self-evaluation and SIP judgements.</summary>
    Judgement,

    /// <summary>The LA's concerns about a school.</summary>
    Concern,

    /// <summary>The risk register and the board packs.</summary>
    RiskRegister,

    /// <summary>The SSEB's and the locality boards' meetings.</summary>
    BoardMeeting,

    /// <summary>A school's Healthy Schools enhancement work: its group, priorities, outcomes, indicators and exchange with the QUAS.</summary>
    HealthySchools,

    /// <summary>Healthy Schools across the LA: the local priorities, the QUAS queue, the list of schools and their awards.</summary>
    HealthySchoolsLa,

    /// <summary>The QUAS report: the evidence for commissioning that the panel gives the LA.</summary>
    QuasReport,

    /// <summary>The Healthy Schools activities that name a partner organisation, as that partner's own users see them.</summary>
    PartnerActivities,

    /// <summary>A school's online pupil and parent surveys: their windows, access codes and response rates.</summary>
    PupilSurvey,

    /// <summary>The LA's self-evaluation against its quality standards and its RAG dashboard.</summary>
    LaSelfEvaluation,

    /// <summary>A SIP's records of visit to a school and their reports (the school reads only issued reports).</summary>
    SipVisit,

    /// <summary>A senior adviser's paired visit with a SIP to a school, and its written summary.</summary>
    PairedVisit,

    /// <summary>The SIPs as a service: their profiles, caseloads, visits against visits due, and the quality of their reports.</summary>
    SipService,
    /// <summary>The area's Children and Young People's Plan priorities, which schools' well-being self-evaluations serve.</summary>
    PlanPriorities,
}

/// <summary>What a user does to a resource.</summary>
public enum ResourceAction
{
    Read,
    Edit,
    Propose,
    Decide,
    Contribute,
    Run,
    Record,
    Close,
    Adopt,
}

/// <summary>One action on one resource: the thing a page, an endpoint, an operation or the query filter asks about.</summary>
public readonly record struct Permission(Resource Resource, ResourceAction Action)
{
    public override string ToString() => $"{Action} {Resource}";
}

/// <summary>
/// Who may do what (DOMAIN.md section 1; seed 004 sections 4 and 5): the one table every check reads. The web
/// policies are generated from it, the Core operations check it, and the database query filter gives each role only
/// the rows of the resources it may read. For resources held per school (<see cref="IsHeldPerSchool"/>) the user
/// must also have the school in their scope.
/// </summary>
public static class AccessRules
{
    /// <summary>The LA officers who see and act across the whole LA for school improvement.</summary>
    public static readonly IReadOnlySet<Role> LaImprovement = Set(Role.LaAdministrator, Role.SeniorManager, Role.QualityAssuranceManager, Role.InterventionOfficer);

    /// <summary>Everyone who may read school records at all: every role but outside partners.</summary>
    public static readonly IReadOnlySet<Role> SchoolReaders = Set([.. Roles.All.Where(r => r != Role.Partner)]);

    /// <summary>A school's own people and LA officers: the LA officers, the school's SIP, its staff and governors.</summary>
    public static readonly IReadOnlySet<Role> SchoolAndLaImprovement = Set([.. LaImprovement, Role.SchoolImprovementPartner, Role.SchoolUser, Role.Governor]);

    private static readonly IReadOnlySet<Role> LaAdministrators = Set(Role.LaAdministrator);
    private static readonly IReadOnlySet<Role> HealthySchoolsReaders =
        Set([.. LaImprovement, Role.HealthySchoolsCoordinator, Role.QuasPanelMember, Role.SchoolUser, Role.Governor]);
    private static readonly IReadOnlySet<Role> ConcernKeepers = Set([.. LaImprovement, Role.SchoolImprovementPartner]);

    /// <summary>The table: every permission with the roles that hold it. A permission not listed is held by no one.</summary>
    public static readonly IReadOnlyDictionary<Permission, IReadOnlySet<Role>> Table = new Dictionary<Permission, IReadOnlySet<Role>>
    {
        [new(Resource.School, ResourceAction.Read)] = SchoolReaders,
        [new(Resource.School, ResourceAction.Edit)] = LaAdministrators,
        [new(Resource.LaStructure, ResourceAction.Read)] = Set([.. Roles.All.Where(r => r.SeesWholeLa()), Role.SchoolImprovementPartner]),
        [new(Resource.Administration, ResourceAction.Edit)] = LaAdministrators,

        // Pupil-level data: the LA officers who run school improvement, and a school's own staff and SIP (DOMAIN.md 3.4).
        [new(Resource.PupilData, ResourceAction.Read)] = Set([.. LaImprovement, Role.SchoolImprovementPartner, Role.SchoolUser]),
        [new(Resource.PupilData, ResourceAction.Edit)] = LaAdministrators,
        [new(Resource.PublishedData, ResourceAction.Read)] = SchoolReaders,
        [new(Resource.PublishedData, ResourceAction.Edit)] = LaAdministrators,
        [new(Resource.Indicators, ResourceAction.Read)] = SchoolReaders,

        // The Improving Outcomes Programme: the SMT agrees entry, exit and warning notices; the M&I team runs cases day
        // to day; the QA manager proposes with the M&I team and closes cases; SIPs and the school contribute; governors read.
        [new(Resource.ProgrammeCase, ResourceAction.Read)] = SchoolAndLaImprovement,
        [new(Resource.ProgrammeCase, ResourceAction.Propose)] = Set(Role.InterventionOfficer, Role.QualityAssuranceManager),
        [new(Resource.ProgrammeCase, ResourceAction.Decide)] = Set(Role.SeniorManager, Role.QualityAssuranceManager, Role.InterventionOfficer),
        [new(Resource.ProgrammeCase, ResourceAction.Contribute)] = Set(Role.InterventionOfficer, Role.SchoolImprovementPartner, Role.SchoolUser),
        [new(Resource.ProgrammeCase, ResourceAction.Run)] = Set(Role.InterventionOfficer),
        [new(Resource.ProgrammeLaRecord, ResourceAction.Read)] = LaImprovement,

        // Levels of support: the QA manager and the M&I team run the criteria; only the SMT agrees a level; the LA
        // administrator looks after the criteria with the SMT.
        [new(Resource.LevelProposal, ResourceAction.Read)] = LaImprovement,
        [new(Resource.LevelProposal, ResourceAction.Propose)] = LaImprovement,
        [new(Resource.LevelProposal, ResourceAction.Decide)] = Set(Role.SeniorManager),
        [new(Resource.RuleSet, ResourceAction.Read)] = LaImprovement,
        [new(Resource.RuleSet, ResourceAction.Edit)] = Set(Role.LaAdministrator, Role.SeniorManager, Role.QualityAssuranceManager),
        [new(Resource.RuleSet, ResourceAction.Adopt)] = Set(Role.LaAdministrator, Role.SeniorManager),
        [new(Resource.SchoolLevel, ResourceAction.Read)] = SchoolAndLaImprovement,

        // Evidence kept by hand: a school records its self-evaluation, its SIP theirs, the LA officers either; governors
        // read. Concerns are LA records (ADR 0009): school users and governors never see them.
        [new(Resource.Judgement, ResourceAction.Read)] = SchoolAndLaImprovement,
        [new(Resource.Judgement, ResourceAction.Record)] = Set([.. LaImprovement, Role.SchoolImprovementPartner, Role.SchoolUser]),
        [new(Resource.Concern, ResourceAction.Read)] = ConcernKeepers,
        [new(Resource.Concern, ResourceAction.Record)] = ConcernKeepers,
        [new(Resource.Concern, ResourceAction.Close)] = LaImprovement,

        [new(Resource.RiskRegister, ResourceAction.Read)] = LaImprovement,
        [new(Resource.BoardMeeting, ResourceAction.Edit)] = Set(Role.LaAdministrator, Role.SeniorManager, Role.QualityAssuranceManager),

        // Healthy Schools: the school's staff do their school's work, the coordinator supports every school, governors
        // read their school's, the QUAS panel decides on what is sent to it.
        [new(Resource.HealthySchools, ResourceAction.Read)] = HealthySchoolsReaders,
        [new(Resource.HealthySchools, ResourceAction.Contribute)] = Set(Role.SchoolUser, Role.HealthySchoolsCoordinator),
        [new(Resource.HealthySchools, ResourceAction.Decide)] = Set(Role.QuasPanelMember),
        [new(Resource.HealthySchoolsLa, ResourceAction.Read)] = Set([.. LaImprovement, Role.HealthySchoolsCoordinator, Role.QuasPanelMember]),
        [new(Resource.HealthySchoolsLa, ResourceAction.Edit)] = Set(Role.HealthySchoolsCoordinator),
        // The QUAS and the coordinator draw the year's annual reviews for moderation.
        [new(Resource.HealthySchoolsLa, ResourceAction.Decide)] = Set(Role.QuasPanelMember, Role.HealthySchoolsCoordinator),
        // The QUAS report, for commissioning: the coordinator, the panel and the SMT read it.
        [new(Resource.QuasReport, ResourceAction.Read)] = Set(Role.HealthySchoolsCoordinator, Role.QuasPanelMember, Role.SeniorManager),
        // Partners see the activities that name their organisation, and nothing else of Healthy Schools.
        [new(Resource.PartnerActivities, ResourceAction.Read)] = Set(Role.Partner),

        // Online pupil and parent surveys: the LA opens them for chosen schools, a school for itself; its SIP follows
        // the response rates. Pupils and parents answer with codes, without signing in.
        [new(Resource.PupilSurvey, ResourceAction.Read)] = Set([.. LaImprovement, Role.SchoolImprovementPartner, Role.SchoolUser]),
        [new(Resource.PupilSurvey, ResourceAction.Run)] = Set([.. LaImprovement, Role.SchoolUser]),

        // The LA's self-evaluation: the SMT and the QA manager rate it, the SMT signs it off, the M&I team and the LA
        // administrator read it; schools, governors, SIPs and partners see nothing of it.
        [new(Resource.LaSelfEvaluation, ResourceAction.Read)] = LaImprovement,
        [new(Resource.LaSelfEvaluation, ResourceAction.Record)] = Set(Role.SeniorManager, Role.QualityAssuranceManager),
        [new(Resource.LaSelfEvaluation, ResourceAction.Decide)] = Set(Role.SeniorManager),

        // SIP visits: a SIP records their assigned schools' visits; the headteacher answers the issued report; the
        // school and its governors read issued reports (never drafts); the QA manager and M&I officers review the
        // reports and join SIPs on paired visits. Partners see none of it.
        [new(Resource.SipVisit, ResourceAction.Read)] = SchoolAndLaImprovement,
        [new(Resource.SipVisit, ResourceAction.Record)] = Set(Role.SchoolImprovementPartner),
        [new(Resource.SipVisit, ResourceAction.Contribute)] = Set(Role.SchoolUser),
        [new(Resource.SipVisit, ResourceAction.Decide)] = Set(Role.QualityAssuranceManager, Role.InterventionOfficer),
        [new(Resource.PairedVisit, ResourceAction.Read)] = Set([.. LaImprovement, Role.SchoolImprovementPartner, Role.SchoolUser]),
        [new(Resource.PairedVisit, ResourceAction.Record)] = Set(Role.QualityAssuranceManager, Role.InterventionOfficer),
        [new(Resource.SipService, ResourceAction.Read)] = Set([.. LaImprovement, Role.SchoolImprovementPartner]),
        [new(Resource.SipService, ResourceAction.Edit)] = Set(Role.LaAdministrator, Role.QualityAssuranceManager),
        // The area's Children and Young People's Plan priorities: the LA keeps the list, schools choose from it.
        [new(Resource.PlanPriorities, ResourceAction.Read)] = SchoolAndLaImprovement,
        [new(Resource.PlanPriorities, ResourceAction.Edit)] = LaImprovement,
    };

    /// <summary>Resources held per school: a user reaches a school's rows only when the school is in their scope.</summary>
    public static bool IsHeldPerSchool(Resource resource) => resource switch
    {
        Resource.School or Resource.PupilData or Resource.ProgrammeCase or Resource.LevelProposal
            or Resource.SchoolLevel or Resource.Judgement or Resource.Concern or Resource.HealthySchools or Resource.PupilSurvey
            or Resource.SipVisit or Resource.PairedVisit => true,
        // Published data and indicators are the benchmarks every school is compared with; the rest are LA-wide.
        Resource.LaStructure or Resource.Administration or Resource.PublishedData or Resource.Indicators
            or Resource.ProgrammeLaRecord or Resource.RuleSet or Resource.RiskRegister or Resource.BoardMeeting or Resource.HealthySchoolsLa or Resource.QuasReport or Resource.PartnerActivities
            or Resource.SipService or Resource.PlanPriorities or Resource.LaSelfEvaluation => false,
    };

    private static readonly IReadOnlySet<Role> Nobody = new HashSet<Role>();

    /// <summary>The roles that hold <paramref name="permission"/>.</summary>
    public static IReadOnlySet<Role> RolesFor(Permission permission) => Table.GetValueOrDefault(permission, Nobody);

    public static IReadOnlySet<Role> RolesFor(Resource resource, ResourceAction action) => RolesFor(new Permission(resource, action));

    /// <summary>Whether <paramref name="role"/> may do <paramref name="action"/> to <paramref name="resource"/> at all (before any school scope).</summary>
    public static bool Allows(this Role role, Resource resource, ResourceAction action) => RolesFor(resource, action).Contains(role);

    /// <inheritdoc cref="Allows(Role, Resource, ResourceAction)"/>
    public static bool Allows(this Role? role, Resource resource, ResourceAction action) => role is { } r && r.Allows(resource, action);

    /// <summary>Whether <paramref name="role"/> with <paramref name="scope"/> may do <paramref name="action"/> to one school's <paramref name="resource"/>.</summary>
    public static bool Allows(this Role? role, SchoolScope scope, Resource resource, ResourceAction action, int urn) =>
        role.Allows(resource, action) && (!IsHeldPerSchool(resource) || scope.Includes(urn));

    private static HashSet<Role> Set(params Role[] roles) => [.. roles];
}
