namespace SchoolSight.Domain.ImprovingOutcomes;

/// <summary>Where a case is in the Improving Outcomes Programme (seed 004, 5.3). The moves between them are in <see cref="CaseLifecycle"/>.</summary>
public enum CaseState
{
    Proposed,
    EntryAgreed,
    BaselineRecorded,
    Active,
    ExitAgreed,
    PostExitMonitoring,
    Closed,
}

/// <summary>The two tiers of the programme (seed 004, 5.2).</summary>
public enum SupportTier
{
    /// <summary>Tier 1: targeted support from identified providers, increased monitoring.</summary>
    Targeted,

    /// <summary>Tier 2: a more tightly structured and formalised programme.</summary>
    Intensive,
}

/// <summary>The statutory grounds for concern (Education and Inspections Act 2006, seed 004 5.2).</summary>
public enum ConcernGround
{
    StandardsUnacceptablyLow,
    ManagementOrGovernanceBreakdown,
    SafetyThreatened,
}

/// <summary>The source of the baseline assessment: a very recent Ofsted inspection or an externally commissioned review.</summary>
public enum BaselineSource
{
    OfstedInspection,
    CommissionedReview,
}

/// <summary>The improvement plan the programme works from: the school's own plan, unless it is not robust.</summary>
public enum PlanKind
{
    StrategicSchoolDevelopmentPlan,
    RaisingAchievementPlan,
    ProgrammePlan,
}

public enum ActionStatus
{
    NotStarted,
    OnTrack,
    AtRisk,
    OffTrack,
    Completed,
}

/// <summary>Members of the school management group by role (seed 004, 4.6).</summary>
public enum ManagementGroupRole
{
    Headteacher,
    SeniorLeader,
    Governor,
    EnglishLead,
    MathsLead,
    Senco,
    OtherLeader,
    LaOfficer,
}

/// <summary>The progress judgement agreed at a programme meeting.</summary>
public enum ProgressJudgement
{
    Good,
    Sufficient,
    Insufficient,
}

/// <summary>The five statutory powers of intervention (Education and Inspections Act 2006 part 4; DOMAIN.md section 5).</summary>
public enum StatutoryPower
{
    WarningNotice,
    AdditionalGovernors,
    SuspendDelegatedBudget,
    InterimExecutiveBoard,
    CollaborationOrFederation,
}

public enum WarningNoticeStatus
{
    Drafted,
    Approved,
    Issued,
}

public static class CaseVocabulary
{
    public static string Describe(this CaseState state) => state switch
    {
        CaseState.Proposed => "Entry proposed",
        CaseState.EntryAgreed => "Entry agreed",
        CaseState.BaselineRecorded => "Baseline recorded",
        CaseState.Active => "Active",
        CaseState.ExitAgreed => "Exit agreed",
        CaseState.PostExitMonitoring => "Post-exit monitoring",
        CaseState.Closed => "Closed",
    };

    public static string Describe(this SupportTier tier) => tier switch
    {
        SupportTier.Targeted => "Tier 1: targeted support",
        SupportTier.Intensive => "Tier 2: intensive support",
    };

    public static string Describe(this ConcernGround ground) => ground switch
    {
        ConcernGround.StandardsUnacceptablyLow => "Standards of performance are unacceptably low and likely to remain so",
        ConcernGround.ManagementOrGovernanceBreakdown => "Serious breakdown in management or governance prejudicing standards",
        ConcernGround.SafetyThreatened => "The safety of pupils or staff is threatened",
    };

    public static string Describe(this BaselineSource source) => source switch
    {
        BaselineSource.OfstedInspection => "Recent Ofsted inspection",
        BaselineSource.CommissionedReview => "Externally commissioned review",
    };

    public static string Describe(this PlanKind kind) => kind switch
    {
        PlanKind.StrategicSchoolDevelopmentPlan => "Strategic School Development Plan (SSDP)",
        PlanKind.RaisingAchievementPlan => "Raising Achievement Plan (RAP)",
        PlanKind.ProgrammePlan => "The programme's own plan",
    };

    public static string Describe(this ActionStatus status) => status switch
    {
        ActionStatus.NotStarted => "Not started",
        ActionStatus.OnTrack => "On track",
        ActionStatus.AtRisk => "At risk",
        ActionStatus.OffTrack => "Off track",
        ActionStatus.Completed => "Completed",
    };

    public static string Describe(this ManagementGroupRole role) => role switch
    {
        ManagementGroupRole.Headteacher => "Headteacher",
        ManagementGroupRole.SeniorLeader => "Senior leadership team member",
        ManagementGroupRole.Governor => "Governor",
        ManagementGroupRole.EnglishLead => "English lead",
        ManagementGroupRole.MathsLead => "Mathematics lead",
        ManagementGroupRole.Senco => "Special educational needs coordinator (SENCO)",
        ManagementGroupRole.OtherLeader => "Other leader",
        ManagementGroupRole.LaOfficer => "LA monitoring and intervention officer",
    };

    public static string Describe(this StatutoryPower power) => power switch
    {
        StatutoryPower.WarningNotice => "Formal warning notice to the governing body",
        StatutoryPower.AdditionalGovernors => "Appointment of additional governors",
        StatutoryPower.SuspendDelegatedBudget => "Suspension of the delegated budget",
        StatutoryPower.InterimExecutiveBoard => "Proposal to the Secretary of State of an Interim Executive Board",
        StatutoryPower.CollaborationOrFederation => "Requirement to collaborate with another school or FE college, or to federate",
    };

    public static string Describe(this ProgressJudgement judgement) => judgement switch
    {
        ProgressJudgement.Good => "Good progress",
        ProgressJudgement.Sufficient => "Sufficient progress",
        ProgressJudgement.Insufficient => "Insufficient progress",
    };
}
