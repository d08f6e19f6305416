using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SchoolSight.Core;
using SchoolSight.Core.Backups;
using SchoolSight.Core.Data;
using Spectre.Console;

namespace SchoolSight.Cli.Commands;

/// <summary>
/// <c>schoolsight db backup FILE</c> and <c>schoolsight db restore FILE</c>: SQLite's online backup, or PostgreSQL's
/// pg_dump and pg_restore, through the <see cref="BackupDatabase"/> and <see cref="RestoreDatabase"/> operations.
/// </summary>
public static class BackupCommands
{
    private static readonly Option<string?> PostgresBin = new("--pg-bin")
    {
        Description = "PostgreSQL only: the folder of pg_dump and pg_restore (default: Backup__PostgresBin, appsettings.json, PATH, or the newest /usr/lib/postgresql/*/bin)",
    };

    public static Command Backup()
    {
        var file = new Argument<string>("FILE") { Description = "The backup file to write" };
        var force = new Option<bool>("--force") { Description = "Replace FILE if it exists" };
        var command = new Command("backup", "Back the database up to a file; safe while the web app runs") { file, force, PostgresBin };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = CliContext.Services(parse);
            using var scope = services.CreateScope();
            var database = CliContext.Describe(services.GetRequiredService<DatabaseOptions>());
            var result = await scope.ServiceProvider.GetRequiredService<BackupDatabase>()
                .RunAsync(new BackupRequest(parse.GetValue(file)!, parse.GetValue(force), PostgresBinFor(parse)), ct);
            if (!result.Succeeded) return Fail(result);
            var backup = result.Value!;
            AnsiConsole.MarkupLine($"[green]Backed up[/] {Markup.Escape(database)} to {Markup.Escape(backup.File)} ({backup.Bytes:N0} bytes, {Markup.Escape(backup.Method)}).");
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Restore()
    {
        var file = new Argument<string>("FILE") { Description = "The backup file to restore (made by schoolsight db backup)" };
        var force = new Option<bool>("--force") { Description = "Restore even though other connections (the web app) are using the database" };
        var command = new Command("restore", "Replace the database with a backup, after checking it is a SchoolSight backup this version can read") { file, force, PostgresBin };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = CliContext.Services(parse);
            using var scope = services.CreateScope();
            var database = CliContext.Describe(services.GetRequiredService<DatabaseOptions>());
            var result = await scope.ServiceProvider.GetRequiredService<RestoreDatabase>()
                .RunAsync(new RestoreRequest(parse.GetValue(file)!, parse.GetValue(force), PostgresBinFor(parse)), ct);
            if (!result.Succeeded) return Fail(result);
            var restored = result.Value!;
            AnsiConsole.MarkupLine($"[green]Restored[/] {Markup.Escape(database)} from {Markup.Escape(Path.GetFullPath(parse.GetValue(file)!))} ({Markup.Escape(restored.Method)}; {restored.Migrations} migrations).");
            if (restored.WasInUse) AnsiConsole.MarkupLine("[yellow]Other connections were using the database:[/] restart the web app.");
            if (restored.NeedsMigrate) AnsiConsole.MarkupLine("[yellow]The backup has an older schema:[/] run [bold]schoolsight db migrate[/] (the web app also migrates at start-up).");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string? PostgresBinFor(ParseResult parse) =>
        parse.GetValue(PostgresBin) is { Length: > 0 } folder ? folder : Configuration()["Backup:PostgresBin"];

    /// <summary>The settings beyond the database: appsettings.json beside the executable, then environment variables.</summary>
    internal static IConfiguration Configuration() => new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
        .AddEnvironmentVariables()
        .Build();

    private static int Fail<T>(OperationResult<T> result)
    {
        foreach (var error in result.Errors) AnsiConsole.MarkupLine($"[red]{Markup.Escape(error.Message)}[/]");
        return ExitCodes.Failed;
    }
}
