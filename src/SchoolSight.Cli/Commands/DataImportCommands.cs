using System.CommandLine;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using SchoolSight.Core;
using SchoolSight.Core.Data;
using SchoolSight.Core.Imports;
using SchoolSight.Core.Imports.Pupils;
using SchoolSight.Core.Imports.Surveys;
using Spectre.Console;

namespace SchoolSight.Cli.Commands;

/// <summary>
/// <c>schoolsight import pupils &lt;file.csv&gt;</c> and <c>schoolsight import surveys &lt;file.csv&gt;</c>: the same
/// <see cref="ImportPupils"/> and <see cref="ImportSurveys"/> operations as the web pages and the API. Exit 0 when
/// applied, 2 when the file is rejected (every problem printed with its line and column), 1 when it could not run.
/// </summary>
public static class DataImportCommands
{
    public static Command Pupils() => Create("pupils", "Import a pupil-level file (one row per pupil per academic year), all or nothing",
        (services, stream, name, ct) => services.GetRequiredService<ImportPupils>().RunAsync(new DataImportRequest(stream, name), ct));

    public static Command Surveys() => Create("surveys", "Import a pupil and parent perception survey file (one row per respondent), all or nothing",
        (services, stream, name, ct) => services.GetRequiredService<ImportSurveys>().RunAsync(new DataImportRequest(stream, name), ct));

    private static Command Create(string name, string description, Func<IServiceProvider, Stream, string, CancellationToken, Task<OperationResult<DataImportResult>>> run)
    {
        var file = new Argument<FileInfo>("file") { Description = $"The {name} CSV file" };
        var command = new Command(name, description) { file };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists) return CliContext.Fail($"There is no file {path.FullName}.");
            await using var services = CliContext.Services(parse);
            using var scope = services.CreateScope();
            if (!await CliContext.ReadyAsync(scope.ServiceProvider, ct)) return ExitCodes.Failed;
            AnsiConsole.MarkupLine($"Importing [bold]{Markup.Escape(path.Name)}[/] ({path.Length / 1048576.0:N1} MB) into " +
                                   $"{Markup.Escape(CliContext.Describe(services.GetRequiredService<DatabaseOptions>()))} as {Markup.Escape(CliContext.UserName(parse))}");
            var clock = Stopwatch.StartNew();
            OperationResult<DataImportResult> outcome = null!;
            await AnsiConsole.Status().StartAsync("Checking and importing the file…", async _ =>
            {
                await using var stream = path.OpenRead();
                outcome = await run(scope.ServiceProvider, stream, path.Name, ct);
            });
            if (outcome.Value is not { } result) return CliContext.Fail(string.Join(" ", outcome.Errors.Select(e => e.Message)));
            return result.Applied ? ShowApplied(result, clock.Elapsed) : ShowRejected(result);
        });
        return command;
    }

    private static int ShowApplied(DataImportResult result, TimeSpan took)
    {
        AnsiConsole.MarkupLine($"[green]Imported[/] in {took.TotalSeconds:N1} s: {Markup.Escape(result.Scope)}. Recorded as import {result.ImportId} " +
                               $"(file read as {result.Encoding}, SHA-256 {result.Sha256[..12]}…).");
        var counts = new Table().AddColumns("Rows read", "School-years", "Added", "Replaced", "Unchanged");
        counts.AddRow($"{result.RowsRead:N0}", $"{result.SchoolYears:N0}", $"{result.Added:N0}", $"{result.Replaced:N0}", $"{result.Unchanged:N0}");
        AnsiConsole.Write(counts);
        return ExitCodes.Ok;
    }

    private static int ShowRejected(DataImportResult result)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        console.MarkupLine($"[red bold]The file was not imported. Nothing has been changed.[/] {result.ErrorCount:N0} problem(s) found (recorded as import {result.ImportId}):");
        foreach (var error in result.Errors) Console.Error.WriteLine(error.ToString());
        if (result.MoreErrors is { } more) Console.Error.WriteLine(more);
        return ExitCodes.Rejected;
    }
}
