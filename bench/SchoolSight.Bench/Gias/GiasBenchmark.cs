using System.Globalization;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SchoolSight.Core.Access;
using SchoolSight.Core.Data;
using SchoolSight.Core.Imports.Gias;

namespace SchoolSight.Bench.Gias;

/// <summary>
/// The GIAS import at national size: a baseline (CsvHelper reading every field into string arrays, no checks),
/// (a) reading and checking the whole file, (b) a full import of every LA into an empty database, (c) importing
/// the same file again (no changes). SQLite always; PostgreSQL when SCHOOLSIGHT_TEST_POSTGRES is set.
/// </summary>
public static class GiasBenchmark
{
    public static async Task<int> RunAsync(BenchOptions options)
    {
        Console.Error.WriteLine($"Generating {options.Rows:N0} rows with seed {options.Seed}…");
        var (path, sha, laCodes) = NationalGiasFile.Write(options.Rows, options.Seed);
        var size = new FileInfo(path).Length;
        Console.WriteLine($"GIAS national benchmark: {options.Rows:N0} rows, {laCodes} LA codes, {size / 1048576.0:N1} MB, seed {options.Seed}, SHA-256 {sha[..16]}…");
        Console.WriteLine($".NET {Environment.Version}, {Environment.ProcessorCount} cores, {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC; median of {options.Reps} (files) / {options.DbReps} (databases) runs after a warm-up");

        var maxLengths = MaxLengths();
        var results = new List<Measurement>
        {
            await Measure.RunAsync("Baseline: CsvHelper to string[]", "-", options.Rows, options.Reps, NoState, _ => Task.FromResult(Baseline(path, options.Rows))),
            await Measure.RunAsync("(a) Read and check", "-", options.Rows, options.Reps, NoState, async _ =>
            {
                await using var stream = File.OpenRead(path);
                var file = await GiasFileReader.ReadAsync(stream, new GiasReadOptions(GiasImportScope.EveryLa) { MaxLengths = maxLengths });
                Check(file.Errors.Count == 0 && file.Rows.Count == options.Rows, $"read {file.Rows.Count} rows, {file.Errors.Count} errors");
            }),
        };

        var databases = new List<DatabaseProvider> { DatabaseProvider.Sqlite };
        if (Environment.GetEnvironmentVariable("SCHOOLSIGHT_TEST_POSTGRES") is { Length: > 0 }) databases.Add(DatabaseProvider.Postgres);
        foreach (var provider in databases)
        {
            results.Add(await Measure.RunAsync("(b) Full import, empty database", provider.ToString(), options.Rows, options.DbReps,
                async () => (object?)await BenchDatabase.CreateAsync(provider),
                async db => Check((await ImportAsync((BenchDatabase)db!, path)) is { Added: var added } && added == options.Rows, "expected every row added"),
                async db => await ((BenchDatabase)db!).DisposeAsync()));
            results.Add(await Measure.RunAsync("(c) Re-import, no changes", provider.ToString(), options.Rows, options.DbReps,
                async () =>
                {
                    var db = await BenchDatabase.CreateAsync(provider);
                    await ImportAsync(db, path);
                    return (object?)db;
                },
                async db => Check((await ImportAsync((BenchDatabase)db!, path)) is { Unchanged: var same, Updated: 0, Added: 0, Closed: 0 } && same == options.Rows,
                    "expected nothing changed"),
                async db => await ((BenchDatabase)db!).DisposeAsync()));
        }

        Print(results);
        Console.WriteLine();
        foreach (var provider in databases)
        {
            await using var db = await BenchDatabase.CreateAsync(provider);
            var first = new GiasPhases();
            await ImportAsync(db, path, first);
            var again = new GiasPhases();
            await ImportAsync(db, path, again);
            Console.WriteLine($"Where the time goes, {provider}, (b): {first.Describe()}");
            Console.WriteLine($"Where the time goes, {provider}, (c): {again.Describe()}");
            Console.WriteLine($"CPU time of the process, {provider}, (b): {first.DescribeCpu()}");
            Console.WriteLine($"CPU time of the process, {provider}, (c): {again.DescribeCpu()}");
        }
        File.Delete(path);
        return 0;
    }

    private static Task<object?> NoState() => Task.FromResult<object?>(null);

    private static object? Baseline(string path, int expected)
    {
        using var reader = CsvReader.FromFile(path, CsvReaderOptions.Default with { Separator = ',' });
        var rows = 0;
        while (reader.Read())
        {
            var fields = new string[reader.FieldCount];
            for (var i = 0; i < fields.Length; i++) fields[i] = reader.GetString(i);
            rows++;
        }
        Check(rows == expected, $"baseline read {rows} rows");
        return null;
    }

    private static async Task<GiasImportResult> ImportAsync(BenchDatabase database, string path, IProgress<GiasImportProgress>? progress = null)
    {
        await using var db = database.CreateContext();
        await using var stream = File.OpenRead(path);
        var result = (await new ImportGias(db).RunAsync(new GiasImportRequest(stream, Path.GetFileName(path), GiasImportScope.EveryLa), progress)).Value!;
        Check(result.Applied, string.Join("; ", result.Errors.Take(3)));
        return result;
    }

    private static IReadOnlyDictionary<string, int> MaxLengths()
    {
        using var db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseSqlite("Data Source=:memory:").Options);
        return GiasReadOptions.MaxLengthsOf(db.Model);
    }

    private static void Check(bool ok, string what)
    {
        if (!ok) throw new InvalidOperationException($"Benchmark run went wrong: {what}");
    }

    private static void Print(List<Measurement> results)
    {
        var baseline = results[0];
        Console.WriteLine();
        Console.WriteLine($"| {"Scenario",-34} | {"Database",-8} | {"Median",9} | {"Min",9} | {"Rows/s",9} | {"Peak WS",8} | {"× time",7} | {"× peak",7} |");
        Console.WriteLine($"|{new string('-', 36)}|{new string('-', 10)}|{new string('-', 11)}|{new string('-', 11)}|{new string('-', 11)}|{new string('-', 10)}|{new string('-', 9)}|{new string('-', 9)}|");
        foreach (var m in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {m.Scenario,-34} | {m.Database,-8} | {Ms(m.Median),9} | {Ms(m.Min),9} | {m.RowsPerSecond,9:N0} | {m.PeakBytes / 1048576.0,5:N0} MB | {m.Median / baseline.Median,7:N1} | {(double)m.PeakBytes / baseline.PeakBytes,7:N1} |"));
        }
    }

    private static string Ms(TimeSpan t) => t.TotalMilliseconds.ToString("N0", CultureInfo.InvariantCulture) + " ms";
}
