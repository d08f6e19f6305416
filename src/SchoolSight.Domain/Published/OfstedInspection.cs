using SchoolSight.Domain.Access;
using SchoolSight.Domain.Auditing;

namespace SchoolSight.Domain.Published;

/// <summary>
/// What Ofsted's published outcomes say about one school: its latest graded inspection, the one before, and its
/// latest ungraded inspection since. A value, so a re-import of the same file is seen to change nothing. The latest
/// inspection is held in the terms of its own framework (<see cref="Framework"/>): overall effectiveness and key
/// judgements before 2 September 2024; key judgements only until 9 November 2025; from 10 November 2025 the report
/// card's evaluation areas on the five-point scale, with <see cref="SafeguardingEffective"/> read as "standards met".
/// </summary>
public sealed record OfstedOutcome
{
    public string? InspectionNumber { get; init; }
    public string? InspectionType { get; init; }
    public DateOnly? InspectionDate { get; init; }
    public DateOnly? PublicationDate { get; init; }
    public OfstedJudgement? OverallEffectiveness { get; init; }
    public CategoryOfConcern? CategoryOfConcern { get; init; }
    public OfstedJudgement? QualityOfEducation { get; init; }
    public OfstedJudgement? BehaviourAndAttitudes { get; init; }
    public OfstedJudgement? PersonalDevelopment { get; init; }
    public OfstedJudgement? LeadershipAndManagement { get; init; }
    public OfstedJudgement? EarlyYears { get; init; }
    public OfstedJudgement? SixthForm { get; init; }

    /// <summary>Safeguarding effective (before the report card) or, on a report card, safeguarding standards met.</summary>
    public bool? SafeguardingEffective { get; init; }

    public ReportCardGrade? Inclusion { get; init; }
    public ReportCardGrade? CurriculumAndTeaching { get; init; }
    public ReportCardGrade? Achievement { get; init; }
    public ReportCardGrade? AttendanceAndBehaviour { get; init; }
    public ReportCardGrade? PersonalDevelopmentAndWellbeing { get; init; }
    public ReportCardGrade? LeadershipAndGovernance { get; init; }
    public ReportCardGrade? EarlyYearsReportCard { get; init; }
    public ReportCardGrade? SixthFormReportCard { get; init; }

    public DateOnly? PreviousInspectionDate { get; init; }
    public OfstedJudgement? PreviousOverallEffectiveness { get; init; }
    public CategoryOfConcern? PreviousCategoryOfConcern { get; init; }

    public DateOnly? UngradedInspectionDate { get; init; }
    public string? UngradedOutcome { get; init; }

    /// <summary>Ofsted's date for its last graded overall effectiveness judgements (from 2 September 2024 none are made).</summary>
    public static readonly DateOnly OverallJudgementsEnded = OfstedFrameworks.OverallGradesEnded;

    /// <summary>A graded inspection with no overall effectiveness because it was made after Ofsted stopped giving one.</summary>
    public bool OverallNotJudged => InspectionDate is { } date && OverallEffectiveness is null && date >= OverallJudgementsEnded;

    /// <summary>The framework the latest inspection was made under, from its start date; null when no date is held.</summary>
    public OfstedFramework? Framework => InspectionDate is { } date ? OfstedFrameworks.For(date) : null;

    /// <summary>The four-point key judgements given, in Ofsted's order (none on a report card).</summary>
    public IReadOnlyList<(string Area, OfstedJudgement Grade)> KeyJudgements =>
    [
        .. new (string, OfstedJudgement?)[]
        {
            ("Quality of education", QualityOfEducation), ("Behaviour and attitudes", BehaviourAndAttitudes),
            ("Personal development", PersonalDevelopment), ("Leadership and management", LeadershipAndManagement),
            ("Early years provision", EarlyYears), ("Sixth form provision", SixthForm),
        }.Where(k => k.Item2 is not null).Select(k => (k.Item1, k.Item2!.Value)),
    ];

    /// <summary>The report card's evaluation areas graded, in Ofsted's order (none before 10 November 2025).</summary>
    public IReadOnlyList<(string Area, ReportCardGrade Grade)> ReportCardGrades =>
    [
        .. new (string, ReportCardGrade?)[]
        {
            ("Inclusion", Inclusion), ("Curriculum and teaching", CurriculumAndTeaching), ("Achievement", Achievement),
            ("Attendance and behaviour", AttendanceAndBehaviour), ("Personal development and well-being", PersonalDevelopmentAndWellbeing),
            ("Leadership and governance", LeadershipAndGovernance), ("Early years", EarlyYearsReportCard), ("Sixth form", SixthFormReportCard),
        }.Where(k => k.Item2 is not null).Select(k => (k.Item1, k.Item2!.Value)),
    ];

    /// <summary>"Safeguarding: standards met" on a report card, "Safeguarding: effective" before it; null when not recorded.</summary>
    public string? SafeguardingText => SafeguardingEffective is not { } yes ? null
        : Framework == OfstedFramework.ReportCard ? (yes ? "Safeguarding: standards met" : "Safeguarding: standards not met")
        : (yes ? "Safeguarding: effective" : "Safeguarding: not effective");
}

/// <summary>Ofsted's published outcomes for one school (by URN), from the latest Ofsted import that listed it.</summary>
[NotAuditedOnSave("Published inspection outcomes, as given: the import that brought them is their record.")]
public sealed class OfstedInspection : ISchoolOwned
{
    public static Resource Resource => Resource.PublishedData;

    private OfstedInspection() { Outcome = null!; }

    public OfstedInspection(int urn, OfstedOutcome outcome, long importId)
    {
        Urn = urn;
        Outcome = outcome;
        ImportId = importId;
    }

    public int Urn { get; private set; }
    public OfstedOutcome Outcome { get; private set; }
    public long ImportId { get; private set; }

    /// <summary>Takes a newer import's outcome; returns false (and changes nothing) when it is the same.</summary>
    public bool Update(OfstedOutcome outcome, long importId)
    {
        if (outcome == Outcome) return false;
        Outcome = outcome;
        ImportId = importId;
        return true;
    }
}
