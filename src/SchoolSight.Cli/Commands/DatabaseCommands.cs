using System.CommandLine;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SchoolSight.Core;
using SchoolSight.Core.Access;
using SchoolSight.Core.Data;
using SchoolSight.Core.Demo;
using Spectre.Console;

namespace SchoolSight.Cli.Commands;

/// <summary><c>schoolsight db migrate</c> and <c>schoolsight demo seed</c>.</summary>
public static class DatabaseCommands
{
    public static Command Db()
    {
        var migrate = new Command("migrate", "Create the database or bring it up to the latest schema");
        migrate.SetAction(async (parse, ct) =>
        {
            await using var services = CliContext.Services(parse);
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await DatabaseInitializer.MigrateAsync(db, ct);
            AnsiConsole.MarkupLine($"[green]The database is up to date:[/] {Markup.Escape(CliContext.Describe(services.GetRequiredService<DatabaseOptions>()))}");
            return ExitCodes.Ok;
        });
        return new Command("db", "Database commands") { migrate, BackupCommands.Backup(), BackupCommands.Restore() };
    }

    public static Command Demo()
    {
        var seed = new Command("seed", $"Migrate the database and, if it is empty, fill it with the fictional {DemoSeeder.DemoLaName} (LA {DemoSeeder.DemoLaCode}) and its demo users");
        seed.Options.Add(DemoUserCommands.Force);
        seed.SetAction(async (parse, ct) =>
        {
            if (DemoUserCommands.RefuseSeed(DemoUserCommands.EnvironmentName(), parse.GetValue(DemoUserCommands.Force)) is { } refusal) return DemoUserCommands.Refused(refusal);
            await using var services = CliContext.Services(parse);
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await DatabaseInitializer.MigrateAsync(db, ct);
            var seeded = await DemoSeeder.SeedIfEmptyAsync(db, scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(), ct);
            AnsiConsole.MarkupLine(seeded
                ? $"[green]Filled the database with {DemoSeeder.DemoLaName}.[/] Every demo user's password is [bold]{DemoSeeder.DemoPassword}[/]:"
                : "[yellow]The database already has data: nothing was added.[/] The demo users, if it holds the demo, are:");
            var table = new Table().AddColumns("Role", "Email");
            foreach (var (role, email, _) in DemoSeeder.DemoUsers) table.AddRow(role.ToString(), email);
            AnsiConsole.Write(table);
            return ExitCodes.Ok;
        });
        return new Command("demo", "Demo data") { seed, DemoGenerateCommand.Create(), DemoUserCommands.DisableUsers() };
    }
}
