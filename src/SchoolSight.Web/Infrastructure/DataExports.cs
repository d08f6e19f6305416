using Microsoft.AspNetCore.Mvc;
using SchoolSight.Core.Exports;
using SchoolSight.Core.Indicators;
using SchoolSight.Domain.Indicators;
using SchoolSight.Domain.Indicators.Computation;

namespace SchoolSight.Web;

/// <summary>
/// The data pages' tables as <see cref="ExportTable"/>s, built from the same views and written with the same
/// <see cref="IndicatorFormat"/> as the pages, so a CSV or Excel file holds exactly the figures (and "c"s) on the page.
/// </summary>
public static class DataExports
{
    /// <summary>The file for <c>?format=csv|xlsx</c>; null when no format was asked for; 400 for an unknown one.</summary>
    public static IActionResult? File(string? format, string fileName, Func<ExportTable> build)
    {
        if (string.IsNullOrEmpty(format)) return null;
        if (TableExport.ParseFormat(format) is not { } f)
            return new BadRequestObjectResult($"Unknown export format '{format}': use csv or xlsx.");
        var extension = f == ExportFormat.Csv ? "csv" : "xlsx";
        return new FileContentResult(TableExport.Write(build(), f), TableExport.ContentType(f)) { FileDownloadName = $"{fileName}.{extension}" };
    }

    public static object? Cell(FigureView figure, IndicatorDefinition indicator) =>
        figure.Suppressed ? SuppressionRule.Symbol : figure.Value is { } v ? ExportNumber.Of(v, IndicatorFormat.Decimals(indicator)) : figure.NotPublished;

    private static object? Bound(double? bound, IndicatorDefinition indicator) =>
        bound is { } b ? ExportNumber.Of(b, IndicatorFormat.Decimals(indicator)) : null;

    private static List<string> Notes(int? year, bool suppressed, string suppressionNote, params string[] more)
    {
        var notes = new List<string>();
        if (year is { } y) notes.Add($"Academic year {AcademicYears.Display(y)}.");
        notes.Add("Percentages to one decimal place; differences in percentage points; intervals are 95% confidence intervals. A difference is significant when the benchmark lies outside the school's interval.");
        if (suppressed) notes.Add($"Small numbers suppressed: {suppressionNote}");
        notes.AddRange(more);
        return notes;
    }

    /// <summary>One row per indicator: the school with its interval, each benchmark with the difference and its significance, the trend.</summary>
    public static ExportTable SchoolIndicators(SchoolIndicatorsView view, IReadOnlyList<IndicatorRow> rows, string title)
    {
        var benchmarks = rows.FirstOrDefault()?.Benchmarks.Select(b => b.Label).ToList() ?? [];
        var trendYears = rows.FirstOrDefault()?.Trend.Select(t => t.AcademicYear).ToList() ?? [];
        var columns = new List<string> { "Indicator id", "Indicator", "Section", "Unit", "School", "School lower 95%", "School upper 95%" };
        foreach (var b in benchmarks) columns.AddRange([b, $"Difference from {b}", $"Against {b}"]);
        columns.AddRange(trendYears.Select(AcademicYears.Display));
        columns.Add("Trend");
        var data = rows.Select(row =>
        {
            var i = row.Indicator;
            var cells = new List<object?> { i.Id, i.Name, IndicatorFormat.Section(i), UnitName(i), Cell(row.School, i), Bound(row.School.Lower, i), Bound(row.School.Upper, i) };
            foreach (var label in benchmarks)
            {
                var b = row.Benchmarks.FirstOrDefault(x => x.Label == label);
                cells.Add(b is null ? null : Cell(b.Figure, i));
                cells.Add(b?.Difference is { } d ? ExportNumber.Of(d, IndicatorFormat.Decimals(i)) : null);
                cells.Add(b is null ? null : IndicatorFormat.Significance(b.Comparison, b.Difference));
            }
            foreach (var y in trendYears)
                cells.Add(row.Trend.FirstOrDefault(t => t.AcademicYear == y) is { } point ? Cell(point.Figure, i) : null);
            cells.Add(IndicatorFormat.Trend(row.TrendDirection));
            return (IReadOnlyList<object?>)cells;
        }).ToList();
        return new ExportTable(title, columns, data, Notes(view.AcademicYear, view.Suppressed, view.SuppressionNote, $"School: {view.SchoolName} (URN {view.Urn})."));
    }

