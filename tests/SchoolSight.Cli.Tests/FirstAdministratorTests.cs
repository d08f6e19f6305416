using System.CommandLine;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SchoolSight.Cli;
using SchoolSight.Cli.Commands;
using SchoolSight.Core.Access;
using SchoolSight.Core.Data;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Auditing;
using SchoolSight.TestSupport;
using Spectre.Console;

namespace SchoolSight.Cli.Tests;

/// <summary>
/// An LA's first administrator on an empty production database, through the <c>schoolsight</c> commands themselves:
/// <c>db migrate</c>, then <c>users add</c> with the password from a file or piped in. No user exists yet, so the audit
/// names the command line; the password is in no argument, no output and no audit row.
/// </summary>
[Collection(ConsoleCollection.Name)]
public abstract class FirstAdministratorTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string Password = "Hampshire-first-admin-7";
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider, migrate: false);
    public async Task DisposeAsync() => await _database.DisposeAsync();

    /// <summary>Runs <c>schoolsight</c> with <paramref name="args"/> on the test database, capturing everything it writes.</summary>
    private Task<(int Exit, string Output, string[] Arguments)> RunAsync(params string[] args) => CliRun.RunAsync(_database, args);

    private async Task<List<AuditEntry>> AuditAsync()
    {
        await using var db = _database.CreateContext();
        return await db.AuditEntries.IgnoreQueryFilters().ToListAsync();
    }

    private static void ShouldNotHoldThePassword(IEnumerable<AuditEntry> audit, string output, IEnumerable<string> arguments)
    {
        output.ShouldNotContain(Password);
        arguments.ShouldAllBe(a => !a.Contains(Password));
        audit.ShouldAllBe(a => !(a.Changes ?? "").Contains(Password) && !a.EntityKey.Contains(Password) && !a.UserName.Contains(Password));
    }

    [Fact]
    public async Task DbMigrate_ThenUsersAddWithAPasswordFile_OnAnEmptyDatabase_AddsTheFirstAdministrator_AuditedAsTheCommandLine()
    {
        (await RunAsync("db", "migrate")).Exit.ShouldBe(ExitCodes.Ok);
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, Password + "\n");
        try
        {
            var (exit, output, arguments) = await RunAsync("users", "add", "--email", "it.lead@hants.example", "--name", "Sam Lead", "--role", "LaAdministrator", "--password-file", file);

            exit.ShouldBe(ExitCodes.Ok, output);
            output.ShouldContain("Added Sam Lead");
            var audit = await AuditAsync();
            var commandLine = CliContext.UserName(CliRoot.Create().Parse([]));
            if (Environment.GetEnvironmentVariable(CliContext.UserVariable) is null) commandLine.ShouldStartWith("SchoolSight command line (run by ");
            audit.ShouldContain(a => a.Action == AuditAction.Created && a.EntityType == nameof(AppUser) && a.UserId == null && a.UserName == commandLine);
            ShouldNotHoldThePassword(audit, output, arguments);
        }
        finally
        {
            File.Delete(file);
        }

        await using var services = CliContext.Services(_database.Options, "check");
        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var lead = (await users.FindByEmailAsync("it.lead@hants.example"))!;
        lead.Role.ShouldBe(Role.LaAdministrator);
        (await users.CheckPasswordAsync(lead, Password)).ShouldBeTrue();
    }

    [Fact]
    public async Task UsersAdd_WithThePasswordPipedIn_ReadsOneLine_AndThePasswordIsNowhere()
    {
        (await RunAsync("db", "migrate")).Exit.ShouldBe(ExitCodes.Ok);
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });

        var password = UserCommands.ReadPassword(null, console, new StringReader(Password + "\nsecond line\n"));
        password.ShouldBe(Password);
        await using var services = CliContext.Services(_database.Options, CliContext.UserName(CliRoot.Create().Parse([])));
        (await UserCommands.AddAsync(services, console, new UserCommands.AddRequest("it.lead@hants.example", "Sam Lead", Role.LaAdministrator, null, null), password!, default))
            .ShouldBe(ExitCodes.Ok);

        ShouldNotHoldThePassword(await AuditAsync(), output.ToString(), []);
        UserCommands.ReadPassword(null, console, new StringReader("")).ShouldBeNull("nothing piped in is no password");
    }

    [Fact]
    public void UsersAdd_HasNoPasswordArgument()
    {
        var parse = CliRoot.Create().Parse(["users", "add", "--email", "a@b.example", "--name", "A", "--role", "LaAdministrator", "--password", Password]);
        parse.Errors.ShouldNotBeEmpty();
        parse.Errors.ShouldContain(e => e.Message.Contains("--password", StringComparison.Ordinal));
    }
}

public sealed class FirstAdministratorTests_Sqlite() : FirstAdministratorTests(DatabaseProvider.Sqlite);
public sealed class FirstAdministratorTests_Postgres() : FirstAdministratorTests(DatabaseProvider.Postgres);

/// <summary>Tests that replace the process's console (standard output and error, Spectre's console) run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    public const string Name = "Console";
}
