using System.CommandLine;
using System.Diagnostics;
using SchoolSight.Core.Demo.Synthetic;
using SchoolSight.Domain.Indicators;
using Spectre.Console;

namespace SchoolSight.Cli.Commands;

/// <summary>
/// <c>schoolsight demo generate --schools N | --national --years 3 --seed S --out folder [--last-year 2024/25]</c>:
/// writes a synthetic data set (establishments in the GIAS layout, a pupil file and a survey file per academic year)
/// that imports with <c>schoolsight import gias</c>, <c>import pupils</c> and <c>import surveys</c>.
/// </summary>
public static class DemoGenerateCommand
{
    public const int DefaultLastYear = 2024;

    public static Command Create()
    {
        var schools = new Option<int?>("--schools") { Description = $"Schools in the fictional LA ({SyntheticEstablishments.LocalLaName}, LA {SyntheticEstablishments.LocalLaCode}), 1 to {SyntheticEstablishments.MaxLocalSchools}" };
        var national = new Option<bool>("--national") { Description = $"A whole fictional country instead: about 21,700 schools in {SyntheticEstablishments.NationalLaCount} LAs, about 8.5 million pupils a year" };
        var years = new Option<int>("--years") { Description = "How many academic years, ending with --last-year", DefaultValueFactory = _ => 3 };
        var seed = new Option<long>("--seed") { Description = "The seed: the same seed always gives the same files", DefaultValueFactory = _ => 1 };
        var lastYear = new Option<string>("--last-year") { Description = "The last academic year, e.g. 2024/25", DefaultValueFactory = _ => AcademicYears.Display(DefaultLastYear) };
        var output = new Option<DirectoryInfo>("--out", "-o") { Description = "The folder to write the files to (created if missing)", Required = true };
        years.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 10) result.AddError("--years: give 1 to 10 academic years.");
        });
        lastYear.Validators.Add(result =>
        {
            if (AcademicYears.Parse(result.GetValueOrDefault<string>()) is null) result.AddError("--last-year: write the academic year like 2024/25.");
        });
        var generate = new Command("generate", "Write synthetic establishments, pupil-level files and survey files for a fictional LA or country") { schools, national, years, seed, lastYear, output };
        generate.Validators.Add(result =>
        {
            var count = result.GetValue(schools);
            if (count is null == !result.GetValue(national))
                result.AddError("Give --schools N for a fictional LA, or --national for a whole country, not both.");
            else if (count is < 1 or > SyntheticEstablishments.MaxLocalSchools)
                result.AddError($"--schools: a fictional LA has 1 to {SyntheticEstablishments.MaxLocalSchools} schools.");
        });
        generate.SetAction((parse, ct) => Task.Run(() =>
        {
            var count = parse.GetValue(schools);
            var yearCount = parse.GetValue(years);
            var last = AcademicYears.Parse(parse.GetValue(lastYear))!.Value;
            var s = parse.GetValue(seed);
            var folder = parse.GetValue(output)!;
            var clock = Stopwatch.StartNew();
            var establishments = count is { } n ? SyntheticEstablishments.Local(n, s) : SyntheticEstablishments.National(s);
            var withPupils = SyntheticEstablishments.Schools(establishments).Count(x => x.HasPupils);
            AnsiConsole.MarkupLine($"Generating {establishments.Count:N0} establishments ({withPupils:N0} with pupils), {yearCount} academic year(s) " +
                                   $"{AcademicYears.Display(last - yearCount + 1)} to {AcademicYears.Display(last)}, seed {s}, into {Markup.Escape(folder.FullName)}");
            SyntheticFiles files = null!;
            AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .Start(context =>
                {
                    var task = context.AddTask("Generating schools", maxValue: Math.Max(1, withPupils));
                    files = SyntheticDataFiles.Write(folder.FullName, establishments, last - yearCount + 1, yearCount, s,
                        new Progress<int>(done => task.Value = done), ct);
                    task.Value = task.MaxValue;
                });
            var table = new Table().AddColumns("File", "Rows", "Size");
            table.AddRow(Path.GetFileName(files.EstablishmentFile), $"{files.Establishments:N0}", Size(files.EstablishmentFile));
            foreach (var y in files.Years)
            {
                table.AddRow(Path.GetFileName(y.PupilFile), $"{y.PupilRows:N0}", Size(y.PupilFile));
                table.AddRow(Path.GetFileName(y.SurveyFile), $"{y.SurveyRows:N0}", Size(y.SurveyFile));
            }
            AnsiConsole.Write(table);
            AnsiConsole.MarkupLine($"[green]Done in {clock.Elapsed.TotalSeconds:N1} s.[/] Import the establishments first " +
                                   $"([bold]schoolsight import gias {Markup.Escape(files.EstablishmentFile)} {(count is null ? "--all-las" : $"--la {SyntheticEstablishments.LocalLaCode}")}[/]), " +
                                   "then each pupil file ([bold]schoolsight import pupils[/]) and survey file ([bold]schoolsight import surveys[/]).");
            return ExitCodes.Ok;
        }, ct));
        return generate;
    }

    private static string Size(string path) => $"{new FileInfo(path).Length / 1048576.0:N1} MB";
}
