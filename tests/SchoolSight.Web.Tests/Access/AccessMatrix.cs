using SchoolSight.Domain.Access;
using SchoolSight.Domain.ImprovingOutcomes;

namespace SchoolSight.Web.Tests.Access;

/// <summary>
/// Who may reach every page and API endpoint of SchoolSight (DOMAIN.md section 1). Every endpoint the app maps must
/// be listed here: <see cref="AccessMatrixTests.EveryEndpoint_IsInTheMatrix"/> fails on one that is not.
/// </summary>
public static class AccessMatrix
{
    public static readonly IReadOnlySet<Role> Everyone = Roles.All.ToHashSet();
    public static readonly IReadOnlySet<Role> RegisterReaders = Roles.All.Where(r => r != Role.Partner).ToHashSet();
    public static readonly IReadOnlySet<Role> LaStaff = Roles.All.Where(r => r.IsLaStaff()).ToHashSet();
    public static readonly IReadOnlySet<Role> Administrators = new HashSet<Role> { Role.LaAdministrator };

    // Improving Outcomes Programme (DOMAIN.md sections 1 and 5).
    public static readonly IReadOnlySet<Role> ProgrammeReaders = ProgrammeRoles.Readers;
    public static readonly IReadOnlySet<Role> ProgrammeStaff = ProgrammeRoles.LaProgrammeStaff;
    public static readonly IReadOnlySet<Role> ProgrammeProposers = new HashSet<Role> { Role.InterventionOfficer, Role.QualityAssuranceManager };
    public static readonly IReadOnlySet<Role> ProgrammeDeciders = new HashSet<Role> { Role.SeniorManager, Role.InterventionOfficer, Role.QualityAssuranceManager };
    public static readonly IReadOnlySet<Role> ProgrammeContributors = new HashSet<Role> { Role.InterventionOfficer, Role.SchoolImprovementPartner, Role.SchoolUser };
    public static readonly IReadOnlySet<Role> ProgrammeRunners = new HashSet<Role> { Role.InterventionOfficer };

    // Levels of support and intervention (DOMAIN.md sections 1 and 4).
    public static readonly IReadOnlySet<Role> CategorisationReaders = new HashSet<Role> { Role.LaAdministrator, Role.SeniorManager, Role.QualityAssuranceManager, Role.InterventionOfficer };
    public static readonly IReadOnlySet<Role> SchoolLevelReaders = new HashSet<Role>
        { Role.LaAdministrator, Role.SeniorManager, Role.QualityAssuranceManager, Role.InterventionOfficer, Role.SchoolImprovementPartner, Role.SchoolUser, Role.Governor };
    public static readonly IReadOnlySet<Role> RuleEditors = new HashSet<Role> { Role.LaAdministrator, Role.SeniorManager, Role.QualityAssuranceManager };
    public static readonly IReadOnlySet<Role> RuleAdopters = new HashSet<Role> { Role.LaAdministrator, Role.SeniorManager };
    public static readonly IReadOnlySet<Role> Smt = new HashSet<Role> { Role.SeniorManager };
    // Categorisation evidence kept by hand (DOMAIN.md sections 1 and 4; seed 004 7.2). Written out, not taken from EvidenceRoles, so a change there fails here.
    private static readonly IReadOnlySet<Role> LaImprovement = new HashSet<Role> { Role.LaAdministrator, Role.SeniorManager, Role.QualityAssuranceManager, Role.InterventionOfficer };
    public static readonly IReadOnlySet<Role> JudgementReaders = new HashSet<Role>(LaImprovement) { Role.SchoolImprovementPartner, Role.SchoolUser, Role.Governor };
    public static readonly IReadOnlySet<Role> JudgementRecorders = new HashSet<Role>(LaImprovement) { Role.SchoolImprovementPartner, Role.SchoolUser };
    public static readonly IReadOnlySet<Role> ConcernKeepers = new HashSet<Role>(LaImprovement) { Role.SchoolImprovementPartner };
    public static readonly IReadOnlySet<Role> ConcernClosers = LaImprovement;
    // Levels of support: the risk register and the board packs (DOMAIN.md 4 and 10).
    public static readonly IReadOnlySet<Role> RiskRegisterReaders = new HashSet<Role> { Role.LaAdministrator, Role.SeniorManager, Role.QualityAssuranceManager, Role.InterventionOfficer };
    public static readonly IReadOnlySet<Role> BoardOrganisers = new HashSet<Role> { Role.LaAdministrator, Role.SeniorManager, Role.QualityAssuranceManager };
    // Online pupil and parent surveys: the LA and the school run them, the SIP follows them; pupils and parents answer signed out.
    public static readonly IReadOnlySet<Role> SurveyReaders = new HashSet<Role>(LaImprovement) { Role.SchoolImprovementPartner, Role.SchoolUser };
    public static readonly IReadOnlySet<Role> SurveyRunners = new HashSet<Role>(LaImprovement) { Role.SchoolUser };