    public static ExportTable SimilarSchools(SchoolIndicatorsView view) =>
        new($"Similar schools to {view.SchoolName} (URN {view.Urn})", ["URN", "School", "Distance"],
            [.. view.SimilarSchools.Select(s => (IReadOnlyList<object?>)[s.Urn, s.Name, ExportNumber.Of(s.Distance, 2)])],
            Notes(view.AcademicYear, false, view.SuppressionNote, $"Method: {view.SimilarMethod}"));

    /// <summary>The breakdown of one indicator by pupil group.</summary>
    public static ExportTable Groups(SchoolIndicatorsView view, IndicatorRow row)
    {
        var i = row.Indicator;
        return new ExportTable($"{i.Name} by pupil group, {view.SchoolName} (URN {view.Urn})",
            ["Pupil group", "Value", "Lower 95%", "Upper 95%"],
            [.. row.Groups.Select(g => (IReadOnlyList<object?>)[g.Group.DisplayName(), Cell(g.Figure, i), Bound(g.Figure.Lower, i), Bound(g.Figure.Upper, i)])],
            Notes(view.AcademicYear, view.Suppressed, view.SuppressionNote, $"Indicator: {i.Id}, {UnitName(i)}."));
    }

    /// <summary>Every school of an area on one indicator, in the order shown.</summary>
    /// <summary>The ranking as shown; the last column says which schools each rank counts among.</summary>
    public static ExportTable Ranking(AreaIndicatorView view, IReadOnlyList<AreaSchoolRow> rows, bool includesSpecial)
    {
        var i = view.Indicator;
        var columns = new List<string> { "Rank", "URN", "School", "Locality", "Value", "Lower 95%", "Upper 95%", $"Difference from {view.AreaName}", $"Against {view.AreaName}", $"Difference from {view.EnglandLabel}", $"Against {view.EnglandLabel}" };
        var trendYears = view.AreaTrend.Select(t => t.AcademicYear).ToList();
        columns.AddRange(trendYears.Select(AcademicYears.Display));
        columns.Add("Trend");
        columns.Add("Ranked among");
        var data = rows.Select(r =>
        {
            var cells = new List<object?>
            {
                r.Rank, r.Urn, r.Name, r.LocalityName, Cell(r.Figure, i), Bound(r.Figure.Lower, i), Bound(r.Figure.Upper, i),
                r.VersusArea.Difference is { } a ? ExportNumber.Of(a, IndicatorFormat.Decimals(i)) : null, IndicatorFormat.Significance(r.VersusArea.Comparison, r.VersusArea.Difference),
                r.VersusEngland.Difference is { } e ? ExportNumber.Of(e, IndicatorFormat.Decimals(i)) : null, IndicatorFormat.Significance(r.VersusEngland.Comparison, r.VersusEngland.Difference),
            };
            foreach (var y in trendYears)
                cells.Add(r.Trend.FirstOrDefault(t => t.AcademicYear == y) is { } point ? Cell(point.Figure, i) : null);
            cells.Add(IndicatorFormat.Trend(r.TrendDirection));
            cells.Add(includesSpecial ? "All schools" : r.RankedApart ? "Special schools and alternative provision" : "Mainstream schools");
            return (IReadOnlyList<object?>)cells;
        }).ToList();
        return new ExportTable($"{i.Name}: schools of {view.AreaName}", columns, data,
            Notes(view.AcademicYear, view.Suppressed, view.SuppressionNote,
                $"{view.AreaName}: {IndicatorFormat.Value(view.Area, i)}; {view.EnglandLabel}: {IndicatorFormat.Value(view.England, i)}.",
                view.Coverage.Counted(view.AreaName) + (view.Coverage.Warning is { } partial ? " " + partial : ""),
                $"Indicator: {i.Id}, {UnitName(i)}. {IndicatorFormat.Polarity(i)}."));
    }

    public static string UnitName(IndicatorDefinition indicator) => indicator.Unit switch
    {
        IndicatorUnit.Percent => "percent",
        IndicatorUnit.PercentagePoints => "percentage points",
        IndicatorUnit.Score => "score",
    };
}
