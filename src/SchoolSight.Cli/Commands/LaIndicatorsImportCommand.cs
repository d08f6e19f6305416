using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using SchoolSight.Core.LaIndicators;
using Spectre.Console;

namespace SchoolSight.Cli.Commands;

/// <summary>
/// <c>schoolsight import la-indicators &lt;lait_bds_long.csv&gt;</c>: the DfE's Local Authority Interactive Tool file,
/// all or nothing, through <see cref="ImportLaIndicators"/>. Exits 0 when applied, 2 when rejected (every problem
/// printed with its line and column), 1 when it could not run.
/// </summary>
public static class LaIndicatorsImportCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "The DfE's Local Authority Interactive Tool CSV file (long layout)" };
        var command = new Command("la-indicators", "Import every LA's, region's and England's headline figures from the DfE's LA indicators file, all or nothing") { file };
        command.SetAction((parse, ct) => RunAsync(parse, parse.GetValue(file)!, ct));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, FileInfo file, CancellationToken ct)
    {
        if (!file.Exists) return CliContext.Fail($"There is no file {file.FullName}.");
        await using var services = CliContext.Services(parse);
        using var scope = services.CreateScope();
        if (!await CliContext.ReadyAsync(scope.ServiceProvider, ct)) return ExitCodes.Failed;
        await using var stream = file.OpenRead();
        var outcome = await scope.ServiceProvider.GetRequiredService<ImportLaIndicators>().RunAsync(stream, file.Name, ct: ct);
        if (outcome.Value is not { } result) return CliContext.Fail(string.Join(" ", outcome.Errors.Select(e => e.Message)));
        if (!result.Applied)
        {
            Console.Error.WriteLine($"The file was not imported. Nothing has been changed. {result.ErrorCount:N0} problem(s) found (recorded as import {result.ImportId}):");
            foreach (var error in result.Errors) Console.Error.WriteLine(error.ToString());
            if (result.MoreErrors is { } more) Console.Error.WriteLine(more);
            return ExitCodes.Rejected;
        }
        AnsiConsole.MarkupLine($"[green]Imported.[/] Recorded as import {result.ImportId}: {result.Figures:N0} figures of {result.Las} LAs, the regions and England " +
                               $"from {result.RowsRead:N0} rows; {result.RowsSkipped:N0} rows of {result.MeasuresSkipped} other measures skipped.");
        return ExitCodes.Ok;
    }
}
