namespace SchoolSight.Domain.Published;

/// <summary>
/// Ofsted's report card scale (from 10 November 2025), best first. It is not the four-point scale with another
/// name: Ofsted says the grades cannot be compared with the old ones, so SchoolSight never converts one into the other.
/// </summary>
public enum ReportCardGrade
{
    Exceptional = 1,
    StrongStandard = 2,
    ExpectedStandard = 3,
    NeedsAttention = 4,
    UrgentImprovement = 5,
}

public static class ReportCardGrades
{
    public static readonly IReadOnlyList<ReportCardGrade> All = Enum.GetValues<ReportCardGrade>();

    /// <summary>Ofsted's words: "Strong standard" for <see cref="ReportCardGrade.StrongStandard"/>.</summary>
    public static string Describe(this ReportCardGrade grade) => grade switch
    {
        ReportCardGrade.Exceptional => "Exceptional",
        ReportCardGrade.StrongStandard => "Strong standard",
        ReportCardGrade.ExpectedStandard => "Expected standard",
        ReportCardGrade.NeedsAttention => "Needs attention",
        ReportCardGrade.UrgentImprovement => "Urgent improvement",
    };

    /// <summary>The name used in rule set files, the API and Ofsted files read as words, e.g. "needs-attention".</summary>
    public static string Slug(this ReportCardGrade grade) => grade switch
    {
        ReportCardGrade.Exceptional => "exceptional",
        ReportCardGrade.StrongStandard => "strong-standard",
        ReportCardGrade.ExpectedStandard => "expected-standard",
        ReportCardGrade.NeedsAttention => "needs-attention",
        ReportCardGrade.UrgentImprovement => "urgent-improvement",
    };

    /// <summary>Reads a grade by its slug, its words ("Needs attention") or its enum name.</summary>
    public static bool TryParse(string? text, out ReportCardGrade grade)
    {
        grade = default;
        var value = (text ?? "").Trim();
        foreach (var candidate in All)
            if (string.Equals(candidate.Slug(), value, StringComparison.OrdinalIgnoreCase) || string.Equals(candidate.Describe(), value, StringComparison.OrdinalIgnoreCase)
                || string.Equals(candidate.ToString(), value, StringComparison.OrdinalIgnoreCase))
            {
                grade = candidate;
                return true;
            }
        return false;
    }
}
