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

    public static string Ofsted(OfstedAsAt? ofsted)
    {
        if (ofsted is null) return "Not inspected";
        var overall = ofsted.Overall?.Describe() ?? (ofsted.OverallNotGraded ? "Not graded (after September 2024)" : "Not recorded");
        var category = ofsted.Category is { } c ? $"; {c.Describe().ToLowerInvariant()}" : "";
        return $"{overall}{category} ({Date(ofsted.InspectionDate)})";
    }

    public static string Judgement(OverallJudgement? judgement) =>
        judgement is null ? "None recorded" : $"{judgement.Grade.Describe()} ({AcademicYear.Format(judgement.AcademicYear)})";

    public static string Case(CaseStanding? c) => c is null ? "None" : $"{c.Tier.Describe()}: {c.State.Describe().ToLowerInvariant()}";

    public static string Proposed(LevelOfSupport? proposed) => proposed is { } p ? $"Proposed: {p.Describe()}" : "";
}