    // Healthy Schools (DOMAIN.md sections 1 and 6): the school's staff do its work with the coordinator, governors read,
    // the QUAS decides, LA officers see everything. Written out, not taken from AccessRules, so a change there fails here.
    public static readonly IReadOnlySet<Role> HealthySchoolsReaders = new HashSet<Role>(LaImprovement) { Role.HealthySchoolsCoordinator, Role.QuasPanelMember, Role.SchoolUser, Role.Governor };
    public static readonly IReadOnlySet<Role> HealthySchoolsContributors = new HashSet<Role> { Role.HealthySchoolsCoordinator, Role.SchoolUser };
    public static readonly IReadOnlySet<Role> HealthySchoolsLa = new HashSet<Role>(LaImprovement) { Role.HealthySchoolsCoordinator, Role.QuasPanelMember };
    public static readonly IReadOnlySet<Role> HealthySchoolsCoordinator = new HashSet<Role> { Role.HealthySchoolsCoordinator };
    public static readonly IReadOnlySet<Role> HealthySchoolsPanel = new HashSet<Role> { Role.QuasPanelMember };
    public static readonly IReadOnlySet<Role> HealthySchoolsModerators = new HashSet<Role> { Role.QuasPanelMember, Role.HealthySchoolsCoordinator };
    // The QUAS report, for commissioning: the coordinator, the QUAS panel and the SMT.
    public static readonly IReadOnlySet<Role> QuasReportReaders = new HashSet<Role> { Role.HealthySchoolsCoordinator, Role.QuasPanelMember, Role.SeniorManager };
    // Partners see only the activities that name their organisation.
    public static readonly IReadOnlySet<Role> Partners = new HashSet<Role> { Role.Partner };

    // SIP visits (DOMAIN.md sections 1 and 7): SIPs record their schools' visits, the school and its governors read issued
    // reports, the QA manager and M&I officers review and make paired visits; partners nothing.
    public static readonly IReadOnlySet<Role> SipVisitReaders = new HashSet<Role>(LaImprovement) { Role.SchoolImprovementPartner, Role.SchoolUser, Role.Governor };
    public static readonly IReadOnlySet<Role> SipVisitRecorders = new HashSet<Role> { Role.SchoolImprovementPartner };
    public static readonly IReadOnlySet<Role> SipReviewers = new HashSet<Role> { Role.QualityAssuranceManager, Role.InterventionOfficer };
    public static readonly IReadOnlySet<Role> SipServiceReaders = new HashSet<Role>(LaImprovement) { Role.SchoolImprovementPartner };
    public static readonly IReadOnlySet<Role> SipServiceEditors = new HashSet<Role> { Role.LaAdministrator, Role.QualityAssuranceManager };
    public static readonly IReadOnlySet<Role> PairedVisitReaders = new HashSet<Role>(LaImprovement) { Role.SchoolImprovementPartner, Role.SchoolUser };
    // The LA's self-evaluation (DOMAIN.md 8): the SMT and QA manager rate it, the SMT signs it off, the M&I team and the
    // administrator read it; SIPs, schools, governors, partners and Healthy Schools nothing. Written out, not taken from AccessRules.
    public static readonly IReadOnlySet<Role> SelfEvaluationReaders = LaImprovement;
    public static readonly IReadOnlySet<Role> SelfEvaluationRecorders = new HashSet<Role> { Role.SeniorManager, Role.QualityAssuranceManager };

