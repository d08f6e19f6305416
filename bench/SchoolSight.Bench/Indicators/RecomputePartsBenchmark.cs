using System.Diagnostics;
using System.Globalization;
using SchoolSight.Core.Data;
using SchoolSight.Core.Demo.Synthetic;
using SchoolSight.Core.Indicators;

namespace SchoolSight.Bench.Indicators;

/// <summary>
/// The full recompute part by part against DuckDB doing the same computation over the same files, in one run: the
/// synthetic files are imported into SQLite (and PostgreSQL when <c>SCHOOLSIGHT_TEST_POSTGRES</c> is set), each
/// database's recompute is run once to warm up (its time given apart as the first run in the process) and then
/// <c>--reps</c> times, DuckDB likewise; each part's median is printed beside DuckDB's with the ratio, and the totals.
/// </summary>
public static class RecomputePartsBenchmark
{
    private static readonly (RecomputePart Part, string Name)[] PartNames =
    [
        (RecomputePart.CountingAndGroups, "(a) counting and groups"),
        (RecomputePart.Lowest20Histograms, "(b) lowest-20% histograms"),
        (RecomputePart.Perception, "(c) perception"),
        (RecomputePart.AreaSums, "(d) area sums (locality, LA, England)"),
        (RecomputePart.SimilarSchools, "(e) similar schools"),
    ];

    /// <summary>One side's runs: each part's time and the total, per run after the warm-up, and the first run's total.</summary>
    private sealed record Runs(string Name, TimeSpan First, List<Dictionary<RecomputePart, TimeSpan>> Parts, List<TimeSpan> Totals)
    {
        public List<RecomputeTimings> Steps { get; } = [];
        public TimeSpan Median(RecomputePart part) => MedianOf(Parts.Select(p => p[part]));
        public TimeSpan Median(RecomputeStep step) => MedianOf(Steps.Select(s => s[step]));
        public TimeSpan Total => MedianOf(Totals);
    }

