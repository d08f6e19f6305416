using System.IO.Compression;
using SchoolSight.Core.Data;
using SchoolSight.Core.LaIndicators;
using SchoolSight.Domain.LaIndicators;

namespace SchoolSight.Core.Demo;

/// <summary>
/// The DfE's LA indicators for the demo: the headline measures' last three years for every LA, region and England, as
/// published (an extract of the DfE's file, read with the same reader as an import). Demo Borough is fictional, so it
/// takes a real LA's figures, clearly named as such (<see cref="StandIn"/>, in place of that LA so it is not counted
/// twice), and a demo list of ten statistical neighbours.
/// </summary>
public static class DemoLaIndicators
{
    /// <summary>The real LA whose published figures Demo Borough shows.</summary>
    public const int StandIn = 850;
    public const string StandInName = "Hampshire";
    public static readonly IReadOnlyList<int> Neighbours = [936, 938, 886, 881, 919, 931, 825, 916, 885, 865];

    public static string DemoName => $"{DemoSeeder.DemoLaName} (demo: {StandInName}'s published figures)";

    public static async Task SeedAsync(AppDbContext db, CancellationToken ct = default)
    {
        await using var resource = typeof(DemoLaIndicators).Assembly.GetManifestResourceStream("SchoolSight.Core.Demo.la-indicators-demo.csv.gz")!;
        await using var csv = new GZipStream(resource, CompressionMode.Decompress);
        var file = await LaitFileReader.ReadAsync(csv, ct: ct);
        if (file.ErrorCount > 0) throw new InvalidOperationException("The demo LA indicators do not read: " + string.Join("; ", file.Errors.Take(3)));
        db.LaIndicatorFigures.AddRange(file.Rows.Select(r => r.AreaCode == StandIn
            ? new LaIndicatorFigure(r.Measure, r.Year, r.YearOrder, r.Area, DemoSeeder.DemoLaCode, DemoName, r.Region, r.Value, r.Marker, 0)
            : new LaIndicatorFigure(r.Measure, r.Year, r.YearOrder, r.Area, r.AreaCode, r.AreaName, r.Region, r.Value, r.Marker, 0)));
        db.StatisticalNeighbours.Add(new StatisticalNeighbours(DemoSeeder.DemoLaCode, Neighbours));
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }
}
