using SchoolSight.Domain.Access;
using SchoolSight.Domain.Auditing;

namespace SchoolSight.Domain.Published;

/// <summary>
/// What Ofsted's published outcomes say about one school: its latest graded inspection, the one before, and its
/// latest ungraded inspection since. A value, so a re-import of the same file is seen to change nothing. Overall
/// effectiveness is absent for graded inspections from September 2024, when Ofsted stopped making that judgement.
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
    public bool? SafeguardingEffective { get; init; }

    public DateOnly? PreviousInspectionDate { get; init; }
    public OfstedJudgement? PreviousOverallEffectiveness { get; init; }
    public CategoryOfConcern? PreviousCategoryOfConcern { get; init; }

    public DateOnly? UngradedInspectionDate { get; init; }
    public string? UngradedOutcome { get; init; }

    /// <summary>Ofsted's date for its last graded overall effectiveness judgements (from 2 September 2024 none are made).</summary>
    public static readonly DateOnly OverallJudgementsEnded = new(2024, 9, 2);

    /// <summary>A graded inspection with no overall effectiveness because it was made after Ofsted stopped giving one.</summary>
    public bool OverallNotJudged => InspectionDate is { } date && OverallEffectiveness is null && date >= OverallJudgementsEnded;
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
