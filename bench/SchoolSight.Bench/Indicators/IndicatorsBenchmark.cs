using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Core.Demo.Synthetic;
using SchoolSight.Core.Imports;
using SchoolSight.Core.Imports.Gias;
using SchoolSight.Core.Imports.Pupils;
using SchoolSight.Core.Imports.Surveys;
using SchoolSight.Core.Indicators;

namespace SchoolSight.Bench.Indicators;

/// <summary>
/// The indicator engine at national size (issue 3, item 9), in one run with a fixed seed: (a) importing the synthetic
/// national pupil and survey files, (b) a full recompute of every indicator, group, trend input, benchmark and
/// similar-school set, each with its peak working set, (c) the same computation by DuckDB over the same files as the
/// baseline (its load timed apart), and the ratio (b)/(c); then a school data page under load on 127.0.0.1.
/// </summary>
public static class IndicatorsBenchmark
{
    public sealed record Options(bool National, int Schools, int Years, int Seed, int Reps, string? DataFolder, int Requests, int Concurrency, bool Postgres, bool SkipDuckDb)
    {
        public static Options Parse(string[] args)
        {
            string? Text(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
            int Value(string name, int fallback) => int.TryParse(Text(name), out var v) ? v : fallback;
            return new Options(args.Contains("--national"), Value("--schools", 200), Value("--years", 3), Value("--seed", 42), Value("--reps", 3),
                Text("--data"), Value("--requests", 2000), Value("--concurrency", 8), args.Contains("--postgres"), args.Contains("--skip-duckdb"));
        }
    }

    public static async Task<int> RunAsync(Options options)
    {
        var files = await EnsureFilesAsync(options);
        var pupilRows = files.Years.Sum(y => y.PupilRows);
        var surveyRows = files.Years.Sum(y => y.SurveyRows);
        Console.WriteLine($"Indicators benchmark: {files.Establishments:N0} schools, {files.Years.Count} years, {pupilRows:N0} pupil rows, {surveyRows:N0} survey rows, seed {options.Seed}");
        Console.WriteLine($".NET {Environment.Version}, {Environment.ProcessorCount} cores, {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC");

        var provider = options.Postgres ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
        await using var database = await BenchDatabase.CreateAsync(provider);
        await ImportEstablishmentsAsync(database, files);

        // (a) Import every pupil and survey file.
        var (importTime, importPeak) = await Measure.OnceAsync(() => ImportYearsAsync(database, files));
        Console.Error.WriteLine($"(a) import: {importTime.TotalSeconds:N1} s, peak {Mb(importPeak)}");

        // (b) Full recompute, median of the repetitions.
        var source = IndicatorCatalogueSource.Default;
        var computeRuns = new List<(TimeSpan Time, long Peak)>();
        ComputeResult? computed = null;
        for (var rep = 0; rep < options.Reps; rep++)
        {
            computeRuns.Add(await Measure.OnceAsync(async () =>
            {
                await using var db = database.CreateContext();
                computed = await new ComputeIndicators(db, source).RunAsync(new ComputeRequest(Full: true));
            }));
            Console.Error.WriteLine($"(b) recompute run {rep + 1}: {computeRuns[^1].Time.TotalSeconds:N2} s, peak {Mb(computeRuns[^1].Peak)}");
        }
        Check(computed!.SchoolYearsComputed > 0, "recompute computed nothing");

        // (c) DuckDB: the same computation over the same files.
        var schools = await SchoolsAsync(database);
        if (options.SkipDuckDb)
        {
            Console.WriteLine($"| (b) Full recompute ({provider}), median of {options.Reps} | {Median(computeRuns).Time.TotalSeconds:N2} s | {Mb(Median(computeRuns).Peak)} |");
            if (options.Requests > 0) await PageLoad.RunAsync(database.Options, [.. schools.Select(s => s.Urn)], options.Requests, options.Concurrency, options.Seed);
            return 0;
        }
        using var duck = new DuckDbIndicators(source.Computer, source.SimilarSchools);
        var (loadTime, loadPeak) = await Measure.OnceAsync(() =>
        {
            duck.Load([.. files.Years.Select(y => y.PupilFile)], [.. files.Years.Select(y => y.SurveyFile)], schools);
            return Task.CompletedTask;
        });
        Check(duck.PupilRows == pupilRows, $"DuckDB loaded {duck.PupilRows} pupil rows, expected {pupilRows}");
        Console.Error.WriteLine($"(c) DuckDB load: {loadTime.TotalSeconds:N1} s, peak {Mb(loadPeak)}");
        var duckRuns = new List<(TimeSpan Time, long Peak)>();
        long duckSchoolYears = 0;
        for (var rep = 0; rep < options.Reps; rep++)
        {
            duckRuns.Add(await Measure.OnceAsync(() => { duckSchoolYears = duck.Compute(); return Task.CompletedTask; }));
            Console.Error.WriteLine($"(c) DuckDB compute run {rep + 1}: {duckRuns[^1].Time.TotalSeconds:N2} s, peak {Mb(duckRuns[^1].Peak)}");
        }
        Check(duckSchoolYears == computed.SchoolYearsComputed, $"DuckDB computed {duckSchoolYears} school-years, SchoolSight {computed.SchoolYearsComputed}");

        var ours = Median(computeRuns);
        var theirs = Median(duckRuns);
        Console.WriteLine();
        Console.WriteLine("| Scenario | Time | Peak working set |");
        Console.WriteLine("|---|---|---|");
        Console.WriteLine($"| (a) Import pupil and survey files ({provider}) | {importTime.TotalSeconds:N1} s | {Mb(importPeak)} |");
        Console.WriteLine($"| (b) Full recompute ({provider}), median of {options.Reps} | {ours.Time.TotalSeconds:N2} s | {Mb(ours.Peak)} |");
        Console.WriteLine($"| (c) DuckDB: load the same files | {loadTime.TotalSeconds:N1} s | {Mb(loadPeak)} |");
        Console.WriteLine($"| (c) DuckDB: the same computation, median of {options.Reps} | {theirs.Time.TotalSeconds:N2} s | {Mb(theirs.Peak)} |");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| Ratio SchoolSight / DuckDB (b)/(c) | {ours.Time / theirs.Time:N2} | |"));

        if (options.Requests > 0)
            await PageLoad.RunAsync(database.Options, [.. schools.Select(s => s.Urn)], options.Requests, options.Concurrency, options.Seed);
        return 0;
    }

