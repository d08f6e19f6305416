using System.Globalization;
using DuckDB.NET.Data;
using SchoolSight.Bench.Indicators;
using SchoolSight.Core.Data;
using SchoolSight.Core.Imports;
using SchoolSight.Core.Imports.Pupils;
using SchoolSight.Core.Imports.Surveys;

namespace SchoolSight.Bench.Imports;

/// <summary>
/// Pupil and survey imports against DuckDB loading the same file, in one run: the latest year's synthetic pupil file and
/// survey file (the indicators benchmark's, generated the same way) are loaded by DuckDB (<c>CREATE TABLE … AS SELECT * FROM
/// read_csv(…)</c>, its own type detection, every core) as the baseline, then imported by SchoolSight into a fresh
/// database with the schools registered, each with the peak working set of the process while it ran. SQLite always;
/// PostgreSQL too when SCHOOLSIGHT_TEST_POSTGRES is set.
/// </summary>
public static class DataFilesBenchmark
{
    public static async Task<int> RunAsync(IndicatorsBenchmark.Options options)
    {
        var files = await IndicatorsBenchmark.EnsureFilesAsync(options);
        var year = files.Years[^1];
        Console.WriteLine($"Data files benchmark: {files.Establishments:N0} schools, seed {options.Seed}; pupils {year.PupilRows:N0} rows " +
                          $"({Mb(year.PupilFile)}), surveys {year.SurveyRows:N0} rows ({Mb(year.SurveyFile)})");
        Console.WriteLine($".NET {Environment.Version}, {Environment.ProcessorCount} cores, {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC");

        var rows = new List<(string Scenario, string Database, TimeSpan Time, long Peak, TimeSpan Baseline)>();
        var duckPupils = await DuckDbLoadAsync(year.PupilFile, year.PupilRows);
        var duckSurveys = await DuckDbLoadAsync(year.SurveyFile, year.SurveyRows);
        rows.Add(("DuckDB read_csv into a table: pupils", "DuckDB", duckPupils.Time, duckPupils.Peak, duckPupils.Time));
        rows.Add(("DuckDB read_csv into a table: surveys", "DuckDB", duckSurveys.Time, duckSurveys.Peak, duckSurveys.Time));

        var databases = new List<DatabaseProvider> { DatabaseProvider.Sqlite };
        if (Environment.GetEnvironmentVariable("SCHOOLSIGHT_TEST_POSTGRES") is { Length: > 0 }) databases.Add(DatabaseProvider.Postgres);
        foreach (var provider in databases)
        {
            await using var database = await BenchDatabase.CreateAsync(provider);
            await IndicatorsBenchmark.ImportEstablishmentsAsync(database, files);
            var pupils = await Measure.OnceAsync(() => ImportAsync(database, year.PupilFile, db => new ImportPupils(db)));
            Console.Error.WriteLine($"  pupils [{provider}]: {pupils.Time.TotalSeconds:N1} s, peak {pupils.PeakBytes / 1048576.0:N0} MB");
            var surveys = await Measure.OnceAsync(() => ImportAsync(database, year.SurveyFile, db => new ImportSurveys(db)));
            Console.Error.WriteLine($"  surveys [{provider}]: {surveys.Time.TotalSeconds:N1} s, peak {surveys.PeakBytes / 1048576.0:N0} MB");
            rows.Add(("SchoolSight import: pupils", provider.ToString(), pupils.Time, pupils.PeakBytes, duckPupils.Time));
            rows.Add(("SchoolSight import: surveys", provider.ToString(), surveys.Time, surveys.PeakBytes, duckSurveys.Time));
        }

        Console.WriteLine();
        Console.WriteLine("| Scenario | Database | Time | Peak WS | × DuckDB (same file) |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var r in rows)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Scenario} | {r.Database} | {r.Time.TotalSeconds:N1} s | {r.Peak / 1048576.0:N0} MB | {r.Time / r.Baseline:N2} |"));
        return 0;
    }

    private static async Task ImportAsync(BenchDatabase database, string path,
        Func<AppDbContext, DataBlockImport> import)
    {
        await using var db = database.CreateContext();
        await using var stream = File.OpenRead(path);
        var result = (await import(db).RunAsync(new DataImportRequest(stream, Path.GetFileName(path)))).Value;
        IndicatorsBenchmark.Check(result?.Applied == true, $"import of {Path.GetFileName(path)}: {string.Join("; ", result?.Errors.Take(3) ?? [])}");
    }

    /// <summary>DuckDB's own load of the file into a table, in memory, with its type detection.</summary>
    private static Task<(TimeSpan Time, long Peak)> DuckDbLoadAsync(string path, long expectedRows) => Measure.OnceAsync(() =>
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"CREATE TABLE loaded AS SELECT * FROM read_csv('{path.Replace("'", "''")}', header = true)";
        command.ExecuteNonQuery();
        command.CommandText = "SELECT count(*) FROM loaded";
        var loaded = Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        IndicatorsBenchmark.Check(loaded == expectedRows, $"DuckDB loaded {loaded} rows of {Path.GetFileName(path)}, expected {expectedRows}");
        return Task.CompletedTask;
    }).ContinueWith(t => (t.Result.Time, t.Result.PeakBytes));

    private static string Mb(string path) => $"{new FileInfo(path).Length / 1048576.0:N0} MB";
}
