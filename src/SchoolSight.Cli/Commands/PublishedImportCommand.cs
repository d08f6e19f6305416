using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using SchoolSight.Core;
using SchoolSight.Core.Data;
using SchoolSight.Core.Imports.Gias;
using SchoolSight.Core.Published;
using SchoolSight.Domain;
using SchoolSight.Domain.Published;
using Spectre.Console;

namespace SchoolSight.Cli.Commands;

/// <summary>
/// <c>schoolsight import ks2|ks4|census|absence &lt;file.csv&gt; --year 2018/19 [--all-schools]</c> and
/// <c>schoolsight import ofsted &lt;file.csv&gt;</c>: the same <see cref="ImportPublished"/> operation as the page and the
/// API, with a progress bar. Exits 0 when applied, 2 when the file is rejected (every problem printed with its line
/// and column), 1 when it could not run.
/// </summary>
public static class PublishedImportCommand
{
    public static void AddTo(Command import)
    {
        foreach (var source in Enum.GetValues<PublishedSource>()) import.Subcommands.Add(Create(source));
    }

    private static Command Create(PublishedSource source)
    {
        var file = new Argument<FileInfo>("file") { Description = $"The {source.Title()} CSV file, as published" };
        var year = new Option<string?>("--year") { Description = "The academic year the file is about, e.g. 2018/19" };
        var all = new Option<bool>("--all-schools") { Description = "Keep every school in the file (national benchmarks), not only the schools SchoolSight holds" };
        var command = new Command(source.Slug(), $"Import a {source.Title()} file, all or nothing") { file, all };
        if (source.NeedsAcademicYear())
        {
            command.Options.Add(year);
            command.Validators.Add(result =>
            {
                if (!AcademicYear.TryParse(result.GetValue(year), out _, out var error)) result.AddError($"--year: {error}.");
            });
        }
        command.SetAction((parse, ct) =>
        {
            int? start = source.NeedsAcademicYear() && AcademicYear.TryParse(parse.GetValue(year), out var y, out _) ? y : null;
            return RunAsync(parse, source, parse.GetValue(file)!, start, parse.GetValue(all), ct);
        });
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, PublishedSource source, FileInfo file, int? year, bool all, CancellationToken ct)
    {
        if (!file.Exists) return CliContext.Fail($"There is no file {file.FullName}.");
        await using var services = CliContext.Services(parse);
        using var scope = services.CreateScope();
        if (!await CliContext.ReadyAsync(scope.ServiceProvider, ct)) return ExitCodes.Failed;
        var import = scope.ServiceProvider.GetRequiredService<ImportPublished>();

        var what = year is { } y ? $"{source.Title()} {AcademicYear.Format(y)}" : source.Title();
        AnsiConsole.MarkupLine($"Importing [bold]{Markup.Escape(file.Name)}[/] ({Markup.Escape(what)}{(all ? ", every school" : "")}) into " +
                               $"{Markup.Escape(CliContext.Describe(services.GetRequiredService<DatabaseOptions>()))} as {Markup.Escape(CliContext.UserName(parse))}");
        OperationResult<PublishedImportResult> outcome = null!;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("Checking the file", maxValue: 1);
                var progress = new BarProgress(p =>
                {
                    task.Description = p.Phase switch
                    {
                        GiasImportPhase.CheckingFile => "Checking the file",
                        GiasImportPhase.ReadingRows => $"Reading rows ({p.RowsRead:N0})",
                        GiasImportPhase.Comparing => $"Comparing {p.RowsRead:N0} rows",
                        GiasImportPhase.Saving => "Saving",
                        GiasImportPhase.Done => "Done",
                    };
                    task.Value = p.Phase switch
                    {
                        GiasImportPhase.CheckingFile => 0.1 * p.Fraction,
                        GiasImportPhase.ReadingRows => 0.1 + 0.6 * p.Fraction,
                        GiasImportPhase.Comparing => 0.7,
                        GiasImportPhase.Saving => 0.7 + 0.3 * p.Fraction,
                        GiasImportPhase.Done => 1,
                    };
                });
                await using var stream = file.OpenRead();
                outcome = await import.RunAsync(new PublishedImportRequest(source, stream, file.Name, year, all), progress, ct);
                task.Value = 1;
            });
        if (outcome.Value is not { } result) return CliContext.Fail(string.Join(" ", outcome.Errors.Select(e => e.Message)));

        if (!result.Applied)
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            console.MarkupLine($"[red bold]The file was not imported. Nothing has been changed.[/] {result.ErrorCount:N0} problem(s) found (recorded as import {result.ImportId}):");
            foreach (var error in result.Errors) Console.Error.WriteLine(error.ToString());
            if (result.MoreErrors is { } more) Console.Error.WriteLine(more);
            return ExitCodes.Rejected;
        }
        AnsiConsole.MarkupLine($"[green]Imported.[/] Recorded as import {result.ImportId} (file read as {result.Encoding}, SHA-256 {result.Sha256[..12]}…).");
        var counts = new Table().AddColumns("Rows read", "Schools kept", "LA and England rows", "Schools not held", "Added", "Updated", "Removed", "Unchanged");
        counts.AddRow($"{result.RowsRead:N0}", $"{result.SchoolRows:N0}", $"{result.AreaRows:N0}", $"{result.SchoolsNotHeld:N0}",
            $"{result.Added:N0}", $"{result.Updated:N0}", $"{result.Removed:N0}", $"{result.Unchanged:N0}");
        AnsiConsole.Write(counts);
        foreach (var replaced in result.Replaced) AnsiConsole.MarkupLine($"[yellow]{Markup.Escape(replaced.Text)}[/]");
        if (result.ColumnsNotInFile.Count > 0)
            AnsiConsole.MarkupLine($"[yellow]Headline columns not in this file:[/] {Markup.Escape(string.Join(", ", result.ColumnsNotInFile))}");
        return ExitCodes.Ok;
    }

    private sealed class BarProgress(Action<GiasImportProgress> report) : IProgress<GiasImportProgress>
    {
        public void Report(GiasImportProgress value) => report(value);
    }
}
