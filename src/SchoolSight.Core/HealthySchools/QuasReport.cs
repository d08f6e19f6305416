using SchoolSight.Domain.HealthySchools;

namespace SchoolSight.Core.HealthySchools;

/// <summary>Which QUAS report: an academic year (the calendar year it starts in; the current one when empty) and a locality (all when empty).</summary>
public sealed record QuasReportFilter(int? Year = null, int? LocalityId = null);

/// <summary>
/// The QUAS report, the evidence for commissioning that the panel gives the LA: recruitment and the stage each school
/// has reached, what waits for the panel and for how long, the outcomes met, the priorities that recur across schools
/// and the priorities for which schools find no service to work with. Figures are as at <see cref="AsAt"/>: the end of
/// the academic year, or today during the current one.
/// </summary>
public sealed record QuasReport(
    string LaName,
    int Year,
    IReadOnlyList<int> Years,
    DateOnly AsAt,
    string? Locality,
    IReadOnlyList<ReportArea> Localities,
    Recruitment Totals,
    IReadOnlyList<Recruitment> ByLocality,
    IReadOnlyList<Recruitment> ByCluster,
    IReadOnlyList<StageReached> Stages,
    IReadOnlyList<ReportSchool> Schools,
    IReadOnlyList<PendingApproval> Pending,
    IReadOnlyList<OutcomesMet> Outcomes,
    IReadOnlyList<PriorityAcrossSchools> RecurringPriorities,
    IReadOnlyList<PriorityAcrossSchools> NoServicePriorities,
    int ActivitiesWithoutPartner,
    int SchoolsWithActivitiesWithoutPartner)
{
    /// <summary>The longest an item has waited for the panel, in days; null when nothing waits.</summary>
    public int? OldestWaitingDays => Pending.Count == 0 ? null : Pending.Max(p => p.DaysWaiting);
}

/// <summary>A locality to filter by.</summary>
public sealed record ReportArea(int Id, string Name);

/// <summary>An area's recruitment: its open schools, those engaged with the enhancement model, those holding the LA's status, those not engaged.</summary>
public sealed record Recruitment(string Area, int Schools, int Engaged, int WithStatus)
{
    public int NotEngaged => Schools - Engaged;

    /// <summary>A count as a share of the area's schools (0 when it has none).</summary>
    public double Share(int count) => Schools == 0 ? 0 : (double)count / Schools;
}

/// <summary>How many engaged schools are at a stage, overall and in each locality and cluster that has any.</summary>
public sealed record StageReached(EnhancementStage Stage, int Schools, IReadOnlyList<AreaCount> ByLocality, IReadOnlyList<AreaCount> ByCluster);

public sealed record AreaCount(string Area, int Schools);

/// <summary>An engaged school: where it is, the stage it has reached, its status and its outcomes.</summary>
public sealed record ReportSchool(int Urn, string Name, string? Locality, IReadOnlyList<string> Clusters, EnhancementStage Stage, int Cycle,
    DateOnly EngagedOn, bool WithStatus, int OutcomesSet, int OutcomesMet);

public enum PendingKind
{
    /// <summary>A stage 4 form waiting for approval.</summary>
    StageFourForm,

    /// <summary>An outcome sent as met with its evidence at stage 8.</summary>
    StageEightEvidence,

    /// <summary>An annual review drawn for moderation.</summary>
    Moderation,
}

/// <summary>Something waiting for the panel's decision, with the days it has waited on the LA's clock.</summary>
public sealed record PendingApproval(int Urn, string School, PendingKind Kind, string What, DateTime SentAt, DateOnly SentOn, int DaysWaiting);

/// <summary>The meaningful outcomes of one type of priority: how many schools set, how many the QUAS confirmed met, how many wait for it.</summary>
public sealed record OutcomesMet(PriorityKind PriorityKind, int Set, int Met, int SentAsMet)
{
    public double Share => Set == 0 ? 0 : (double)Met / Set;
}

/// <summary>
/// A priority several schools work on (or find no service for): a local priority by the LA's priority, a school
/// priority by the indicator it is measured by; with the schools and, for no service, what each looked for.
/// </summary>
public sealed record PriorityAcrossSchools(string Priority, PriorityKind Kind, string MeasuredBy, IReadOnlyList<string> Schools, IReadOnlyList<string> Notes);

public static class QuasReportText
{
    public static string Describe(this PendingKind kind) => kind switch
    {
        PendingKind.StageFourForm => "Stage 4 form",
        PendingKind.StageEightEvidence => "Stage 8 evidence",
        PendingKind.Moderation => "Moderation",
    };
}