    public static async Task<int> RunAsync(IndicatorsBenchmark.Options options)
    {
        var files = await IndicatorsBenchmark.EnsureFilesAsync(options);
        var reps = Math.Max(1, options.Reps);
        Console.WriteLine($"Recompute part by part: {files.Establishments:N0} schools, {files.Years.Count} years, {files.Years.Sum(y => y.PupilRows):N0} pupil rows, " +
                          $"{files.Years.Sum(y => y.SurveyRows):N0} survey rows, seed {options.Seed}, median of {reps} after a warm-up");
        Console.WriteLine($".NET {Environment.Version}, {Environment.ProcessorCount} cores, load average {LoadAverage()}");

        var providers = new List<DatabaseProvider> { DatabaseProvider.Sqlite };
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("SCHOOLSIGHT_TEST_POSTGRES"))) providers.Add(DatabaseProvider.Postgres);
        var ours = new List<Runs>();
        List<(int Urn, int La, int? Locality, string Phase)> schools = [];
        var schoolYears = 0;
        foreach (var provider in providers)
        {
            await using var database = await BenchDatabase.CreateAsync(provider);
            await IndicatorsBenchmark.ImportEstablishmentsAsync(database, files);
            var (importTime, _) = await Measure.OnceAsync(() => IndicatorsBenchmark.ImportYearsAsync(database, files));
            Console.Error.WriteLine($"{provider}: imported in {importTime.TotalSeconds:N1} s");
            schools = await IndicatorsBenchmark.SchoolsAsync(database);
            var runs = new Runs(provider.ToString(), TimeSpan.Zero, [], []);
            for (var rep = 0; rep <= reps; rep++)
            {
                GC.Collect();
                var started = Stopwatch.GetTimestamp();
                ComputeResult result;
                await using (var db = database.CreateContext())
                    result = await new ComputeIndicators(db, IndicatorCatalogueSource.Default).RunAsync(new ComputeRequest(Full: true));
                var total = Stopwatch.GetElapsedTime(started);
                schoolYears = result.SchoolYearsComputed;
                Console.Error.WriteLine($"  {provider} run {rep}{(rep == 0 ? " (warm-up)" : "")}: {total.TotalSeconds:N3} s; {result.Timings}; " +
                                        string.Join(", ", Enum.GetValues<RecomputeStep>().Select(s => $"{s} {result.Timings[s].TotalMilliseconds:N0} ms")));
                if (rep == 0) runs = runs with { First = total };
                else
                {
                    runs.Parts.Add(Enum.GetValues<RecomputePart>().ToDictionary(p => p, p => result.Timings.Part(p)));
                    runs.Steps.Add(result.Timings);
                    runs.Totals.Add(total);
                }
            }
            ours.Add(runs);
        }

        var theirs = options.SkipDuckDb ? new Runs("DuckDB", TimeSpan.Zero, [], []) : RunDuckDb(files, schools, schoolYears, reps);
        Print(ours, theirs, reps);
        return 0;
    }

    /// <summary>DuckDB's runs over the same files (left out with <c>--skip-duckdb</c>, to time SchoolSight's steps alone).</summary>
    private static Runs RunDuckDb(SyntheticFiles files, List<(int Urn, int La, int? Locality, string Phase)> schools, int schoolYears, int reps)
    {
        var source = IndicatorCatalogueSource.Default;
        using var duck = new DuckDbIndicators(source.Computer, source.SimilarSchools);
        var loading = Stopwatch.StartNew();
        duck.Load([.. files.Years.Select(y => y.PupilFile)], [.. files.Years.Select(y => y.SurveyFile)], schools);
        var loadTime = loading.Elapsed;
        Console.Error.WriteLine($"DuckDB: loaded in {loadTime.TotalSeconds:N1} s (not part of the ratio)");
        var theirs = new Runs("DuckDB", TimeSpan.Zero, [], []);
        for (var rep = 0; rep <= reps; rep++)
        {
            GC.Collect();
            var started = Stopwatch.GetTimestamp();
            var computed = duck.Compute();
            var total = Stopwatch.GetElapsedTime(started);
            IndicatorsBenchmark.Check(computed == schoolYears, $"DuckDB computed {computed} school-years, SchoolSight {schoolYears}");
            Console.Error.WriteLine($"  DuckDB run {rep}{(rep == 0 ? " (warm-up)" : "")}: {total.TotalSeconds:N3} s; " +
                                    string.Join(", ", duck.Parts.Select(p => $"{p.Key} {p.Value.TotalSeconds:0.000} s")));
            if (rep == 0) theirs = theirs with { First = total };
            else
            {
                theirs.Parts.Add(new Dictionary<RecomputePart, TimeSpan>(duck.Parts));
                theirs.Totals.Add(total);
            }
        }
        return theirs;
    }

    private static void Print(List<Runs> ours, Runs theirs, int reps)
    {
        Console.WriteLine();
        Console.WriteLine($"| part, median of {reps} | DuckDB | {string.Join(" | ", ours.Select(o => $"{o.Name} | × DuckDB"))} |");
        Console.WriteLine($"|---|---|{string.Concat(ours.Select(_ => "---|---|"))}");
        foreach (var (part, name) in PartNames)
            Console.WriteLine($"| {name} | {Ms(theirs.Median(part))} | {string.Join(" | ", ours.Select(o => $"{Ms(o.Median(part))} | {Ratio(o.Median(part), theirs.Median(part))}"))} |");
        Console.WriteLine($"| **total** (median of whole runs) | {Ms(theirs.Total)} | {string.Join(" | ", ours.Select(o => $"{Ms(o.Total)} | **{Ratio(o.Total, theirs.Total)}**"))} |");
        Console.WriteLine($"| first run in the process (not in the medians) | {Ms(theirs.First)} | {string.Join(" | ", ours.Select(o => $"{Ms(o.First)} | {Ratio(o.First, theirs.First)}"))} |");
        Console.WriteLine();
        Console.WriteLine($"| SchoolSight's steps, median of {reps} | part | {string.Join(" | ", ours.Select(o => o.Name))} |");
        Console.WriteLine($"|---|---|{string.Concat(ours.Select(_ => "---|"))}");
        foreach (var step in Enum.GetValues<RecomputeStep>())
            Console.WriteLine($"| {step} | {(char)('a' + (int)RecomputeTimings.PartOf(step))} | {string.Join(" | ", ours.Select(o => Ms(o.Median(step))))} |");
        Console.WriteLine($"Load average at the end: {LoadAverage()}");
    }

    private static TimeSpan MedianOf(IEnumerable<TimeSpan> times) => times.Order().ToList() is { Count: > 0 } sorted ? sorted[sorted.Count / 2] : TimeSpan.Zero;

    private static string Ms(TimeSpan time) => time.TotalMilliseconds.ToString("N0", CultureInfo.InvariantCulture) + " ms";

    private static string Ratio(TimeSpan ours, TimeSpan theirs) =>
        theirs > TimeSpan.Zero ? (ours / theirs).ToString("0.00", CultureInfo.InvariantCulture) : "–";

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
