using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Domain.LaIndicators;

namespace SchoolSight.Core.LaIndicators;

/// <summary>A figure as held: a value, the DfE's marker, or nothing.</summary>
public sealed record LaFigure(decimal? Value, string? Marker)
{
    public static readonly LaFigure None = new(null, null);

    public string Text(LaIndicatorMeasure measure) =>
        Value is { } v ? v.ToString("F" + measure.Decimals, CultureInfo.InvariantCulture) : Marker ?? "no figure";
}

/// <summary>One headline measure: the LA against England, its region and its statistical neighbours, its rank and trend.</summary>
public sealed record NeighbourComparisonRow(LaIndicatorMeasure Measure, string? Year, LaFigure La, LaFigure England, LaFigure Region,
    decimal? NeighboursAverage, int NeighboursWithFigure, NationalRank? Rank, string? PreviousYear, LaFigure Previous, string Trend)
{
    /// <summary>How the row was worked out, for the page and as evidence.</summary>
    public string HowWorkedOut(NeighbourComparison view) => Year is null
        ? $"The LA indicators file holds no {Measure.Title.ToLowerInvariant()} figure for {view.LaName}"
        : $"{Measure.Title}, {Year}: {view.LaName} {La.Text(Measure)}, England {England.Text(Measure)}, {view.RegionName} {Region.Text(Measure)}, " +
          $"statistical neighbours' average {(NeighboursAverage is { } a ? Format(a) : "not held")} ({NeighboursWithFigure} of {view.Neighbours.Count} with a figure); " +
          (Rank is { } r ? $"ranked {r.Describe()} among the LAs with a figure, 1 the best ({Measure.PolarityText})" : "not ranked: " + Measure.PolarityText) +
          $" (the DfE's LA indicators file)";

    public string Format(decimal value) => value.ToString("F" + Measure.Decimals, CultureInfo.InvariantCulture);
}

public sealed record NeighbourLa(int Code, string Name, bool Held);

/// <param name="NeighboursSet">Whether the LA has given its statistical neighbours.</param>
public sealed record NeighbourComparison(int LaCode, string LaName, string RegionName, bool Held, bool NeighboursSet, IReadOnlyList<NeighbourLa> Neighbours,
    IReadOnlyList<NeighbourComparisonRow> Rows, DateTime? ImportedAt);

