using System.CommandLine;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using SchoolSight.Core.Access;
using SchoolSight.Core.Data;
using SchoolSight.Domain;
using SchoolSight.Domain.Access;
using Spectre.Console;

namespace SchoolSight.Cli.Commands;

/// <summary>
/// <c>schoolsight users add|list|disable|enable|reset</c>: the same Core operations as the Users pages, audited as the
/// acting CLI user (<c>--user</c>). A password is never an argument: it is typed without echo, piped in, or read from
/// <c>--password-file</c>, and is written nowhere.
/// </summary>
public static class UserCommands
{
    public sealed record AddRequest(string Email, string Name, Role Role, int? SchoolUrn, int? PartnerId);

    public static Command Create()
    {
        var email = new Option<string>("--email") { Description = "The address they sign in with", Required = true };
        var name = new Option<string>("--name") { Description = "Their full name", Required = true };
        var role = new Option<Role>("--role") { Description = "Their one role, e.g. LaAdministrator", Required = true };
        var school = new Option<int?>("--school") { Description = "The URN of their school (school users and governors)" };
        var partner = new Option<int?>("--partner") { Description = "Their partner organisation's id (partners)" };
        var passwordFile = new Option<FileInfo?>("--password-file") { Description = "Read the first password from this file's first line instead of asking for it" };
        var add = new Command("add", "Add a user; asks for their first password without showing it (or reads --password-file)")
        {
            email, name, role, school, partner, passwordFile,
        };
        add.SetAction((parse, ct) => RunAsync(parse, ct, (services, console) =>
        {
            var password = ReadPassword(parse.GetValue(passwordFile), console);
            return password is null
                ? Task.FromResult(CliContext.Fail("No password given: type it when asked, pipe it in, or use --password-file."))
                : AddAsync(services, console, new AddRequest(parse.GetValue(email)!, parse.GetValue(name)!, parse.GetValue(role), parse.GetValue(school), parse.GetValue(partner)), password, ct);
        }));

        var list = new Command("list", "List the users with their role and status");
        list.SetAction((parse, ct) => RunAsync(parse, ct, (services, console) => ListAsync(services, console, ct)));

        var who = new Argument<string>("email") { Description = "The user's email address" };
        var disable = new Command("disable", "Disable a user: they cannot sign in and their sessions end (the account and its history stay)") { who };
        disable.SetAction((parse, ct) => RunAsync(parse, ct, (services, console) => DisableAsync(services, console, parse.GetValue(who)!, ct)));
        var enable = new Command("enable", "Enable a disabled user again") { who };
        enable.SetAction((parse, ct) => RunAsync(parse, ct, (services, console) => EnableAsync(services, console, parse.GetValue(who)!, ct)));

        var baseUrl = new Option<string?>("--base-url") { Description = "SchoolSight's web address, to print the link in full (e.g. https://schoolsight.example.gov.uk)" };
        var reset = new Command("reset", $"Print a one-time link (valid {PasswordResetLinks.Lifetime.TotalHours:0} hours) with which the user sets a new password") { who, baseUrl };
        reset.SetAction((parse, ct) => RunAsync(parse, ct, (services, console) => ResetAsync(services, console, parse.GetValue(who)!, parse.GetValue(baseUrl), ct)));

        return new Command("users", "Users: add, list, disable, enable, reset a password") { add, list, disable, enable, reset };
    }

    public static async Task<int> AddAsync(IServiceProvider services, IAnsiConsole console, AddRequest request, string password, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var input = new UserInput(request.Name, request.Email, request.Role, request.SchoolUrn, [], request.PartnerId);
        var result = await scope.ServiceProvider.GetRequiredService<ManageUsers>().CreateAsync(input, password, ct);
        if (!result.Succeeded) return Failed(console, result.Errors);
        console.MarkupLine($"[green]Added {Markup.Escape(request.Name)}[/] ({Markup.Escape(request.Email)}) as {Markup.Escape(request.Role.DisplayName())}. They can sign in now.");
        return ExitCodes.Ok;
    }

    public static async Task<int> ListAsync(IServiceProvider services, IAnsiConsole console, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var rows = await scope.ServiceProvider.GetRequiredService<ManageUsers>().ListAsync(ct);
        var table = new Table().AddColumns("Email", "Name", "Role", "Status");
        foreach (var row in rows)
            table.AddRow(Markup.Escape(row.Email), Markup.Escape(row.DisplayName), row.Role.ToString(), row.Status.ToString());
        console.Write(table);
        return ExitCodes.Ok;
    }

