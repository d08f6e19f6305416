using SchoolSight.Bench.Categorisation;
using SchoolSight.Bench.Gias;
using SchoolSight.Bench.Indicators;

// Repeatable performance harness. `dotnet run -c Release --project bench/SchoolSight.Bench -- gias [--rows 50000] [--seed 42] [--reps 5]`
return args.FirstOrDefault() switch
{
    "gias" => await GiasBenchmark.RunAsync(BenchOptions.Parse(args[1..])),
    "indicators" => await IndicatorsBenchmark.RunAsync(IndicatorsBenchmark.Options.Parse(args[1..])),
    "recompute" => await RecomputePartsBenchmark.RunAsync(IndicatorsBenchmark.Options.Parse(args[1..])),
    "data-files" => await SchoolSight.Bench.Imports.DataFilesBenchmark.RunAsync(IndicatorsBenchmark.Options.Parse(args[1..])),
    "categorisation" => await CategorisationBenchmark.RunAsync(IndicatorsBenchmark.Options.Parse(args[1..])),
    "home" => await SchoolSight.Bench.Home.HomeBenchmark.RunAsync(SchoolSight.Bench.Home.HomeBenchmark.Options.Parse(args[1..])),
    "pages-load" => await SchoolSight.Bench.Pages.PagesLoadBenchmark.RunAsync(SchoolSight.Bench.Pages.PagesLoadBenchmark.Options.Parse(args[1..])),
    "survey-load" => await SchoolSight.Bench.Voice.SurveyLoadBenchmark.RunAsync(SchoolSight.Bench.Voice.SurveyLoadBenchmark.Options.Parse(args[1..])),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("Usage: SchoolSight.Bench gias [--rows 50000] [--seed 42] [--reps 5] [--db-reps 3]");
    Console.Error.WriteLine("       SchoolSight.Bench indicators [--national | --schools 200] [--years 3] [--seed 42] [--reps 3] [--requests 2000] [--concurrency 8] [--postgres] [--data folder]");
    Console.Error.WriteLine("       SchoolSight.Bench recompute [--national | --schools 600] [--years 1] [--seed 42] [--reps 5]");
    Console.Error.WriteLine("       SchoolSight.Bench data-files [--national | --schools 200] [--years 1] [--seed 42]");
    Console.Error.WriteLine("       SchoolSight.Bench categorisation [--national | --schools 200] [--years 3] [--seed 42] [--reps 3] [--postgres]");
    Console.Error.WriteLine("       SchoolSight.Bench home [--schools 600] [--runs 50] [--seed 42]");
    Console.Error.WriteLine("       SchoolSight.Bench survey-load [--pupils 500] [--concurrency 100] [--seed 42] [--sqlite-only]");
    Console.Error.WriteLine("       SchoolSight.Bench pages-load [--national | --schools 600] [--years 3] [--seed 42] [--clients 50] [--ramp 50,100,200] [--seconds 20] [--profile] [--sqlite-only] [--no-baselines]");
    Console.Error.WriteLine("  PostgreSQL is measured too when SCHOOLSIGHT_TEST_POSTGRES holds a server connection string.");
    return 1;
}

public sealed record BenchOptions(int Rows, int Seed, int Reps, int DbReps)
{
    public static BenchOptions Parse(string[] args)
    {
        int Value(string name, int fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var v) ? v : fallback;
        }
        return new BenchOptions(Value("--rows", 50_000), Value("--seed", 42), Value("--reps", 5), Value("--db-reps", 3));
    }
}
