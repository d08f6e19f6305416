using SchoolSight.Core.Indicators;
using SchoolSight.Domain;
using SchoolSight.Domain.Categorisation;
using SchoolSight.Domain.ImprovingOutcomes;
using SchoolSight.Domain.Indicators.Computation;
using SchoolSight.Domain.Published;

namespace SchoolSight.Core.Categorisation;

/// <summary>
/// The words and arrows the risk register and the board packs use, in one place so the page, the CSV and Excel files
/// and the PDF say the same. Each arrow comes with the words a screen reader reads instead.
/// </summary>
public static class CategorisationText
{
    public const string NotYetCategorised = "Not yet categorised";

    public static string Level(LevelOfSupport? level) => level?.Describe() ?? NotYetCategorised;

    public static string Date(DateOnly day) => day.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>▲ for more support, ▼ for less.</summary>
    public static (string Arrow, string Words) Movement(LevelMovement movement) => movement.Direction switch
    {
        > 0 => ("▲", $"moved up to more support, from {Level(movement.From)} to {movement.To.Describe()}, on {Date(movement.On)}"),
        < 0 => ("▼", $"moved down to less support, from {Level(movement.From)} to {movement.To.Describe()}, on {Date(movement.On)}"),
        _ => ("•", $"first categorised as {movement.To.Describe()} on {Date(movement.On)}"),
    };

    public static string MovementText(LevelMovement? movement) =>
        movement is null ? "No decision yet" : $"{Movement(movement).Arrow} {Movement(movement).Words}";

    public static (string Arrow, string Words) Trend(TrendDirection direction) => direction switch
    {
        TrendDirection.Improving => ("↑", "improving"),
        TrendDirection.Declining => ("↓", "declining"),
        TrendDirection.NoSignificantChange => ("→", "no significant change"),
        TrendDirection.NotEnoughYears => ("–", "not enough years for a trend"),
    };

    public static string TrendText(HeadlineTrend? trend) =>
        trend is null ? "No data" : $"{Trend(trend.Direction).Arrow} {trend.IndicatorName}: {Trend(trend.Direction).Words}";

    /// <summary>
    /// The inspection on its own scale: the overall grade before September 2024; "no overall grade" from then; from 10
    /// November 2025 the report card's areas below the expected standard (or that none are) and safeguarding not met.
    /// </summary>
    public static string Ofsted(OfstedAsAt? ofsted)
    {
        if (ofsted is null) return "Not inspected";
        var category = ofsted.Category is { } c ? $"; {c.Describe().ToLowerInvariant()}" : "";
        if (ofsted.Framework == OfstedFramework.ReportCard)
        {
            var below = ofsted.ReportCard.Where(a => a.Grade >= ReportCardGrade.NeedsAttention).ToList();
            var grades = ofsted.ReportCard.Count == 0 ? "grades not recorded"
                : below.Count == 0 ? "every area expected standard or better"
                : string.Join(", ", below.Select(a => $"{a.Area.ToLowerInvariant()} {a.Grade.Describe().ToLowerInvariant()}"));
            var safeguarding = ofsted.Safeguarding == false ? "; safeguarding standards not met" : "";
            return $"Report card: {grades}{safeguarding}{category} ({Date(ofsted.InspectionDate)})";
        }
        var overall = ofsted.Overall?.Describe() ?? (ofsted.OverallNotGraded ? "No overall grade (from 2 September 2024)" : "Not recorded");
        return $"{overall}{category} ({Date(ofsted.InspectionDate)})";
    }

    public static string Judgement(OverallJudgement? judgement) => judgement switch
    {
        null => "None recorded",
        { Grade.Scale: JudgementScale.ReportCard } => $"Report card scale, worst area: {judgement.Area.Describe().ToLowerInvariant()} {judgement.Grade.Describe().ToLowerInvariant()} ({AcademicYear.Format(judgement.AcademicYear)})",
        _ => $"{judgement.Grade.Describe()} ({AcademicYear.Format(judgement.AcademicYear)})",
    };

    public static string Case(CaseStanding? c) => c is null ? "None" : $"{c.Tier.Describe()}: {c.State.Describe().ToLowerInvariant()}";

    public static string Proposed(LevelOfSupport? proposed) => proposed is { } p ? $"Proposed: {p.Describe()}" : "";
}
