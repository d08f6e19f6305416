using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SchoolSight.Core.Data;
using SchoolSight.Core.Indicators;
using SchoolSight.Domain.Indicators;
using Spectre.Console;

namespace SchoolSight.Cli.Commands;

/// <summary>
/// <c>schoolsight compute [--full] [--year 2024/25]</c>: recomputes the indicators, benchmarks and similar schools
/// through the same <see cref="ComputeIndicators"/> operation that runs after every import. Only school-years whose
/// data changed are recomputed unless <c>--full</c> is given (after changing the catalogue, say).
/// </summary>
public static class ComputeCommand
{
    public static Command Create()
    {
        var full = new Option<bool>("--full") { Description = "Recompute every school-year, changed or not" };
        var year = new Option<string[]>("--year") { Description = "Only this academic year (e.g. 2024/25); may be repeated", AllowMultipleArgumentsPerToken = true };
        var command = new Command("compute", "Recompute indicators, benchmarks and similar schools from the data held") { full, year };
        command.Validators.Add(result =>
        {
            foreach (var y in result.GetValue(year) ?? [])
                if (AcademicYears.Parse(y) is null) result.AddError($"--year: '{y}' is not an academic year (write it as 2024/25).");
        });
        command.SetAction((parse, ct) => RunAsync(parse, parse.GetValue(full), [.. (parse.GetValue(year) ?? []).Select(y => AcademicYears.Parse(y)!.Value)], ct));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, bool full, IReadOnlyCollection<int> years, CancellationToken ct)
    {
        await using var services = CliContext.Services(parse);
        using var scope = services.CreateScope();
        if (!await CliContext.ReadyAsync(scope.ServiceProvider, ct)) return ExitCodes.Failed;
        var compute = scope.ServiceProvider.GetRequiredService<ComputeIndicators>();

        AnsiConsole.MarkupLine($"Computing indicators in {Markup.Escape(CliContext.Describe(services.GetRequiredService<DatabaseOptions>()))}{(full ? " (every school-year)" : "")}");
        ComputeResult result = null!;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("Reading", maxValue: 1);
                var progress = new Progress<ComputeProgress>(p =>
                {
                    task.Description = p.Phase switch
                    {
                        ComputePhase.Reading => "Reading pupil data",
                        ComputePhase.Schools => "Counting schools",
                        ComputePhase.Saving => "Saving schools",
                        ComputePhase.Areas => "Localities, LAs, England",
                        ComputePhase.SimilarSchools => "Similar schools",
                    };
                    task.MaxValue = Math.Max(1, p.Total);
                    task.Value = p.Done;
                });
                result = await compute.RunAsync(new ComputeRequest(full, years), progress, ct);
                task.Value = task.MaxValue;
            });

        var table = new Table().AddColumns("", "");
        table.AddRow("School-years computed", result.SchoolYearsComputed.ToString(CultureInfo.InvariantCulture));
        table.AddRow("School-years unchanged", result.SchoolYearsUnchanged.ToString(CultureInfo.InvariantCulture));
        table.AddRow("Areas computed", result.AreasComputed.ToString(CultureInfo.InvariantCulture));
        table.AddRow("Similar-school sets", result.SimilarSetsComputed.ToString(CultureInfo.InvariantCulture));
        table.AddRow("Years", result.Years.Count == 0 ? "none changed" : string.Join(", ", result.Years.Select(AcademicYears.Display)));
        table.AddRow("Time", $"{result.Elapsed.TotalSeconds:0.0} s");
        AnsiConsole.Write(table);
        return ExitCodes.Ok;
    }
}
