using System.Globalization;
using DuckDB.NET.Data;
using Microsoft.EntityFrameworkCore;
using SchoolSight.Bench.Indicators;
using SchoolSight.Core.Data;
using SchoolSight.Core.Imports;
using SchoolSight.Core.Imports.Gias;
using SchoolSight.Core.Imports.Pupils;
using SchoolSight.Core.Imports.Surveys;

namespace SchoolSight.Bench.Imports;

/// <summary>
/// Pupil and survey imports against DuckDB loading the same file, in one run: the latest year's synthetic pupil file and
/// survey file (the indicators benchmark's, generated the same way) are loaded by DuckDB (<c>CREATE TABLE … AS SELECT * FROM
/// read_csv(…)</c>, its own type detection, every core) as the baseline, then imported by SchoolSight into a fresh
/// database with the schools registered, each with the peak working set of the process while it ran, and where its time
/// went (checking the bytes, reading and checking the rows, saving). SQLite always; PostgreSQL too when
/// SCHOOLSIGHT_TEST_POSTGRES is set.
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

        var rows = new List<(string Scenario, string Database, Timed Run, Timed Baseline)>();
        var duckPupils = await DuckDbLoadAsync(year.PupilFile, year.PupilRows);
        var duckSurveys = await DuckDbLoadAsync(year.SurveyFile, year.SurveyRows);
        rows.Add(("DuckDB read_csv into a table: pupils", "DuckDB", duckPupils, duckPupils));
        rows.Add(("DuckDB read_csv into a table: surveys", "DuckDB", duckSurveys, duckSurveys));

        var databases = new List<DatabaseProvider> { DatabaseProvider.Sqlite };
        if (Environment.GetEnvironmentVariable("SCHOOLSIGHT_TEST_POSTGRES") is { Length: > 0 }) databases.Add(DatabaseProvider.Postgres);
        var phases = new List<string>();
        var importPhases = new List<string>();
        foreach (var provider in databases)
        {
            await using var database = await BenchDatabase.CreateAsync(provider);
            await IndicatorsBenchmark.ImportEstablishmentsAsync(database, files);
            var held = await HeldUrnsAsync(database);
            foreach (var (name, path, baseline, read, import) in new (string, string, Timed, Func<Stream, BlockSpool, Task<DataBlockFile>>, Func<AppDbContext, DataBlockImport>)[]
                     {
                         ("pupils", year.PupilFile, duckPupils, (s, spool) => PupilFileReader.ReadAsync(s, held, spool), db => new ImportPupils(db)),
                         ("surveys", year.SurveyFile, duckSurveys, (s, spool) => SurveyFileReader.ReadAsync(s, held, spool), db => new ImportSurveys(db)),
                     })
            {
                // Where the time goes: the bytes' check alone, then reading and checking every row (which includes
                // it), then the whole import; saving is the rest. The file's first megabyte is read first, untimed,
                // so that compiling the reader's code is not counted against a small file.
                await ReadAsync(path, read, prefixOnly: true);
                var bytes = await Timed.RunAsync(() => CheckBytesAsync(path));
                var checkedRows = await Timed.RunAsync(() => ReadAsync(path, read));
                DataImportTimings? timings = null;
                var imported = await Timed.RunAsync(async () => timings = await ImportAsync(database, path, import));
                Console.Error.WriteLine($"  {name} [{provider}]: {imported.Time.TotalSeconds:N1} s (CPU {imported.Cpu.TotalSeconds:N1} s), peak {imported.Peak / 1048576.0:N0} MB; {timings}");
                rows.Add(($"SchoolSight import: {name}", provider.ToString(), imported, baseline));
                phases.Add($"| {name} | {provider} | {bytes} | {checkedRows - bytes} | {imported - checkedRows} | {imported} |");
                importPhases.Add(string.Create(CultureInfo.InvariantCulture, $"| {name} | {provider} | {string.Join(" | ", Enum.GetValues<DataImportPhase>().Select(p => $"{timings![p].TotalSeconds:N2} s"))} | {imported.Time.TotalSeconds:N2} s |"));
            }
        }

        Console.WriteLine();
        Console.WriteLine("| Scenario | Database | Time (CPU) | Peak WS | × DuckDB (same file) | CPU × DuckDB's CPU |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var r in rows)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Scenario} | {r.Database} | {r.Run} | {r.Run.Peak / 1048576.0:N0} MB | {r.Run.Time / r.Baseline.Time:N2} | {r.Run.Cpu / r.Baseline.Cpu:N2} |"));
        Console.WriteLine();
        Console.WriteLine("Where the time goes (each phase timed apart in the same run, wall time and, in brackets, the process's CPU time; saving is the import less the read):");
        Console.WriteLine("| File | Database | check the bytes (hash, encoding) | read and check the rows, encode and spool | save | whole import |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var line in phases) Console.WriteLine(line);
        Console.WriteLine();
        Console.WriteLine("Inside the import (wall time of each phase as the import times it; the writer's busy and idle time overlap the reading, \"writer after reading\" is the wait from the last row read to the last block written):");
        Console.WriteLine("| File | Database | checking the bytes | reading and checking the rows | writer busy | writer idle | writer after reading | audit rows | commit | whole import |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var line in importPhases) Console.WriteLine(line);
        return 0;
    }

    private static async Task<IReadOnlySet<int>> HeldUrnsAsync(BenchDatabase database)
    {
        await using var db = database.CreateContext();
        return (await db.Schools.IgnoreQueryFilters().Select(s => s.Urn).ToListAsync()).ToHashSet();
    }

    private static async Task CheckBytesAsync(string path)
    {
        await using var stream = File.OpenRead(path);
        IndicatorsBenchmark.Check((await GiasFileCheck.RunAsync(stream, null, CancellationToken.None)).Error is null, $"bytes of {Path.GetFileName(path)}");
    }

    private static async Task ReadAsync(string path, Func<Stream, BlockSpool, Task<DataBlockFile>> read, bool prefixOnly = false)
    {
        await using Stream stream = prefixOnly ? FirstMegabyte(path) : File.OpenRead(path);
        using var spool = new BlockSpool();
        var file = await read(stream, spool);
        IndicatorsBenchmark.Check(file.ProblemCount == 0, $"read of {Path.GetFileName(path)}: {string.Join("; ", file.Problems.Take(3))}");
    }

    private static async Task<DataImportTimings?> ImportAsync(BenchDatabase database, string path,
        Func<AppDbContext, DataBlockImport> import)
    {
        await using var db = database.CreateContext();
        await using var stream = File.OpenRead(path);
        var result = (await import(db).RunAsync(new DataImportRequest(stream, Path.GetFileName(path)))).Value;
        IndicatorsBenchmark.Check(result?.Applied == true, $"import of {Path.GetFileName(path)}: {string.Join("; ", result?.Errors.Take(3) ?? [])}");
        return result!.Timings;
    }

    /// <summary>The header and the whole rows within the file's first megabyte.</summary>
    private static MemoryStream FirstMegabyte(string path)
    {
        using var file = File.OpenRead(path);
        var bytes = new byte[Math.Min(file.Length, 1 << 20)];
        file.ReadExactly(bytes);
        return new MemoryStream(bytes, 0, Array.LastIndexOf(bytes, (byte)'\n') + 1);
    }

    /// <summary>DuckDB's own load of the file into a table, in memory, with its type detection.</summary>
    private static Task<Timed> DuckDbLoadAsync(string path, long expectedRows) => Timed.RunAsync(() =>
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
    });

    private static string Mb(string path) => $"{new FileInfo(path).Length / 1048576.0:N0} MB";

    /// <summary>
    /// A step's wall time, the CPU time the whole process spent meanwhile (DuckDB runs in the process, on every core),
    /// and the peak working set: on a machine shared with other work, CPU time is the steadier measure of the work done.
    /// </summary>
    private sealed record Timed(TimeSpan Time, TimeSpan Cpu, long Peak)
    {
        public static async Task<Timed> RunAsync(Func<Task> run)
        {
            var before = ProcessCpu();
            var (time, peak) = await Measure.OnceAsync(run);
            return new Timed(time, ProcessCpu() - before, peak);
        }

        public static Timed operator -(Timed whole, Timed part) => new(whole.Time - part.Time, whole.Cpu - part.Cpu, whole.Peak);

        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Time.TotalSeconds:N2} s ({Cpu.TotalSeconds:N2} s)");

        private static TimeSpan ProcessCpu()
        {
            using var process = System.Diagnostics.Process.GetCurrentProcess();
            return process.TotalProcessorTime;
        }
    }
}
