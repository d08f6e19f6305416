using System.Globalization;
using SchoolSight.Core.Indicators;
using SchoolSight.Domain.Indicators;
using SchoolSight.Domain.Indicators.Computation;

namespace SchoolSight.Web;

/// <summary>
/// How the data pages, their exports and charts write an indicator's figures, so a page and its CSV or Excel file say
/// the same thing: percentages to one decimal place, scores to two, a suppressed figure as the symbol "c".
/// </summary>
public static class IndicatorFormat
{
    public const string NoFigure = "–";

    public static int Decimals(IndicatorDefinition indicator) => indicator.Unit == IndicatorUnit.Score ? 2 : 1;

    public static string Number(double value, IndicatorDefinition indicator) =>
        value.ToString("F" + Decimals(indicator), CultureInfo.InvariantCulture);

    public static string Unit(IndicatorDefinition indicator) => indicator.Unit switch
    {
        IndicatorUnit.Percent => "%",
        IndicatorUnit.PercentagePoints => " pts",
        IndicatorUnit.Score => "",
    };

    /// <summary>
    /// "90.0%", "12.3 pts", "0.25", "c" when suppressed, "Not published for 2024/25, because …" for a year the DfE did
    /// not publish the measure, "–" when there is no figure.
    /// </summary>
    public static string Value(FigureView figure, IndicatorDefinition indicator) =>
        figure.Suppressed ? SuppressionRule.Symbol
        : figure.Value is { } v ? Number(v, indicator) + Unit(indicator)
        : figure.NotPublished ?? NoFigure;

    /// <summary>As <see cref="Value"/>, but "not published" without the reason, for a cell beside one that gives it.</summary>
    public static string Brief(FigureView figure, IndicatorDefinition indicator) =>
        figure.Value is null && !figure.Suppressed && figure.NotPublished is not null ? "not published" : Value(figure, indicator);

    /// <summary>"42.3 to 75.4", or null when the figure has no interval.</summary>
    public static string? Interval(FigureView figure, IndicatorDefinition indicator) =>
        figure.Lower is { } l && figure.Upper is { } u ? $"{Number(l, indicator)} to {Number(u, indicator)}" : null;

    /// <summary>"+12.3" or "−4.0" in the indicator's unit (percentage points for a percentage).</summary>
    public static string Difference(double difference, IndicatorDefinition indicator)
    {
        var unit = indicator.Unit is IndicatorUnit.Percent or IndicatorUnit.PercentagePoints ? " pts" : "";
        return (difference >= 0 ? "+" : "-") + Number(Math.Abs(difference), indicator) + unit;
    }

    /// <summary>The significance marker in words, saying which way the figure lies and whether that is better or worse.</summary>
    public static string Significance(Comparison comparison, double? difference) => comparison switch
    {
        Comparison.SignificantlyBetter => $"significantly {(difference < 0 ? "below" : "above")} (better)",
        Comparison.SignificantlyWorse => $"significantly {(difference < 0 ? "below" : "above")} (worse)",
        Comparison.NotSignificant => "not significantly different",
        Comparison.NotTested => "no significance test",
    };

    public static string TagClass(Comparison comparison) => comparison switch
    {
        Comparison.SignificantlyBetter => "govuk-tag--green",
        Comparison.SignificantlyWorse => "govuk-tag--red",
        Comparison.NotSignificant => "govuk-tag--grey",
        Comparison.NotTested => "govuk-tag--grey",
    };

    public static string Trend(TrendDirection direction) => direction switch
    {
        TrendDirection.Improving => "improving",
        TrendDirection.Declining => "declining",
        TrendDirection.NoSignificantChange => "no significant change",
        TrendDirection.NotEnoughYears => "not enough years for a trend",
    };

    public static string Polarity(IndicatorDefinition indicator) =>
        indicator.Polarity == Domain.Indicators.Polarity.HigherIsBetter ? "Higher is better" : "Lower is better";

    /// <summary>The standards theme or well-being outcome a school data page groups an indicator under.</summary>
    public static string Section(IndicatorDefinition indicator) =>
        indicator.Stage is { } stage ? $"{stage} standards" : $"Well-being: {indicator.Outcome.DisplayName().ToLowerInvariant()}";

    public static int SectionOrder(IndicatorDefinition indicator) => indicator.Stage switch
    {
        "Early years" => 0,
        "Primary" => 1,
        "Secondary" => 2,
        not null => 3,
        null => 4 + (int)indicator.Outcome,
    };
}