    /// <summary>Every school's URN, LA, locality and phase, for DuckDB's schools table.</summary>
    internal static async Task<List<(int Urn, int La, int? Locality, string Phase)>> SchoolsAsync(BenchDatabase database)
    {
        await using var db = database.CreateContext();
        return [.. (await db.Schools.IgnoreQueryFilters().AsNoTracking().Select(s => new { s.Urn, s.Details.LaCode, s.LocalityId, s.Phase }).ToListAsync())
            .Select(s => (s.Urn, s.LaCode, s.LocalityId, s.Phase.ToString()))];
    }

    /// <summary>The synthetic GIAS file for every LA.</summary>
    internal static async Task ImportEstablishmentsAsync(BenchDatabase database, SyntheticFiles files)
    {
        await using var db = database.CreateContext();
        await using var stream = File.OpenRead(files.EstablishmentFile);
        var gias = await new ImportGias(db).RunAsync(new GiasImportRequest(stream, Path.GetFileName(files.EstablishmentFile), GiasImportScope.EveryLa));
        Check(gias.Value?.Applied == true, "establishments import");
    }

    /// <summary>Every year's synthetic pupil and survey files.</summary>
    internal static async Task ImportYearsAsync(BenchDatabase database, SyntheticFiles files)
    {
        foreach (var year in files.Years)
        {
            await using var db = database.CreateContext();
            await using (var stream = File.OpenRead(year.PupilFile))
                Check((await new ImportPupils(db).RunAsync(new DataImportRequest(stream, Path.GetFileName(year.PupilFile)))).Value?.Applied == true, "pupil import");
            await using (var stream = File.OpenRead(year.SurveyFile))
                Check((await new ImportSurveys(db).RunAsync(new DataImportRequest(stream, Path.GetFileName(year.SurveyFile)))).Value?.Applied == true, "survey import");
            Console.Error.WriteLine($"  imported {AcademicYearsText(year.AcademicYear)}");
        }
    }

    /// <summary>The synthetic files for these options, generated on first use into a folder kept between runs.</summary>
    internal static async Task<SyntheticFiles> EnsureFilesAsync(Options options) =>
        await EnsureFilesAsync(options.DataFolder ?? Path.Combine(Path.GetTempPath(),
            options.National ? $"schoolsight-bench-national-s{options.Seed}-y{options.Years}" : $"schoolsight-bench-{options.Schools}-s{options.Seed}-y{options.Years}"), options);

    private static async Task<SyntheticFiles> EnsureFilesAsync(string folder, Options options)
    {
        var establishments = options.National ? SyntheticEstablishments.National(options.Seed) : SyntheticEstablishments.Local(options.Schools, options.Seed);
        var first = 2024 - options.Years + 1;
        var marker = Path.Combine(folder, "complete");
        if (File.Exists(marker))
        {
            Console.Error.WriteLine($"Using the files already generated in {folder}");
            return new SyntheticFiles(Path.Combine(folder, SyntheticDataFiles.EstablishmentFileName), establishments.Count,
                [.. Enumerable.Range(first, options.Years).Select(y => new SyntheticYearFiles(y,
                    Path.Combine(folder, SyntheticDataFiles.PupilFileName(y)), CountRows(Path.Combine(folder, SyntheticDataFiles.PupilFileName(y))),
                    Path.Combine(folder, SyntheticDataFiles.SurveyFileName(y)), CountRows(Path.Combine(folder, SyntheticDataFiles.SurveyFileName(y)))))]);
        }
        Console.Error.WriteLine($"Generating {establishments.Count:N0} schools × {options.Years} years into {folder}…");
        var (time, _) = await Measure.OnceAsync(() => Task.Run(() => SyntheticDataFiles.Write(folder, establishments, first, options.Years, options.Seed)));
        Console.Error.WriteLine($"Generated in {time.TotalSeconds:N0} s");
        await File.WriteAllTextAsync(marker, "");
        return await EnsureFilesAsync(folder, options);
    }

    private static long CountRows(string path)
    {
        long lines = 0;
        using var reader = new StreamReader(path);
        while (reader.ReadLine() is not null) lines++;
        return lines - 1;
    }

    private static (TimeSpan Time, long Peak) Median(List<(TimeSpan Time, long Peak)> runs) =>
        (runs.Select(r => r.Time).Order().ElementAt(runs.Count / 2), runs.Max(r => r.Peak));

    internal static string Mb(long bytes) => $"{bytes / 1048576.0:N0} MB";

    private static string AcademicYearsText(int year) => Domain.Indicators.AcademicYears.Display(year);

    internal static void Check(bool ok, string what)
    {
        if (!ok) throw new InvalidOperationException($"Benchmark run went wrong: {what}");
    }
}
