using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using SchoolSight.Core.Access;
using SchoolSight.Core.Demo;
using Spectre.Console;

namespace SchoolSight.Cli.Commands;

/// <summary>
/// The rules that keep the demo out of a real SchoolSight: <c>demo seed</c> runs only in Development unless
/// <c>--force</c>, and <c>demo disable-users</c> disables the demo accounts (their password is published) on a
/// database that has them. Accounts are disabled rather than deleted so the audit trail keeps naming them.
/// </summary>
public static class DemoUserCommands
{
    public static readonly Option<bool> Force = new("--force")
    {
        Description = "Add the demo data (with its published demo password) even though this is not a Development environment",
    };

    /// <summary>The environment the command line runs in: DOTNET_ENVIRONMENT, then ASPNETCORE_ENVIRONMENT, else Production.</summary>
    public static string EnvironmentName() =>
        Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") is { Length: > 0 } dotnet ? dotnet
        : Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") is { Length: > 0 } aspnet ? aspnet
        : "Production";

    /// <summary>Null when the demo may be added; else the one-line reason it may not.</summary>
    public static string? RefuseSeed(string environmentName, bool force) =>
        force || string.Equals(environmentName, "Development", StringComparison.OrdinalIgnoreCase) ? null
        : $"Refusing to add the demo data and its {DemoSeeder.DemoUsers.Count} accounts with a published password in the {environmentName} environment: use --force if this database is only a demo.";

    /// <summary>Says why the demo was not added, on one line of stderr (never wrapped to the terminal's width).</summary>
    public static int Refused(string reason)
    {
        Console.Error.WriteLine(reason);
        return ExitCodes.Failed;
    }

    public static Command DisableUsers()
    {
        var command = new Command("disable-users", "Disable every demo account (admin@demo-borough.example and the others), keeping them in the audit trail");
        command.SetAction(async (parse, ct) =>
        {
            await using var services = CliContext.Services(parse);
            using (var scope = services.CreateScope())
                if (!await CliContext.EnsureMigratedAsync(scope.ServiceProvider.GetRequiredService<Core.Data.AppDbContext>(), ct)) return ExitCodes.Failed;
            return await DisableAllAsync(services, AnsiConsole.Console, ct);
        });
        return command;
    }

    public static async Task<int> DisableAllAsync(IServiceProvider services, IAnsiConsole console, CancellationToken ct)
    {
        var failed = false;
        var disabled = 0;
        foreach (var (_, email, _) in DemoSeeder.DemoUsers)
        {
            using var scope = services.CreateScope();
            if (await scope.ServiceProvider.GetRequiredService<ManageUsers>().FindIdAsync(email, ct) is not { } id) continue;
            var result = await scope.ServiceProvider.GetRequiredService<DisableUser>().RunAsync(id, null, ct);
            if (result.Succeeded) disabled++;
            foreach (var error in result.Errors)
            {
                failed = true;
                console.MarkupLine($"[red]{Markup.Escape(email)}: {Markup.Escape(error.Message)}[/]");
            }
        }
        console.MarkupLine(failed ? $"[yellow]{disabled} demo account(s) disabled; see above for the rest.[/]" : $"[green]{disabled} demo account(s) disabled.[/]");
        return failed ? ExitCodes.Failed : ExitCodes.Ok;
    }
}
