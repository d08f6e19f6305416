using Microsoft.AspNetCore.Authorization;
using SchoolSight.Domain.Access;

namespace SchoolSight.Web.Authorization;

/// <summary>
/// Every named policy in one place, each one permission of the access table (<see cref="AccessRules"/>). Pages and
/// endpoints name a policy; one school's records are also checked per school by <see cref="PermissionHandler"/>, and
/// the database query filter, reading the same table, is a second layer.
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

    /// <summary>Reads a school's Healthy Schools record: the school's staff and governors, the coordinator, the QUAS, LA officers.</summary>
    public const string HealthySchoolsReader = nameof(HealthySchoolsReader);

    /// <summary>Does a school's Healthy Schools work: its staff, and the coordinator with them.</summary>
    public const string HealthySchoolsContributor = nameof(HealthySchoolsContributor);

    /// <summary>Healthy Schools across the LA: the list of schools, the QUAS queue.</summary>
    public const string HealthySchoolsLaReader = nameof(HealthySchoolsLaReader);

    /// <summary>Keeps the LA's local priorities: the Healthy Schools coordinator.</summary>
    public const string HealthySchoolsCoordinator = nameof(HealthySchoolsCoordinator);

    /// <summary>Decides on what is sent to the QUAS, and records a moderation: the QUAS panel.</summary>
    public const string HealthySchoolsPanel = nameof(HealthySchoolsPanel);

    /// <summary>Draws the year's annual reviews for moderation: the QUAS panel and the coordinator.</summary>
    public const string HealthySchoolsModerationDraw = nameof(HealthySchoolsModerationDraw);

    /// <summary>Reads the QUAS report: the coordinator, the QUAS panel and the SMT.</summary>
    public const string QuasReportReader = nameof(QuasReportReader);

    /// <summary>Sees the Healthy Schools activities that name their organisation: partners.</summary>
    public const string PartnerActivitiesReader = nameof(PartnerActivitiesReader);

    /// <summary>Follows a school's online surveys and their response rates.</summary>
    public const string SurveyReader = nameof(SurveyReader);

    /// <summary>Opens and closes online surveys and prints their codes.</summary>
    public const string SurveyRunner = nameof(SurveyRunner);

    /// <summary>Reads SIP visits: LA officers, the school's SIP, and the school's staff and governors (issued reports only).</summary>
    public const string SipVisitReader = nameof(SipVisitReader);

    /// <summary>Records visits to their assigned schools: SIPs.</summary>
    public const string SipVisitRecorder = nameof(SipVisitRecorder);

    /// <summary>Reviews SIP reports' quality: the QA manager and M&amp;I officers.</summary>
    public const string SipReportReviewer = nameof(SipReportReviewer);

    /// <summary>Sees the SIPs as a service: caseloads, visits against visits due, report quality.</summary>
    public const string SipServiceReader = nameof(SipServiceReader);

    /// <summary>Keeps the SIPs' profiles.</summary>
    public const string SipServiceEditor = nameof(SipServiceEditor);

    /// <summary>Reads paired visits.</summary>
    public const string PairedVisitReader = nameof(PairedVisitReader);

    /// <summary>Records paired visits: the QA manager and M&amp;I officers as senior advisers.</summary>
    public const string PairedVisitRecorder = nameof(PairedVisitRecorder);
    /// <summary>Reads the area's Children and Young People's Plan priorities.</summary>
    public const string PlanPriorityReader = nameof(PlanPriorityReader);

    /// <summary>Keeps the area's Children and Young People's Plan priorities.</summary>
    public const string PlanPriorityKeeper = nameof(PlanPriorityKeeper);
    /// <summary>Reads the LA's self-evaluation and its RAG dashboard: the SMT, the QA manager, the M&amp;I team and the LA administrator.</summary>
    public const string LaSelfEvaluationReader = nameof(LaSelfEvaluationReader);

    /// <summary>Rates the LA's self-evaluation: the SMT and the QA manager.</summary>
    public const string LaSelfEvaluationRecorder = nameof(LaSelfEvaluationRecorder);

    /// <summary>Signs off and reopens the LA's self-evaluation: the SMT.</summary>
    public const string LaSelfEvaluationSigner = nameof(LaSelfEvaluationSigner);

    /// <summary>Each policy's permission in the access table (<see cref="AccessRules"/>); <see cref="SignedIn"/> needs none.</summary>
    public static readonly IReadOnlyDictionary<string, Permission> Permissions = new Dictionary<string, Permission>
    {
        [RegisterReader] = new(Resource.School, ResourceAction.Read),
        [LaStaff] = new(Resource.LaStructure, ResourceAction.Read),
        [LaAdministrator] = new(Resource.Administration, ResourceAction.Edit),
        [ProgrammeReader] = new(Resource.ProgrammeCase, ResourceAction.Read),
        [ProgrammeStaff] = new(Resource.ProgrammeLaRecord, ResourceAction.Read),
        [ProgrammeProposer] = new(Resource.ProgrammeCase, ResourceAction.Propose),
        [ProgrammeDecider] = new(Resource.ProgrammeCase, ResourceAction.Decide),
        [ProgrammeContributor] = new(Resource.ProgrammeCase, ResourceAction.Contribute),
        [ProgrammeRunner] = new(Resource.ProgrammeCase, ResourceAction.Run),
        [CategorisationReader] = new(Resource.LevelProposal, ResourceAction.Read),
        [SchoolLevelReader] = new(Resource.SchoolLevel, ResourceAction.Read),
        [RuleEditor] = new(Resource.RuleSet, ResourceAction.Edit),
        [JudgementReader] = new(Resource.Judgement, ResourceAction.Read),
        [JudgementRecorder] = new(Resource.Judgement, ResourceAction.Record),
        [ConcernKeeper] = new(Resource.Concern, ResourceAction.Read),
        [ConcernCloser] = new(Resource.Concern, ResourceAction.Close),
        [RiskRegisterReader] = new(Resource.RiskRegister, ResourceAction.Read),
        [BoardOrganiser] = new(Resource.BoardMeeting, ResourceAction.Edit),
        [HealthySchoolsReader] = new(Resource.HealthySchools, ResourceAction.Read),
        [HealthySchoolsContributor] = new(Resource.HealthySchools, ResourceAction.Contribute),
        [HealthySchoolsLaReader] = new(Resource.HealthySchoolsLa, ResourceAction.Read),
        [HealthySchoolsCoordinator] = new(Resource.HealthySchoolsLa, ResourceAction.Edit),
        [HealthySchoolsPanel] = new(Resource.HealthySchools, ResourceAction.Decide),
        [HealthySchoolsModerationDraw] = new(Resource.HealthySchoolsLa, ResourceAction.Decide),
        [PartnerActivitiesReader] = new(Resource.PartnerActivities, ResourceAction.Read),
        [QuasReportReader] = new(Resource.QuasReport, ResourceAction.Read),
        [SurveyReader] = new(Resource.PupilSurvey, ResourceAction.Read),
        [SurveyRunner] = new(Resource.PupilSurvey, ResourceAction.Run),
        [SipVisitReader] = new(Resource.SipVisit, ResourceAction.Read),
        [SipVisitRecorder] = new(Resource.SipVisit, ResourceAction.Record),
        [SipReportReviewer] = new(Resource.SipVisit, ResourceAction.Decide),
        [SipServiceReader] = new(Resource.SipService, ResourceAction.Read),
        [SipServiceEditor] = new(Resource.SipService, ResourceAction.Edit),
        [PairedVisitReader] = new(Resource.PairedVisit, ResourceAction.Read),
        [PairedVisitRecorder] = new(Resource.PairedVisit, ResourceAction.Record),
        [PlanPriorityReader] = new(Resource.PlanPriorities, ResourceAction.Read),
        [PlanPriorityKeeper] = new(Resource.PlanPriorities, ResourceAction.Edit),
        [LaSelfEvaluationReader] = new(Resource.LaSelfEvaluation, ResourceAction.Read),
        [LaSelfEvaluationRecorder] = new(Resource.LaSelfEvaluation, ResourceAction.Record),
        [LaSelfEvaluationSigner] = new(Resource.LaSelfEvaluation, ResourceAction.Decide),
    };

    /// <summary>Whether a user in <paramref name="role"/> meets the policy named <paramref name="policy"/>.</summary>
    public static bool Allows(string policy, Role role) =>
        policy == SignedIn || (Permissions.TryGetValue(policy, out var permission) && AccessRules.RolesFor(permission).Contains(role));

    public static void AddSchoolSightPolicies(this AuthorizationOptions options)
    {
        options.AddPolicy(SignedIn, policy => policy.RequireAuthenticatedUser().RequireAssertion(context => context.User.GetRole() is not null));
        foreach (var (name, permission) in Permissions)
            options.AddPolicy(name, policy => policy.RequireAuthenticatedUser().AddRequirements(new PermissionRequirement(permission)));
        options.FallbackPolicy = options.GetPolicy(SignedIn);
    }
}