    public static Task<int> DisableAsync(IServiceProvider services, IAnsiConsole console, string email, CancellationToken ct) =>
        OnUserAsync(services, console, email, async (scope, id) =>
        {
            var result = await scope.ServiceProvider.GetRequiredService<DisableUser>().RunAsync(id, null, ct);
            if (result.Succeeded) console.MarkupLine($"[green]{Markup.Escape(email)} is disabled:[/] they cannot sign in and their open sessions end.");
            return result.Succeeded ? ExitCodes.Ok : Failed(console, result.Errors);
        });

    public static Task<int> EnableAsync(IServiceProvider services, IAnsiConsole console, string email, CancellationToken ct) =>
        OnUserAsync(services, console, email, async (scope, id) =>
        {
            var result = await scope.ServiceProvider.GetRequiredService<EnableUser>().RunAsync(id, null, ct);
            if (result.Succeeded) console.MarkupLine($"[green]{Markup.Escape(email)} is enabled[/] and can sign in with their password.");
            return result.Succeeded ? ExitCodes.Ok : Failed(console, result.Errors);
        });

    public static Task<int> ResetAsync(IServiceProvider services, IAnsiConsole console, string email, string? baseUrl, CancellationToken ct) =>
        OnUserAsync(services, console, email, async (scope, id) =>
        {
            var result = await scope.ServiceProvider.GetRequiredService<IssuePasswordResetLink>().RunAsync(id, ct);
            if (!result.Succeeded) return Failed(console, result.Errors);
            var link = result.Value!;
            console.MarkupLine($"One-time link for {Markup.Escape(email)}, valid until {link.ExpiresAt:HH:mm} UTC on {link.ExpiresAt:d MMMM yyyy}. It is shown only now; send it to them:");
            // Written as it is, never wrapped to the terminal's width, so it can be copied whole.
            console.Profile.Out.Writer.WriteLine((baseUrl?.TrimEnd('/') ?? "") + link.Path);
            return ExitCodes.Ok;
        });

    /// <summary>
    /// The password from the first line of <paramref name="file"/>; else one line piped in; else typed twice at the
    /// terminal, with nothing shown. Null when none was given.
    /// </summary>
    public static string? ReadPassword(FileInfo? file, IAnsiConsole console) =>
        ReadPassword(file, console, Console.IsInputRedirected ? Console.In : null);

    /// <param name="pipedInput">Standard input when it is not the terminal (the password piped in), else null.</param>
    public static string? ReadPassword(FileInfo? file, IAnsiConsole console, TextReader? pipedInput)
    {
        if (file is not null)
            return File.ReadLines(file.FullName).FirstOrDefault() is { Length: > 0 } line ? line : null;
        if (pipedInput is not null) return pipedInput.ReadLine() is { Length: > 0 } piped ? piped : null;
        console.Markup("First password (not shown): ");
        var first = ReadHidden();
        console.Markup("The same password again: ");
        var second = ReadHidden();
        if (first == second) return first.Length > 0 ? first : null;
        console.MarkupLine("[red]The two passwords are not the same.[/]");
        return null;
    }

    private static string ReadHidden()
    {
        var text = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter) break;
            if (key.Key == ConsoleKey.Backspace) { if (text.Length > 0) text.Length--; }
            else if (!char.IsControl(key.KeyChar)) text.Append(key.KeyChar);
        }
        Console.WriteLine();
        return text.ToString();
    }

    private static async Task<int> OnUserAsync(IServiceProvider services, IAnsiConsole console, string email, Func<IServiceScope, string, Task<int>> action)
    {
        using var scope = services.CreateScope();
        var id = await scope.ServiceProvider.GetRequiredService<ManageUsers>().FindIdAsync(email);
        if (id is null) return Failed(console, [DomainError.NotFound("user.unknown", $"There is no user with the email address {email}.")]);
        return await action(scope, id);
    }

    private static int Failed(IAnsiConsole console, IEnumerable<DomainError> errors)
    {
        foreach (var error in errors) console.MarkupLine($"[red]{Markup.Escape(error.Message)}[/]");
        return ExitCodes.Failed;
    }

    private static async Task<int> RunAsync(ParseResult parse, CancellationToken ct, Func<IServiceProvider, IAnsiConsole, Task<int>> action)
    {
        await using var services = CliContext.Services(parse);
        using (var scope = services.CreateScope())
            if (!await CliContext.EnsureMigratedAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), ct)) return ExitCodes.Failed;
        return await action(services, AnsiConsole.Console);
    }
}
