using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using SchoolSight.Core;
using SchoolSight.Core.Data;
using SchoolSight.Core.Imports.Gias;
using Spectre.Console;

namespace SchoolSight.Cli.Commands;

/// <summary>
/// <c>schoolsight import gias &lt;file.csv&gt; --la 850[,936…] | --all-las</c>: the same <see cref="ImportGias"/>
/// operation as the web page, with a progress bar. Exits 0 when applied, 2 when the file is rejected (every problem
/// printed with its line and column), 1 when it could not run.
/// </summary>
public static class ImportCommand
{
    private const int ChangesShown = 25;

    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "The GIAS 'all establishment data' CSV file" };
        var la = new Option<string?>("--la") { Description = "LA codes to keep, e.g. 850 or 850,936; their schools missing from the file are marked closed" };
        var allLas = new Option<bool>("--all-las") { Description = "Keep every LA in the file (a national benchmark import)" };
        var localities = new Option<FileInfo?>("--localities") { Description = "A CSV file with the columns URN and Locality: puts each school in its locality, adding the localities not yet set up" };
        var localityColumn = new Option<string?>("--locality-column") { Description = "Or a column of the GIAS file to take each school's locality from, e.g. \"DistrictAdministrative (name)\"" };
        var gias = new Command("gias", "Import establishments from a Get Information about Schools CSV file, all or nothing") { file, la, allLas, localities, localityColumn };
        gias.Validators.Add(result =>
        {
            var codes = result.GetValue(la);
            if (codes is null == !result.GetValue(allLas))
                result.AddError("Give the LA codes to import with --la (e.g. --la 850,936), or --all-las for every LA in the file, not both.");
            else if (codes is not null && !GiasImportScope.TryParse(codes, out _, out var error))
                result.AddError($"--la: {error}.");
            if (result.GetValue(localities) is not null && result.GetValue(localityColumn) is not null)
                result.AddError("Give the localities with --localities (a file) or --locality-column (a column of the GIAS file), not both.");
        });
        gias.SetAction((parse, ct) => RunAsync(parse, new GiasFiles(parse.GetValue(file)!, parse.GetValue(localities), parse.GetValue(localityColumn)), parse.GetValue(la), ct));
        var import = new Command("import", "Import data into SchoolSight") { gias, DataImportCommands.Pupils(), DataImportCommands.Surveys() };
        PublishedImportCommand.AddTo(import);
        import.Subcommands.Add(LaIndicatorsImportCommand.Create());
        return import;
    }

    /// <summary>The GIAS file, and the LA's localities: a mapping file or a column of the GIAS file.</summary>
    private sealed record GiasFiles(FileInfo File, FileInfo? Localities, string? LocalityColumn);

    private static async Task<int> RunAsync(ParseResult parse, GiasFiles files, string? laCodes, CancellationToken ct)
    {
        var file = files.File;
        if (!file.Exists) return CliContext.Fail($"There is no file {file.FullName}.");
        if (files.Localities is { Exists: false } missing) return CliContext.Fail($"There is no file {missing.FullName}.");
        var scope = GiasImportScope.EveryLa;
        if (laCodes is not null) GiasImportScope.TryParse(laCodes, out scope, out _);

        await using var services = CliContext.Services(parse);
        using var serviceScope = services.CreateScope();
        if (!await CliContext.ReadyAsync(serviceScope.ServiceProvider, ct)) return ExitCodes.Failed;
        var import = serviceScope.ServiceProvider.GetRequiredService<ImportGias>();

        AnsiConsole.MarkupLine($"Importing [bold]{Markup.Escape(file.Name)}[/] ({scope.Describe()}) into {Markup.Escape(CliContext.Describe(services.GetRequiredService<DatabaseOptions>()))} as {Markup.Escape(CliContext.UserName(parse))}");
        OperationResult<GiasImportResult> outcome = null!;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("Checking the file", maxValue: 1);
                var progress = new BarProgress(p =>
                {
                    task.Description = Describe(p);
                    task.Value = Overall(p);
                });
                await using var stream = file.OpenRead();
                await using var mapping = files.Localities?.OpenRead();
                var localities = GiasLocalities.From(mapping, files.Localities?.Name, files.LocalityColumn);
                outcome = await import.RunAsync(new GiasImportRequest(stream, file.Name, scope, localities), progress, ct);
                task.Value = 1;
            });
        if (outcome.Value is not { } result) return CliContext.Fail(string.Join(" ", outcome.Errors.Select(e => e.Message)));

        return result.Applied ? ShowApplied(result) : ShowRejected(result);
    }

    private static int ShowApplied(GiasImportResult result)
    {
        AnsiConsole.MarkupLine($"[green]Imported.[/] Recorded as import {result.ImportId} (file read as {result.Encoding}, SHA-256 {result.Sha256[..12]}…).");
        var counts = new Table().AddColumns("Rows read", "In scope", "Added", "Updated", "Closed", "Unchanged");
        counts.AddRow($"{result.RowsRead:N0}", $"{result.RowsInScope:N0}", $"{result.Added:N0}", $"{result.Updated:N0}", $"{result.Closed:N0}", $"{result.Unchanged:N0}");
        AnsiConsole.Write(counts);
        if (result.SkippedText is { } skipped) AnsiConsole.MarkupLine(Markup.Escape(skipped) + ".");
        foreach (var la in result.Setup.LasRegistered) AnsiConsole.MarkupLine($"[green]Set up the local authority[/] {Markup.Escape(la)}.");
        if (result.Setup.PlacedInLocalities > 0 || result.Setup.LocalitiesCreated.Count > 0)
            AnsiConsole.MarkupLine($"Put {result.Setup.PlacedInLocalities:N0} school(s) in their localities" +
                (result.Setup.LocalitiesCreated.Count > 0 ? $"; added the localities {Markup.Escape(string.Join(", ", result.Setup.LocalitiesCreated))}." : "."));
        if (result.LocalityUrnsNotImported > 0)
            AnsiConsole.MarkupLine($"[yellow]Note:[/] {result.LocalityUrnsNotImported:N0} URN(s) of the localities file are not schools this import registers: left out.");

        var changes = result.Changes.Where(c => c.Kind != GiasChangeKind.Added).ToList();
        if (changes.Count > 0)
        {
            var table = new Table().AddColumns("URN", "School", "Change", "Fields");
            foreach (var c in changes.Take(ChangesShown))
                table.AddRow(c.Urn.ToString(), Markup.Escape(c.Name), c.Kind.ToString(), Markup.Escape(string.Join(", ", c.ChangedFields)));
            AnsiConsole.Write(table);
            if (changes.Count > ChangesShown) AnsiConsole.MarkupLine($"… and {changes.Count - ChangesShown} more updated or closed; the audit trail has each change.");
        }
        if (result.ColumnsNotInFile.Count > 0)
            AnsiConsole.MarkupLine($"[yellow]Columns not in the file (those fields were left as they were):[/] {Markup.Escape(string.Join(", ", result.ColumnsNotInFile))}");
        foreach (var notice in result.Notices) AnsiConsole.MarkupLine($"[yellow]Note:[/] {Markup.Escape(notice.ToString())}");
        if (result.NoticeCount > result.Notices.Count) AnsiConsole.MarkupLine($"[yellow]Note:[/] … and {result.NoticeCount - result.Notices.Count:N0} more");
        return ExitCodes.Ok;
    }

    private static int ShowRejected(GiasImportResult result)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        console.MarkupLine($"[red bold]The file was not imported. Nothing has been changed.[/] {result.ErrorCount:N0} problem(s) found (recorded as import {result.ImportId}):");
        // One plain line per problem, so the list can be searched or saved as it is.
        foreach (var error in result.Errors) Console.Error.WriteLine(error.ToString());
        if (result.MoreErrors is { } more) Console.Error.WriteLine(more);
        return ExitCodes.Rejected;
    }

    private static string Describe(GiasImportProgress p) => p.Phase switch
    {
        GiasImportPhase.CheckingFile => "Checking the file",
        GiasImportPhase.ReadingRows => $"Reading rows ({p.RowsRead:N0})",
        GiasImportPhase.Comparing => $"Comparing {p.RowsRead:N0} rows",
        GiasImportPhase.Saving => $"Saving ({p.Done:N0} of {p.Total:N0} changes)",
        GiasImportPhase.Done => "Done",
    };

    /// <summary>One bar for the whole import: checking is quick, then reading, then saving the changes.</summary>
    private static double Overall(GiasImportProgress p) => p.Phase switch
    {
        GiasImportPhase.CheckingFile => 0.1 * p.Fraction,
        GiasImportPhase.ReadingRows => 0.1 + 0.7 * p.Fraction,
        GiasImportPhase.Comparing => 0.8,
        GiasImportPhase.Saving => 0.8 + 0.2 * p.Fraction,
        GiasImportPhase.Done => 1,
    };

    /// <summary>Reports on the import's own thread: the bar shows where it is, and no report comes after it has finished.</summary>
    private sealed class BarProgress(Action<GiasImportProgress> report) : IProgress<GiasImportProgress>
    {
        public void Report(GiasImportProgress value) => report(value);
    }
}
