namespace SchoolSight.Domain.Published;

/// <summary>
/// The three ways Ofsted has reported a graded inspection of a school, each on its own terms; one never stands for
/// another. Which applies follows from the day the inspection started.
/// </summary>
public enum OfstedFramework
{
    /// <summary>Before 2 September 2024: overall effectiveness and the key judgements, each outstanding to inadequate.</summary>
    OverallGrade,

    /// <summary>2 September 2024 to 9 November 2025: the key judgements, outstanding to inadequate, and no overall effectiveness.</summary>
    KeyJudgementsOnly,

    /// <summary>From 10 November 2025: a report card grading each evaluation area on the five-point scale, safeguarding met or not met.</summary>
    ReportCard,
}

public static class OfstedFrameworks
{
    /// <summary>The first day of inspections with no overall effectiveness grade.</summary>
    public static readonly DateOnly OverallGradesEnded = new(2024, 9, 2);

    /// <summary>The first day of inspections under the report card framework.</summary>
    public static readonly DateOnly ReportCardsStarted = new(2025, 11, 10);

    public static OfstedFramework For(DateOnly inspectionStarted) =>
        inspectionStarted >= ReportCardsStarted ? OfstedFramework.ReportCard
        : inspectionStarted >= OverallGradesEnded ? OfstedFramework.KeyJudgementsOnly
        : OfstedFramework.OverallGrade;

    public static string Describe(this OfstedFramework framework) => framework switch
    {
        OfstedFramework.OverallGrade => "Graded inspection: overall effectiveness and key judgements",
        OfstedFramework.KeyJudgementsOnly => "Graded inspection: key judgements, no overall effectiveness (from 2 September 2024)",
        OfstedFramework.ReportCard => "Report card inspection: evaluation areas on the five-point scale (from 10 November 2025)",
    };
}
