using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SchoolSight.Core.Data;
using SchoolSight.Core.Retention;
using SchoolSight.Domain;
using SchoolSight.Domain.Published;
using Spectre.Console;

namespace SchoolSight.Cli.Commands;

/// <summary>
/// <c>schoolsight retention run [--dry-run] [--years N]</c>: removes pupil-level and survey data older than the
/// retention period through the same <see cref="ApplyRetention"/> operation as the web app's daily job.
/// </summary>
public static class RetentionCommand
{
    public static Command Create()
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "Only say what would be removed" };
        var years = new Option<int?>("--years")
        {
            Description = $"Academic years of pupil data kept before the current one (default: Retention__PupilDataYears, appsettings.json, or {RetentionOptions.DefaultPupilDataYears})",
        };
        var run = new Command("run", "Remove pupil-level and survey data older than the retention period; the indicators computed from it stay") { dryRun, years };
        run.Validators.Add(result =>
        {
            if (result.GetValue(years) is < 0) result.AddError("--years cannot be negative.");
        });
        run.SetAction(async (parse, ct) =>
        {
            await using var services = CliContext.Services(parse);
            using var scope = services.CreateScope();
            if (!await CliContext.EnsureMigratedAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), ct)) return ExitCodes.Failed;
            var kept = parse.GetValue(years)
                ?? BackupCommands.Configuration().GetSection(RetentionOptions.Section).GetValue(nameof(RetentionOptions.PupilDataYears), RetentionOptions.DefaultPupilDataYears);
            var result = await scope.ServiceProvider.GetRequiredService<ApplyRetention>().RunAsync(new RetentionRequest(kept, parse.GetValue(dryRun)), ct);

            AnsiConsole.MarkupLine($"Keeping pupil-level data from {AcademicYear.Format(result.OldestYearKept)} (the current academic year and the {kept} before it).");
            if (result.Years.Count == 0)
            {
                AnsiConsole.MarkupLine("[green]Nothing is older than the retention period.[/]");
                return ExitCodes.Ok;
            }
            var table = new Table().AddColumns("Academic year", "Pupil blocks", "Pupils", "Survey blocks", "Respondents");
            foreach (var y in result.Years)
                table.AddRow(AcademicYear.Format(y.AcademicYear), $"{y.PupilBlocks:N0}", $"{y.Pupils:N0}", $"{y.SurveyBlocks:N0}", $"{y.Respondents:N0}");
            AnsiConsole.Write(table);
            AnsiConsole.MarkupLine(result.DryRun
                ? "[yellow]Dry run: nothing was removed.[/]"
                : "[green]Removed[/] (audited); the indicators computed from this data stay.");
            return ExitCodes.Ok;
        });
        return new Command("retention", "How long pupil-level data is kept") { run };
    }
}
