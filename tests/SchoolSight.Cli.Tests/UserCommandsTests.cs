using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SchoolSight.Cli;
using SchoolSight.Cli.Commands;
using SchoolSight.Core.Access;
using SchoolSight.Core.Data;
using SchoolSight.Core.Demo;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Auditing;
using SchoolSight.TestSupport;
using Spectre.Console;

namespace SchoolSight.Cli.Tests;

public abstract class UserCommandsTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string Password = "Council-admin-pass-1";
    private TestDatabase _database = null!;
    private ServiceProvider _services = null!;
    private readonly StringWriter _output = new();
    private IAnsiConsole _console = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        _services = CliContext.Services(_database.Options, "cli:operator");
        _console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(_output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task<int> AddAdministratorAsync(string email = "chief@council.example")
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, Password + "\n");
            var password = UserCommands.ReadPassword(new FileInfo(file), _console);
            password.ShouldBe(Password);
            return await UserCommands.AddAsync(_services, _console, new UserCommands.AddRequest(email, "Chief Officer", Role.LaAdministrator, null, null), password!, default);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task UsersAdd_WithAPasswordFile_AddsTheFirstAdministrator_AndThePasswordIsNowhere()
    {
        (await AddAdministratorAsync()).ShouldBe(ExitCodes.Ok);

        _output.ToString().ShouldContain("Added Chief Officer");
        _output.ToString().ShouldNotContain(Password);
        using var scope = _services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var chief = (await users.FindByEmailAsync("chief@council.example"))!;
        chief.Role.ShouldBe(Role.LaAdministrator);
        (await users.CheckPasswordAsync(chief, Password)).ShouldBeTrue();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var audit = await db.AuditEntries.ToListAsync();
        audit.ShouldContain(a => a.Action == AuditAction.Created && a.EntityType == nameof(AppUser) && a.UserName == "cli:operator");
        audit.ShouldAllBe(a => !(a.Changes ?? "").Contains(Password) && !a.EntityKey.Contains(Password) && !a.UserName.Contains(Password));
        audit.ShouldAllBe(a => !(a.Changes ?? "").Contains(chief.PasswordHash!));
    }

    [Fact]
    public async Task UsersAdd_WithAWeakPassword_IsRefused()
    {
        var exit = await UserCommands.AddAsync(_services, _console, new UserCommands.AddRequest("weak@council.example", "Weak", Role.LaAdministrator, null, null), "short", default);
        exit.ShouldBe(ExitCodes.Failed);
        _output.ToString().ShouldContain("at least 12 characters");
    }

    [Fact]
    public async Task UsersDisableEnableResetList_WorkByEmail_AndKeepTheLastAdministrator()
    {
        await AddAdministratorAsync();
        (await UserCommands.DisableAsync(_services, _console, "chief@council.example", default)).ShouldBe(ExitCodes.Failed);
        _output.ToString().ShouldContain("last active LA administrator");

        await AddAdministratorAsync("deputy@council.example");
        (await UserCommands.DisableAsync(_services, _console, "deputy@council.example", default)).ShouldBe(ExitCodes.Ok);
        (await UserCommands.ListAsync(_services, _console, default)).ShouldBe(ExitCodes.Ok);
        _output.ToString().ShouldContain("Disabled");
        (await UserCommands.ResetAsync(_services, _console, "deputy@council.example", null, default)).ShouldBe(ExitCodes.Failed, "enable first");
        (await UserCommands.EnableAsync(_services, _console, "deputy@council.example", default)).ShouldBe(ExitCodes.Ok);
        (await UserCommands.ResetAsync(_services, _console, "deputy@council.example", "https://schoolsight.council.example/", default)).ShouldBe(ExitCodes.Ok);
        _output.ToString().ShouldContain("https://schoolsight.council.example/Account/ResetPassword?user=");
        (await UserCommands.DisableAsync(_services, _console, "nobody@council.example", default)).ShouldBe(ExitCodes.Failed);

        using var scope = _services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        (await db.AuditEntries.Where(a => a.Action == AuditAction.UserDisabled || a.Action == AuditAction.UserEnabled || a.Action == AuditAction.PasswordResetLinkIssued).Select(a => a.UserName).ToListAsync())
            .ShouldBe(["cli:operator", "cli:operator", "cli:operator"]);
    }

    [Fact]
    public async Task DemoDisableUsers_DisablesTheDemoAccounts_AndNoOthers()
    {
        await AddAdministratorAsync();
        foreach (var (role, email, _) in DemoSeeder.DemoUsers.Where(u => !u.Role.IsSchoolBound() && u.Role != Role.Partner))
            (await UserCommands.AddAsync(_services, _console, new UserCommands.AddRequest(email, role.ToString(), role, null, null), DemoSeeder.DemoPassword, default)).ShouldBe(ExitCodes.Ok);

        (await DemoUserCommands.DisableAllAsync(_services, _console, default)).ShouldBe(ExitCodes.Ok);

        using var scope = _services.CreateScope();
        var rows = await scope.ServiceProvider.GetRequiredService<ManageUsers>().ListAsync();
        rows.Where(r => r.Email.EndsWith("@demo-borough.example", StringComparison.Ordinal)).ShouldAllBe(r => r.Status == UserStatus.Disabled);
        rows.Single(r => r.Email == "chief@council.example").Status.ShouldBe(UserStatus.Active);
    }

    [Fact]
    public async Task ACommand_OnAMistypedDatabase_IsOneLine_AndCreatesNothing()
    {
        var file = Path.Combine(Path.GetTempPath(), $"schoolsight-cli-{Guid.NewGuid():N}.db");
        await using var services = CliContext.Services(new DatabaseOptions(DatabaseProvider.Sqlite, $"Data Source={file};Pooling=False"), "cli:operator");
        using var scope = services.CreateScope();
        var e = await Should.ThrowAsync<DatabaseSetupException>(() => CliContext.EnsureMigratedAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), default));
        e.Message.ShouldContain("schoolsight db migrate");
        File.Exists(file).ShouldBeFalse();
    }
}

public sealed class UserCommandsTests_Sqlite() : UserCommandsTests(DatabaseProvider.Sqlite);
public sealed class UserCommandsTests_Postgres() : UserCommandsTests(DatabaseProvider.Postgres);

public sealed class DemoSeedRuleTests
{
    [Theory]
    [InlineData("Production", false, true)]
    [InlineData("Staging", false, true)]
    [InlineData("Production", true, false)]
    [InlineData("Development", false, false)]
    public void DemoSeed_OutsideDevelopment_IsRefusedUnlessForced(string environment, bool force, bool refused)
    {
        var refusal = DemoUserCommands.RefuseSeed(environment, force);
        (refusal is not null).ShouldBe(refused);
        if (refusal is not null)
        {
            refusal.ShouldContain("--force");
            refusal.ShouldNotContain("\n");
        }
    }
}
