using SchoolSight.Core.Exports;

namespace SchoolSight.Core.LaIndicators;

/// <summary>The comparison as a table to download, with the same figures as the page (numbers as numbers, markers as written).</summary>
public static class NeighbourComparisonExport
{
    public static ExportTable Table(NeighbourComparison view)
    {
        object? Cell(LaFigure figure, NeighbourComparisonRow row) => figure.Value is { } v ? ExportNumber.Of((double)v, row.Measure.Decimals) : figure.Marker;
        var rows = view.Rows.Select(r => (IReadOnlyList<object?>)
        [
            r.Measure.Code, r.Measure.Title, r.Measure.Topic, r.Measure.PolarityText, r.Year, Cell(r.La, r), Cell(r.England, r), Cell(r.Region, r),
            r.NeighboursAverage is { } a ? ExportNumber.Of((double)a, r.Measure.Decimals) : null, r.NeighboursWithFigure,
            r.Rank?.Rank, r.Rank?.Of, r.Rank?.Quartile, r.PreviousYear, Cell(r.Previous, r), r.Trend,
        ]).ToList();
        return new ExportTable($"{view.LaName} against England, {view.RegionName} and its statistical neighbours",
            ["Measure code", "Measure", "Topic", "Polarity", "Latest year", view.LaName, "England", view.RegionName, "Statistical neighbours' average",
             "Neighbours with a figure", "Rank in England (1 = best)", "LAs ranked", "Quartile (1 = best)", "Previous year", "Previous year's figure", "Trend"],
            rows,
            [
                "From the DfE's Local Authority Interactive Tool file. Rank among all LAs in England with a figure that year; LAs with the same figure share the better rank.",
                $"Statistical neighbours: {string.Join(", ", view.Neighbours.Select(n => $"{n.Name} ({n.Code})"))}.",
            ]);
    }
}