/// <summary>
/// The LA's headline indicators (<see cref="HeadlineLaIndicators"/>) from the DfE's LA indicators file, each for the
/// latest year the file gives the LA a figure: against England, the LA's region (from the file) and the average of its
/// statistical neighbours that have a figure that year; its rank among all LAs in England with a figure that year
/// (<see cref="NationalRank"/>: 1 the best by the measure's polarity) and quartile; and its trend since the year before.
/// </summary>
[Operation]
public sealed class GetNeighbourComparison(AppDbContext db)
{
    public async Task<NeighbourComparison> RunAsync(CancellationToken ct = default)
    {
        var la = await db.LocalAuthorities.AsNoTracking().OrderBy(l => l.Code).Select(l => new { l.Code, l.Name }).FirstOrDefaultAsync(ct);
        var code = la?.Code ?? 0;
        var neighbourCodes = (await db.StatisticalNeighbours.AsNoTracking().FirstOrDefaultAsync(n => n.LaCode == code, ct))?.List ?? [];
        var wanted = neighbourCodes.Append(code).ToList();
        var own = await db.LaIndicatorFigures.AsNoTracking()
            .Where(f => f.Area != LaIndicatorArea.La || wanted.Contains(f.AreaCode))
            .Select(f => new { f.Measure, f.Year, f.YearOrder, f.Area, f.AreaCode, f.AreaName, f.Region, f.Value, f.Marker, f.ImportId }).ToListAsync(ct);
        var mine = own.Where(f => f.Area == LaIndicatorArea.La && f.AreaCode == code).ToList();
        var region = mine.Select(f => f.Region).FirstOrDefault() ?? "";
        var regionCode = own.Where(f => f.Area == LaIndicatorArea.Region && SameRegion(f.AreaName, region)).Select(f => (int?)f.AreaCode).FirstOrDefault();
        var names = own.Where(f => f.Area == LaIndicatorArea.La).GroupBy(f => f.AreaCode).ToDictionary(g => g.Key, g => g.First().AreaName);
        var neighbours = neighbourCodes.Select(c => new NeighbourLa(c, names.GetValueOrDefault(c, $"LA {c}"), names.ContainsKey(c))).ToList();

        var latest = mine.Where(f => f.Value is not null || f.Marker is not null).GroupBy(f => f.Measure).ToDictionary(g => g.Key, g => g.Max(f => f.YearOrder));
        var measures = latest.Keys.ToList();
        var national = (await db.LaIndicatorFigures.AsNoTracking()
                .Where(f => f.Area == LaIndicatorArea.La && f.Value != null && measures.Contains(f.Measure))
                .Select(f => new { f.Measure, f.YearOrder, f.Value }).ToListAsync(ct))
            .Where(f => latest[f.Measure] == f.YearOrder).GroupBy(f => f.Measure).ToDictionary(g => g.Key, g => g.Select(f => f.Value!.Value).ToList());

        LaFigure At(int areaCode, LaIndicatorArea area, string measure, int order) =>
            own.FirstOrDefault(f => f.AreaCode == areaCode && f.Area == area && f.Measure == measure && f.YearOrder == order) is { } f ? new(f.Value, f.Marker) : LaFigure.None;

        var rows = HeadlineLaIndicators.All.Select(m =>
        {
            if (!latest.TryGetValue(m.Code, out var order))
                return new NeighbourComparisonRow(m, null, LaFigure.None, LaFigure.None, LaFigure.None, null, 0, null, null, LaFigure.None, "");
            var year = own.First(f => f.Measure == m.Code && f.YearOrder == order).Year;
            var figure = At(code, LaIndicatorArea.La, m.Code, order);
            var values = neighbourCodes.Select(c => At(c, LaIndicatorArea.La, m.Code, order).Value).OfType<decimal>().ToList();
            var previous = At(code, LaIndicatorArea.La, m.Code, order - 1);
            var previousYear = own.FirstOrDefault(f => f.Measure == m.Code && f.YearOrder == order - 1)?.Year;
            return new NeighbourComparisonRow(m, year, figure, At(LaitFileReader.EnglandCode, LaIndicatorArea.England, m.Code, order),
                regionCode is { } r ? At(r, LaIndicatorArea.Region, m.Code, order) : LaFigure.None,
                values.Count > 0 ? Math.Round(values.Average(), m.Decimals + 2) : null, values.Count,
                figure.Value is { } v ? NationalRank.Among(v, national.GetValueOrDefault(m.Code) ?? [], m.Polarity) : null,
                previousYear, previous, Trend(m, figure.Value, previous.Value));
        }).ToList();
        var importId = own.Select(f => (long?)f.ImportId).FirstOrDefault();
        var importedAt = importId is { } id ? await db.Imports.AsNoTracking().Where(i => i.Id == id).Select(i => (DateTime?)i.At).FirstOrDefaultAsync(ct) : null;
        return new NeighbourComparison(code, mine.Select(f => f.AreaName).FirstOrDefault() ?? la?.Name ?? "The LA",
            regionCode is null ? (region.Length > 0 ? region : "Region") : own.First(f => f.AreaCode == regionCode).AreaName,
            mine.Count > 0, neighbourCodes.Count > 0, neighbours, rows, importedAt);
    }

    /// <summary>An LA's region as its rows name it ("Inner London", "Yorkshire and The Humber") is the region row of that name ("London (Inner)", any case).</summary>
    public static bool SameRegion(string regionRow, string laRegion)
    {
        static string Normal(string name)
        {
            var n = name.Trim().ToLowerInvariant();
            return n switch { "london (inner)" => "inner london", "london (outer)" => "outer london", _ => n };
        }
        return laRegion.Length > 0 && Normal(regionRow) == Normal(laRegion);
    }

    /// <summary>Since the year before: improved or declined by the measure's polarity, or up or down when it has none.</summary>
    public static string Trend(LaIndicatorMeasure measure, decimal? latest, decimal? previous)
    {
        if (latest is not { } now || previous is not { } then) return "";
        if (now == then) return "no change";
        return measure.Polarity switch
        {
            Polarity.HigherIsBetter => now > then ? "improved" : "declined",
            Polarity.LowerIsBetter => now < then ? "improved" : "declined",
            Polarity.NoDirection => now > then ? "up" : "down",
        };
    }
}
