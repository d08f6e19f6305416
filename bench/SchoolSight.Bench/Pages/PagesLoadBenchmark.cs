using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using Microsoft.EntityFrameworkCore;
using SchoolSight.Bench.Indicators;
using SchoolSight.Core.Data;
using SchoolSight.Core.Indicators;
using SchoolSight.Domain.Indicators;
using SchoolSight.Domain.Register;

namespace SchoolSight.Bench.Pages;

/// <summary>
/// Pages under load: an LA (<c>--schools N</c>) or the country (<c>--national</c>) from the synthetic generators, three
/// years of pupil and survey files imported and computed, then SchoolSight served by Kestrel on 127.0.0.1 to a pool of
/// signed-in LA officers and school users, each client its own <see cref="HttpClient"/> and cookies, driving the
/// realistic mix of <see cref="PageMix"/>: first a static file and /health as baselines, then the mix at <c>--clients</c> (50) and a
/// ramp (100, 200), each for <c>--seconds</c>. SQLite, then PostgreSQL when SCHOOLSIGHT_TEST_POSTGRES is set.
/// </summary>
public static class PagesLoadBenchmark
{
    public sealed record Options(bool National, int Schools, int Years, int Seed, int Clients, int Seconds, IReadOnlyList<int> Ramp, bool SqliteOnly, bool Profile, string? DataFolder, bool Baselines = true)
    {
        public static Options Parse(string[] args)
        {
            string? Text(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
            int Value(string name, int fallback) => int.TryParse(Text(name), CultureInfo.InvariantCulture, out var v) ? v : fallback;
            var clients = Value("--clients", 50);
            var ramp = Text("--ramp") is { } r ? r.Split(',').Select(x => int.Parse(x, CultureInfo.InvariantCulture)).ToList() : [clients, clients * 2, clients * 4];
            return new Options(args.Contains("--national"), Value("--schools", 600), Value("--years", 3), Value("--seed", 42), clients,
                Value("--seconds", 20), ramp, args.Contains("--sqlite-only"), args.Contains("--profile"), Text("--data"),
                Baselines: !args.Contains("--no-baselines"));
        }
    }

    public static async Task<int> RunAsync(Options options)
    {
        // SchoolSight's web app runs with the server garbage collector (ASP.NET Core's default, set in its runtime
        // configuration); this harness hosts the app in its own process, so it starts itself again with the same
        // collector rather than measure the pages under another.
        if (!GCSettings.IsServerGC && Environment.GetEnvironmentVariable(ServerGcVariable) is null) return await AgainWithServerGcAsync();
        var files = await IndicatorsBenchmark.EnsureFilesAsync(new IndicatorsBenchmark.Options(
            options.National, options.Schools, options.Years, options.Seed, 1, options.DataFolder, 0, 0, false, true));
        Console.WriteLine($"Pages under load: {(options.National ? "national" : $"{options.Schools:N0} schools")}, {options.Years} years, seed {options.Seed}, " +
            $"{options.Clients} clients, ramp {string.Join("→", options.Ramp)}, {options.Seconds} s a stage");
        Console.WriteLine($".NET {Environment.Version}, {Environment.ProcessorCount} cores, {(GCSettings.IsServerGC ? "server" : "workstation")} garbage collector, load average {LoadStats.LoadAverage()}");
        var providers = new List<DatabaseProvider> { DatabaseProvider.Sqlite };
        if (!options.SqliteOnly && !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("SCHOOLSIGHT_TEST_POSTGRES"))) providers.Add(DatabaseProvider.Postgres);
        var failed = false;
        foreach (var provider in providers)
        {
            await using var database = await BenchDatabase.CreateAsync(provider);
            var started = DateTime.UtcNow;
            await IndicatorsBenchmark.ImportEstablishmentsAsync(database, files);
            await PlaceInLocalitiesAsync(database);
            await IndicatorsBenchmark.ImportYearsAsync(database, files);
            await using (var db = database.CreateContext())
            {
                var source = IndicatorCatalogueSource.Default;
                await new RecomputePending(db, new ComputeIndicators(db, source)).RunAsync();
            }
            Console.Error.WriteLine($"  {provider}: data ready in {(DateTime.UtcNow - started).TotalSeconds:N0} s");
            failed |= !await LoadRun.RunAsync(database, provider, await MixDataAsync(database), options);
        }
        return failed ? 1 : 0;
    }

    /// <summary>Each LA registered, its schools spread over four localities, as an LA's GIAS import with its localities would.</summary>
    private static async Task PlaceInLocalitiesAsync(BenchDatabase database)
    {
        await using var db = database.CreateContext();
        var schools = await db.Schools.IgnoreQueryFilters().OrderBy(s => s.Urn).ToListAsync();
        var registered = await db.LocalAuthorities.Select(l => l.Code).ToListAsync();
        foreach (var la in schools.GroupBy(s => s.Details.LaCode))
        {
            if (!registered.Contains(la.Key)) db.LocalAuthorities.Add(new LocalAuthority(la.Key, la.First().Details.LaName ?? $"LA {la.Key}"));
            var localities = Enumerable.Range(1, 4).Select(n => new Locality(la.Key, $"Locality {n} of LA {la.Key}")).ToList();
            db.Localities.AddRange(localities);
            var i = 0;
            foreach (var school in la) school.PlaceInLocality(localities[i++ % localities.Count]);
        }
        await db.SaveChangesAsync();
    }

    /// <summary>The schools of the LA the LA page shows (the one with most schools), its localities, search words and indicators.</summary>
    private const string ServerGcVariable = "DOTNET_gcServer";

    private static async Task<int> AgainWithServerGcAsync()
    {
        var self = Environment.GetCommandLineArgs();
        var start = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet") start.ArgumentList.Add(self[0]);
        foreach (var arg in self.Skip(1)) start.ArgumentList.Add(arg);
        start.Environment[ServerGcVariable] = "1";
        using var child = Process.Start(start)!;
        await child.WaitForExitAsync();
        return child.ExitCode;
    }

    private static async Task<MixData> MixDataAsync(BenchDatabase database)
    {
        await using var db = database.CreateContext();
        var la = await db.Schools.IgnoreQueryFilters().GroupBy(s => s.Details.LaCode).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
        var schools = await db.Schools.IgnoreQueryFilters().Where(s => s.Details.LaCode == la && s.Details.Status == SchoolStatus.Open)
            .OrderBy(s => s.Urn).Select(s => new { s.Urn, s.Details.Name }).ToListAsync();
        var localities = await db.Localities.Where(l => l.LaCode == la).Select(l => l.Id).ToListAsync();
        var words = schools.Select(s => s.Name.Split(' ')[0]).Distinct().Take(50).ToList();
        var indicators = IndicatorCatalogueSource.Default.Catalogue.Indicators
            .Where(i => i.Kind is IndicatorKind.Proportion or IndicatorKind.Mean or IndicatorKind.Rate).Select(i => i.Id).Take(8).ToList();
        return new MixData([.. schools.Select(s => s.Urn)], localities, words, [AreaIndicatorDefault, .. indicators.Where(i => i != AreaIndicatorDefault)]);
    }

    private const string AreaIndicatorDefault = "KS2_RWM_EXP";
}