    /// <summary>Null: open to anyone, signed in or not.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlySet<Role>?> Entries = new Dictionary<string, IReadOnlySet<Role>?>
    {
        ["GET /"] = Everyone,
        ["GET /Error"] = null,
        ["GET /health"] = null,
        ["GET /Account/SignIn"] = null,
        ["GET /Account/SignOut"] = null,
        ["GET /Account/AccessDenied"] = null,
        ["GET /Account/ChangePassword"] = Everyone,
        ["GET /Account/TwoFactor"] = Everyone,
        ["GET /Account/SetUpAuthenticator"] = Everyone,
        ["GET /Account/RecoveryCodes"] = Everyone,
        ["GET /Account/SignInCode"] = null,
        ["GET /Account/SignInRecoveryCode"] = null,
        ["GET /Account/ResetPassword"] = null,
        ["GET /Survey"] = null,
        ["GET /Survey/Question/{number:int}"] = null,
        ["GET /Survey/Check"] = null,
        ["GET /Survey/Done"] = null,
        ["GET /Surveys"] = SurveyReaders,
        ["GET /Surveys/Open"] = SurveyRunners,
        ["GET /Surveys/Close/{id:long}"] = SurveyRunners,
        ["GET /api/v1/surveys"] = SurveyReaders,
        ["GET /api/v1/surveys/{id:long}"] = SurveyReaders,
        ["POST /api/v1/surveys"] = SurveyRunners,
        ["POST /api/v1/surveys/{id:long}/close"] = SurveyRunners,
        ["GET /api/v1/surveys/{id:long}/codes"] = SurveyRunners,
        ["GET /Schools/{urn:int}/Surveys/Report"] = SurveyReaders,
        ["GET /Schools/{urn:int}/Surveys/WhatYouToldUs"] = SurveyReaders,

        ["GET /Schools"] = RegisterReaders,
        ["GET /Schools/{urn:int}"] = RegisterReaders,
        ["GET /Schools/Create"] = Administrators,
        ["GET /Schools/{urn:int}/Edit"] = Administrators,
        ["GET /Schools/{urn:int}/Data"] = RegisterReaders,
        ["GET /Schools/{urn:int}/Data/{indicatorId}"] = RegisterReaders,
        ["GET /Schools/{urn:int}/Wellbeing/{outcome}"] = RegisterReaders,
        ["GET /Data/La"] = LaStaff,
        ["GET /Data/Freshness"] = LaStaff,
        ["GET /Data/Neighbours"] = LaStaff,
        ["GET /Data/NeighbourList"] = Administrators,
        ["GET /Data/Localities/{id:int}"] = LaStaff,
        ["GET /Localities"] = LaStaff,
        ["GET /Localities/{id:int}"] = LaStaff,
        ["GET /Localities/Create"] = Administrators,
        ["GET /Localities/{id:int}/Edit"] = Administrators,
        ["GET /Clusters"] = LaStaff,
        ["GET /Clusters/{id:int}"] = LaStaff,
        ["GET /Clusters/Create"] = Administrators,
        ["GET /Clusters/{id:int}/Edit"] = Administrators,
        ["GET /Partners"] = Everyone,
        ["GET /Partners/Create"] = Administrators,
        ["GET /Partners/{id:int}/Edit"] = Administrators,
        ["GET /Imports"] = Administrators,
        ["GET /Imports/{id:long}"] = Administrators,
        ["GET /Imports/Gias"] = Administrators,
        ["GET /Imports/Pupils"] = Administrators,
        ["GET /Imports/Surveys"] = Administrators,
        ["GET /Imports/Published"] = Administrators,
        ["GET /Audit"] = Administrators,
        ["GET /Users"] = Administrators,
        ["GET /Users/Create"] = Administrators,
        ["GET /Users/{id}/Edit"] = Administrators,
        ["GET /Users/{id}/Disable"] = Administrators,
        ["GET /Users/{id}/Enable"] = Administrators,
        ["GET /Users/{id}/ResetPassword"] = Administrators,

        ["GET /api/v1/schools"] = RegisterReaders,
        ["GET /api/v1/schools/{urn:int}"] = RegisterReaders,
        ["POST /api/v1/schools"] = Administrators,
        ["PUT /api/v1/schools/{urn:int}"] = Administrators,
        ["GET /api/v1/localities"] = LaStaff,
        ["GET /api/v1/localities/{id:int}"] = LaStaff,
        ["POST /api/v1/localities"] = Administrators,
        ["PUT /api/v1/localities/{id:int}"] = Administrators,
        ["GET /api/v1/clusters"] = LaStaff,
        ["GET /api/v1/clusters/{id:int}"] = LaStaff,
        ["POST /api/v1/clusters"] = Administrators,
        ["PUT /api/v1/clusters/{id:int}"] = Administrators,
        ["GET /api/v1/partners"] = Everyone,
        ["GET /api/v1/home"] = Everyone,
        ["GET /api/v1/partners/{id:int}"] = Everyone,
        ["POST /api/v1/partners"] = Administrators,
        ["PUT /api/v1/partners/{id:int}"] = Administrators,
        ["GET /api/v1/imports"] = Administrators,
        ["GET /api/v1/imports/{id:long}"] = Administrators,
        ["POST /api/v1/imports/gias"] = Administrators,
        ["POST /api/v1/imports/pupils"] = Administrators,
        ["POST /api/v1/imports/surveys"] = Administrators,
        ["POST /api/v1/imports/{source}"] = Administrators,

        ["GET /api/v1/indicators"] = RegisterReaders,
        ["GET /api/v1/schools/{urn:int}/indicators"] = RegisterReaders,
        ["GET /api/v1/schools/{urn:int}/indicators/{indicatorId}"] = RegisterReaders,
        ["GET /api/v1/areas/la/indicators/{indicatorId}"] = LaStaff,
        ["GET /api/v1/localities/{id:int}/indicators/{indicatorId}"] = LaStaff,
        ["GET /api/v1/figures"] = RegisterReaders,

        ["GET /Programme"] = ProgrammeReaders,
        ["GET /Programme/Propose"] = ProgrammeProposers,
        ["GET /Programme/Cases/{id:int}"] = ProgrammeReaders,
        ["GET /Programme/Cases/{id:int}/Decide"] = ProgrammeDeciders,
        ["GET /Programme/Cases/{id:int}/Entry"] = ProgrammeReaders,
        ["GET /Programme/Cases/{id:int}/Plan"] = ProgrammeReaders,
        ["GET /Programme/Cases/{id:int}/Plan/Actions/{actionId:int}"] = ProgrammeContributors,
        ["GET /Programme/Cases/{id:int}/ManagementGroup"] = ProgrammeReaders,
        ["GET /Programme/Cases/{id:int}/Meetings"] = ProgrammeReaders,
        ["GET /Programme/Cases/{id:int}/Meetings/{meetingId:int}"] = ProgrammeReaders,
        ["GET /Programme/Cases/{id:int}/Meetings/{meetingId:int}/Files"] = ProgrammeReaders,
        ["GET /Programme/Cases/{id:int}/Funding"] = ProgrammeReaders,
        ["GET /Programme/Cases/{id:int}/Intervention"] = ProgrammeStaff,
        ["GET /Programme/Cases/{id:int}/Exit"] = ProgrammeReaders,
        ["GET /Programme/Calendar"] = RegisterReaders,
        ["GET /Programme/Calendar/{id:int}/Edit"] = Administrators,
        ["GET /Programme/Calendar/Add"] = Administrators,
        ["GET /Programme/Quarterly"] = ProgrammeStaff,

        ["GET /Categorisation"] = CategorisationReaders,
        ["GET /Categorisation/Proposals/{id:long}"] = CategorisationReaders,
        ["GET /Categorisation/Rules"] = CategorisationReaders,
        ["GET /Categorisation/Rules/{id:long}"] = CategorisationReaders,
        ["GET /Categorisation/Rules/Default"] = CategorisationReaders,
        ["GET /Schools/{urn:int}/Level"] = SchoolLevelReaders,
        ["GET /api/v1/categorisation/proposals"] = CategorisationReaders,
        ["POST /api/v1/categorisation/proposals"] = CategorisationReaders,
        ["GET /api/v1/categorisation/proposals/{id:long}"] = CategorisationReaders,
        ["POST /api/v1/categorisation/proposals/{id:long}/decision"] = Smt,
        ["POST /api/v1/categorisation/proposals/{id:long}/moves/{move}"] = CategorisationReaders,
        ["GET /api/v1/categorisation/rulesets"] = CategorisationReaders,
        ["POST /api/v1/categorisation/rulesets"] = RuleEditors,
        ["GET /api/v1/categorisation/rulesets/{id:long}/preview"] = CategorisationReaders,
        ["POST /api/v1/categorisation/rulesets/{id:long}/adopt"] = RuleAdopters,
        ["GET /api/v1/schools/{urn:int}/level"] = SchoolLevelReaders,
        ["GET /api/v1/programme/cases"] = ProgrammeReaders,
        ["POST /api/v1/programme/cases"] = ProgrammeProposers,
        ["GET /api/v1/programme/cases/{id:int}"] = ProgrammeReaders,
        ["POST /api/v1/programme/cases/{id:int}/transitions"] = ProgrammeDeciders,
        ["POST /api/v1/programme/cases/{id:int}/moves/{move}"] = ProgrammeDeciders,
        ["POST /api/v1/programme/cases/{id:int}/warning-notices/{noticeId:int}/moves/{move}"] = ProgrammeStaff,
        ["GET /api/v1/programme/cases/{id:int}/actions"] = ProgrammeReaders,
        ["POST /api/v1/programme/cases/{id:int}/actions"] = ProgrammeContributors,
        ["PUT /api/v1/programme/cases/{id:int}/actions/{actionId:int}"] = ProgrammeContributors,
        ["GET /api/v1/programme/cases/{id:int}/meetings"] = ProgrammeReaders,
        ["POST /api/v1/programme/cases/{id:int}/meetings"] = ProgrammeRunners,
        ["GET /api/v1/programme/cases/{id:int}/meetings/{meetingId:int}/files"] = ProgrammeReaders,
        ["POST /api/v1/programme/cases/{id:int}/meetings/{meetingId:int}/files"] = ProgrammeContributors,
        ["GET /api/v1/programme/cases/{id:int}/meetings/{meetingId:int}/files/{fileId:guid}"] = ProgrammeReaders,
        ["DELETE /api/v1/programme/cases/{id:int}/meetings/{meetingId:int}/files/{fileId:guid}"] = ProgrammeContributors,
        ["GET /api/v1/programme/cases/{id:int}/spending"] = ProgrammeReaders,
        ["POST /api/v1/programme/cases/{id:int}/spending"] = ProgrammeRunners,
        ["GET /api/v1/programme/calendar"] = RegisterReaders,

        ["GET /Sip"] = SipVisitReaders,
        ["GET /Sip/Visits/{id:int}"] = SipVisitReaders,
        ["GET /api/v1/sip-visits"] = SipVisitReaders,
        ["GET /api/v1/sip-visits/{id:int}"] = SipVisitReaders,
        ["POST /api/v1/schools/{urn:int}/sip-visits"] = SipVisitRecorders,
        ["PUT /api/v1/sip-visits/{id:int}"] = SipVisitRecorders,
        ["POST /api/v1/sip-visits/{id:int}/moves/{move}"] = SipVisitReaders,
        ["PUT /api/v1/sip-visits/{id:int}/review"] = SipReviewers,
        ["GET /api/v1/sip-visits/{id:int}/report"] = SipVisitReaders,
        ["GET /api/v1/sips"] = SipServiceReaders,
        ["GET /api/v1/sips/report-quality"] = SipServiceReaders,
        ["PUT /api/v1/sips/{userId}/profile"] = SipServiceEditors,
        ["POST /api/v1/paired-visits"] = SipReviewers,
        ["PUT /api/v1/paired-visits/{id:int}"] = SipReviewers,
        ["GET /api/v1/paired-visits/{id:int}/summary"] = PairedVisitReaders,
        ["GET /Sip/PairedVisits"] = PairedVisitReaders,
        ["GET /Sip/PairedVisits/{id:int}"] = PairedVisitReaders,
        ["GET /Sip/PairedVisits/Record/{id:int?}"] = SipReviewers,
        ["GET /Sip/Partners/{id}"] = SipServiceReaders,

        ["GET /LaSelfEvaluation"] = SelfEvaluationReaders,
        ["GET /LaSelfEvaluation/Cell"] = SelfEvaluationReaders,
        ["GET /api/v1/la-self-evaluation"] = SelfEvaluationReaders,
        ["GET /api/v1/la-self-evaluation/standards"] = SelfEvaluationReaders,
        ["PUT /api/v1/la-self-evaluation/{year:int}/ratings/{standard}/{phase}"] = SelfEvaluationRecorders,
        ["POST /api/v1/la-self-evaluation/{year:int}/moves/{move}"] = Smt,
        ["GET /HealthySchools"] = HealthySchoolsLa,
        ["GET /HealthySchools/MyActivities"] = Partners,
        ["GET /Schools/{urn:int}/HealthySchools"] = HealthySchoolsReaders,
        ["GET /api/v1/healthy-schools"] = HealthySchoolsLa,
        ["GET /api/v1/healthy-schools/quas-queue"] = HealthySchoolsLa,
        ["GET /HealthySchools/Report"] = QuasReportReaders,
        ["GET /api/v1/healthy-schools/report"] = QuasReportReaders,
        ["GET /api/v1/healthy-schools/local-priorities"] = HealthySchoolsReaders,
        ["POST /api/v1/healthy-schools/local-priorities"] = HealthySchoolsCoordinator,
        ["GET /Schools/{urn:int}/HealthySchools/AnnualReview"] = HealthySchoolsReaders,
        ["GET /api/v1/healthy-schools/moderation-draws"] = HealthySchoolsLa,
        ["POST /api/v1/healthy-schools/moderation-draws"] = HealthySchoolsModerators,
        ["GET /api/v1/schools/{urn:int}/healthy-schools/annual-review"] = HealthySchoolsReaders,
        ["PUT /api/v1/schools/{urn:int}/healthy-schools/status"] = HealthySchoolsCoordinator,
        ["POST /api/v1/schools/{urn:int}/healthy-schools/annual-review/criteria"] = HealthySchoolsContributors,
        ["POST /api/v1/schools/{urn:int}/healthy-schools/annual-review/self-validation"] = HealthySchoolsContributors,
        ["POST /api/v1/schools/{urn:int}/healthy-schools/annual-review/moderation"] = HealthySchoolsPanel,
        ["GET /api/v1/schools/{urn:int}/healthy-schools"] = HealthySchoolsReaders,
        ["POST /api/v1/schools/{urn:int}/healthy-schools"] = HealthySchoolsContributors,
        ["POST /api/v1/schools/{urn:int}/healthy-schools/members"] = HealthySchoolsContributors,
        ["DELETE /api/v1/schools/{urn:int}/healthy-schools/members/{number:int}"] = HealthySchoolsContributors,
        ["PUT /api/v1/schools/{urn:int}/healthy-schools/key-tasks"] = HealthySchoolsContributors,
        ["PUT /api/v1/schools/{urn:int}/healthy-schools/needs-analysis"] = HealthySchoolsContributors,
        ["POST /api/v1/schools/{urn:int}/healthy-schools/priorities"] = HealthySchoolsContributors,
        ["PUT /api/v1/schools/{urn:int}/healthy-schools/priorities/{number:int}/no-service"] = HealthySchoolsContributors,
        ["POST /api/v1/schools/{urn:int}/healthy-schools/outcomes"] = HealthySchoolsContributors,
        ["PUT /api/v1/schools/{urn:int}/healthy-schools/outcomes/{number:int}/baseline"] = HealthySchoolsContributors,
        ["POST /api/v1/schools/{urn:int}/healthy-schools/success-indicators"] = HealthySchoolsContributors,
        ["PUT /api/v1/schools/{urn:int}/healthy-schools/success-indicators/{number:int}"] = HealthySchoolsContributors,
        ["POST /api/v1/schools/{urn:int}/healthy-schools/success-indicators/{number:int}/assessment"] = HealthySchoolsContributors,
        ["POST /api/v1/schools/{urn:int}/healthy-schools/activities"] = HealthySchoolsContributors,
        ["POST /api/v1/schools/{urn:int}/healthy-schools/answers"] = HealthySchoolsContributors,
        ["POST /api/v1/schools/{urn:int}/healthy-schools/moves/{move}"] = HealthySchoolsReaders,
        ["POST /api/v1/schools/{urn:int}/healthy-schools/outcomes/{number:int}/moves/{move}"] = HealthySchoolsReaders,
        ["GET /api/v1/schools/{urn:int}/healthy-schools/documents/{kind}"] = HealthySchoolsReaders,
        ["GET /Schools/{urn:int}/Judgements"] = JudgementReaders,
        ["GET /Schools/{urn:int}/Judgements/Record"] = JudgementRecorders,
        ["GET /Schools/{urn:int}/Concerns"] = ConcernKeepers,
        // The well-being self-evaluation: read with the judgements; the head drafts and completes it, the SIP agrees or
        // disagrees (the workflow decides which move is whose); the LA's officers keep the plan priorities.
        ["GET /Schools/{urn:int}/SelfEvaluation"] = JudgementReaders,
        ["GET /Schools/{urn:int}/SelfEvaluation/{outcome}"] = JudgementReaders,
        ["GET /SelfEvaluations/PlanPriorities"] = JudgementReaders,
        ["GET /SelfEvaluations"] = RiskRegisterReaders,
        ["GET /api/v1/schools/{urn:int}/self-evaluation"] = JudgementReaders,
        ["PUT /api/v1/schools/{urn:int}/self-evaluation/{year:int}/outcomes/{outcome}"] = JudgementRecorders,
        ["POST /api/v1/schools/{urn:int}/self-evaluation/{year:int}/outcomes/{outcome}/moves/{move}"] = JudgementReaders,
        ["GET /api/v1/schools/{urn:int}/self-evaluation/{year:int}/pdf"] = JudgementReaders,
        ["GET /api/v1/plan-priorities"] = JudgementReaders,
        ["POST /api/v1/plan-priorities"] = LaImprovement,
        ["PUT /api/v1/plan-priorities/{id:int}"] = LaImprovement,
        ["GET /api/v1/schools/{urn:int}/judgements"] = JudgementReaders,
        ["PUT /api/v1/schools/{urn:int}/judgements"] = JudgementRecorders,
        ["POST /api/v1/schools/{urn:int}/judgements"] = JudgementRecorders,
        ["GET /api/v1/schools/{urn:int}/concerns"] = ConcernKeepers,
        ["GET /api/v1/schools/{urn:int}/concerns/{id:int}"] = ConcernKeepers,
        ["POST /api/v1/schools/{urn:int}/concerns"] = ConcernKeepers,
        ["POST /api/v1/schools/{urn:int}/concerns/{id:int}/close"] = ConcernClosers,
        ["GET /RiskRegister"] = RiskRegisterReaders,
        ["GET /Boards"] = RiskRegisterReaders,
        ["GET /Boards/{id:int}"] = RiskRegisterReaders,
        ["GET /Boards/Create"] = BoardOrganisers,
        ["GET /Boards/{id:int}/Edit"] = BoardOrganisers,
        ["GET /api/v1/risk-register"] = RiskRegisterReaders,

        ["GET /openapi/{documentName}.json"] = Everyone,
        ["GET /api/docs/{documentName?}"] = Everyone,
    };
}
