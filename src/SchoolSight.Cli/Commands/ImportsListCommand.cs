using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using SchoolSight.Core.Data;
using SchoolSight.Core.Imports;
using SchoolSight.Domain.Imports;
using Spectre.Console;

namespace SchoolSight.Cli.Commands;

/// <summary><c>schoolsight imports list</c>: the record of import attempts, newest first.</summary>
public static class ImportsListCommand
{
    public static Command Create()
    {
        var take = new Option<int>("--take", "-n") { Description = "How many imports to list", DefaultValueFactory = _ => 20 };
        var list = new Command("list", "List import attempts, newest first") { take };
        list.SetAction(async (parse, ct) =>
        {
            await using var services = CliContext.Services(parse);
            using var scope = services.CreateScope();
            if (!await CliContext.ReadyAsync(scope.ServiceProvider, ct)) return ExitCodes.Failed;
            var page = await scope.ServiceProvider.GetRequiredService<ImportHistory>().ListAsync(1, parse.GetValue(take), ct);
            if (page.Total == 0)
            {
                AnsiConsole.MarkupLine("No imports yet.");
                return ExitCodes.Ok;
            }
            var table = new Table().AddColumns("Id", "When (UTC)", "Who", "File", "Scope", "Outcome", "Result");
            foreach (var i in page.Imports)
            {
                var outcome = i.Outcome switch
                {
                    ImportOutcome.Applied => "[green]Applied[/]",
                    ImportOutcome.DidNotFinish => "[yellow]Did not finish[/]",
                    _ => $"[red]{i.OutcomeText}[/]",
                };
                var summary = i.Outcome switch
                {
                    ImportOutcome.Applied => $"{i.Added:N0} added, {i.Updated:N0} updated, {i.Closed:N0} closed, {i.Unchanged:N0} unchanged of {i.RowsInScope:N0} in scope",
                    ImportOutcome.DidNotFinish => "nothing saved",
                    _ => $"{i.ErrorCount:N0} problem(s) in {i.RowsRead:N0} rows",
                };
                table.AddRow(i.Id.ToString(), i.At.ToString("yyyy-MM-dd HH:mm"), Markup.Escape(i.UserName),
                    Markup.Escape($"{Shorten(i.FileName)} ({i.ShortHash})"), Markup.Escape(i.Scope), outcome, summary);
            }
            AnsiConsole.Write(table);
            AnsiConsole.MarkupLine($"{page.Imports.Count} of {page.Total} import(s).");
            return ExitCodes.Ok;
        });
        return new Command("imports", "The record of imports") { list };
    }

    private static string Shorten(string fileName) => fileName.Length <= 32 ? fileName : fileName[..20] + "…" + fileName[^11..];
}
