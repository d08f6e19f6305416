using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SchoolSight.Core.Access;
using SchoolSight.Core.Data;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Auditing;
using SchoolSight.TestSupport;

namespace SchoolSight.Core.Tests.Access;

public abstract class UserLifecycleTests(DatabaseProvider provider) : IAsyncLifetime
{
    private UserWorld _world = null!;
    private string _admin = "";

    public async Task InitializeAsync()
    {
        _world = new UserWorld(await TestDatabase.CreateAsync(provider), new TestClock(2026, 3, 2));
        _admin = await _world.AddAsync("admin@la.example", Role.LaAdministrator, actor: "cli:setup");
    }

    public async Task DisposeAsync() => await _world.Database.DisposeAsync();

    [Fact]
    public async Task DisableUser_TheyCannotSignIn_TheirSessionsEnd_AndItIsAudited()
    {
        var officer = await _world.AddAsync("officer@la.example");
        (await _world.SignInAsync(officer, UserWorld.Password)).Succeeded.ShouldBeTrue();
        var stampBefore = (await _world.GetAsync(officer)).SecurityStamp;

        var result = await _world.RunAsync<DisableUser>(op => op.RunAsync(officer, null));

        result.Errors.ShouldBeEmpty();
        (await _world.SignInAsync(officer, UserWorld.Password)).IsLockedOut.ShouldBeTrue("a disabled user cannot sign in with the right password");
        var after = await _world.GetAsync(officer);
        after.SecurityStamp.ShouldNotBe(stampBefore, "a new security stamp ends the sessions they have open");
        after.IsDisabled().ShouldBeTrue();
        await using var db = _world.Database.CreateContext();
        var audit = await db.AuditEntries.SingleAsync(a => a.Action == AuditAction.UserDisabled);
        audit.UserName.ShouldBe("admin@la.example");
        audit.EntityKey.ShouldBe(officer);
        audit.At.ShouldBe(_world.Clock.GetUtcNow().UtcDateTime);
    }

    [Fact]
    public async Task DisableUser_FailedSignInsAfterwards_DoNotUndoIt()
    {
        var officer = await _world.AddAsync("officer@la.example");
        await _world.RunAsync<DisableUser>(op => op.RunAsync(officer, null));
        for (var i = 0; i < 6; i++) await _world.SignInAsync(officer, "Wrong-password-" + i);
        _world.Clock.Advance(TimeSpan.FromDays(400));
        (await _world.SignInAsync(officer, UserWorld.Password)).IsLockedOut.ShouldBeTrue();
    }

    [Fact]
    public async Task EnableUser_LetsThemSignInAgain_AndIsAudited()
    {
        var officer = await _world.AddAsync("officer@la.example");
        await _world.RunAsync<DisableUser>(op => op.RunAsync(officer, null));

        (await _world.RunAsync<EnableUser>(op => op.RunAsync(officer, null), actor: "other-admin@la.example")).Errors.ShouldBeEmpty();

        (await _world.SignInAsync(officer, UserWorld.Password)).Succeeded.ShouldBeTrue();
        await using var db = _world.Database.CreateContext();
        (await db.AuditEntries.SingleAsync(a => a.Action == AuditAction.UserEnabled)).UserName.ShouldBe("other-admin@la.example");
    }

    [Fact]
    public async Task DisableUser_TheLastActiveAdministrator_IsRefused_EvenByThemselves()
    {
        var result = await _world.RunAsync<DisableUser>(op => op.RunAsync(_admin, null), actor: "admin@la.example");

        result.Succeeded.ShouldBeFalse();
        result.Errors.Single().Code.ShouldBe("user.last-administrator");
        (await _world.SignInAsync(_admin, UserWorld.Password)).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public async Task DisableUser_AnAdministrator_IsAllowed_WhileAnotherIsActive_ButNotTheOneLeft()
    {
        var second = await _world.AddAsync("second-admin@la.example", Role.LaAdministrator);
        (await _world.RunAsync<DisableUser>(op => op.RunAsync(second, null))).Succeeded.ShouldBeTrue();

        var refused = await _world.RunAsync<DisableUser>(op => op.RunAsync(_admin, null), actor: "second-admin@la.example");
        refused.Errors.Single().Code.ShouldBe("user.last-administrator", "a disabled administrator does not count");
    }

    [Fact]
    public async Task TwoAdministrators_DisablingEachOtherAtTheSameMoment_LeaveOneActive()
    {
        var second = await _world.AddAsync("second-admin@la.example", Role.LaAdministrator);

        var results = await Task.WhenAll(
            _world.RunAsync<DisableUser>(op => op.RunAsync(_admin, null), actor: "second-admin@la.example"),
            _world.RunAsync<DisableUser>(op => op.RunAsync(second, null), actor: "admin@la.example"));

        results.Count(r => r.Succeeded).ShouldBe(1);
        results.Single(r => !r.Succeeded).Errors.Single().Code.ShouldBeOneOf("user.last-administrator", Core.CoreErrors.ConflictCode);
        ((await _world.GetAsync(_admin)).IsDisabled() && (await _world.GetAsync(second)).IsDisabled()).ShouldBeFalse();
    }

    [Fact]
    public async Task EditUser_DemotingTheLastActiveAdministrator_IsRefused()
    {
        await using (var scope = _world.As())
        {
            var manage = scope.ServiceProvider.GetRequiredService<ManageUsers>();
            var (user, _) = (await manage.GetAsync(_admin))!.Value;
            var result = await manage.EditAsync(_admin, new UserInput("Admin", "admin@la.example", Role.SeniorManager, null, [], null), user.ConcurrencyStamp!);
            result.Errors.Single().Field.ShouldBe("Role");
        }
        (await _world.GetAsync(_admin)).Role.ShouldBe(Role.LaAdministrator);

        await _world.AddAsync("second-admin@la.example", Role.LaAdministrator);
        await using (var scope = _world.As())
        {
            var manage = scope.ServiceProvider.GetRequiredService<ManageUsers>();
            var (user, _) = (await manage.GetAsync(_admin))!.Value;
            (await manage.EditAsync(_admin, new UserInput("Admin", "admin@la.example", Role.SeniorManager, null, [], null), user.ConcurrencyStamp!))
                .Errors.ShouldBeEmpty("another active administrator remains");
        }
    }

    [Fact]
    public async Task DisableUser_WithTheVersionBeforeSomeoneElsesChange_IsAConflict()
    {
        var officer = await _world.AddAsync("officer@la.example");
        var seen = (await _world.GetAsync(officer)).ConcurrencyStamp;
        await _world.RunAsync<DisableUser>(op => op.RunAsync(officer, null));
        await _world.RunAsync<EnableUser>(op => op.RunAsync(officer, null));

        var stale = await _world.RunAsync<DisableUser>(op => op.RunAsync(officer, seen));

        stale.IsConflict.ShouldBeTrue();
        (await _world.GetAsync(officer)).IsDisabled().ShouldBeFalse();
    }

    [Fact]
    public async Task PasswordResetLink_SetsANewPassword_Once_AndEndsOtherSessions()
    {
        var officer = await _world.AddAsync("officer@la.example");
        var stampBefore = (await _world.GetAsync(officer)).SecurityStamp;
        IssuePasswordResetLink.Link link;
        await using (var scope = _world.As())
            link = (await scope.ServiceProvider.GetRequiredService<IssuePasswordResetLink>().RunAsync(officer)).Value!;
        link.Path.ShouldStartWith($"/Account/ResetPassword?user={officer}&token=");

        (await _world.RunAsync<ResetPasswordWithLink>(op => op.RunAsync(officer, link.Token, "short"), actor: "anonymous"))
            .Errors.ShouldAllBe(e => e.Field == "NewPassword");
        (await _world.RunAsync<ResetPasswordWithLink>(op => op.RunAsync(officer, link.Token, "A-new-password-42"), actor: "anonymous"))
            .Errors.ShouldBeEmpty();

        (await _world.SignInAsync(officer, "A-new-password-42")).Succeeded.ShouldBeTrue();
        (await _world.SignInAsync(officer, UserWorld.Password)).Succeeded.ShouldBeFalse();
        (await _world.GetAsync(officer)).SecurityStamp.ShouldNotBe(stampBefore);
        var again = await _world.RunAsync<ResetPasswordWithLink>(op => op.RunAsync(officer, link.Token, "Another-password-43"), actor: "anonymous");
        again.Errors.Single().ShouldBe(ResetPasswordWithLink.LinkNotValid, "the link works once");

        await using var db = _world.Database.CreateContext();
        var audit = await db.AuditEntries.Where(a => a.EntityKey == officer).ToListAsync();
        audit.Single(a => a.Action == AuditAction.PasswordResetLinkIssued).UserName.ShouldBe("admin@la.example");
        audit.Single(a => a.Action == AuditAction.PasswordReset).UserName.ShouldBe("officer@la.example");
        audit.ShouldAllBe(a => a.Changes == null || !a.Changes.Contains(link.Token));
        (await db.UserTokens.AnyAsync(t => t.Value != null && t.Value.Contains(link.Token))).ShouldBeFalse("only a hash of the link is kept");
    }

    [Fact]
    public async Task PasswordResetLink_Expired_OrReplaced_OrForADisabledUser_IsRefused()
    {
        var officer = await _world.AddAsync("officer@la.example");
        async Task<string> IssueAsync()
        {
            await using var scope = _world.As();
            return (await scope.ServiceProvider.GetRequiredService<IssuePasswordResetLink>().RunAsync(officer)).Value!.Token;
        }
        Task<Core.OperationResult<string>> UseAsync(string token) =>
            _world.RunAsync<ResetPasswordWithLink>(op => op.RunAsync(officer, token, "A-new-password-42"), actor: "anonymous");

        var expired = await IssueAsync();
        _world.Clock.Advance(PasswordResetLinks.Lifetime + TimeSpan.FromMinutes(1));
        (await UseAsync(expired)).Succeeded.ShouldBeFalse("expired");

        var replaced = await IssueAsync();
        await IssueAsync();
        (await UseAsync(replaced)).Succeeded.ShouldBeFalse("a newer link replaces it");

        var beforeDisabling = await IssueAsync();
        await _world.RunAsync<DisableUser>(op => op.RunAsync(officer, null));
        (await UseAsync(beforeDisabling)).Succeeded.ShouldBeFalse("disabling ends the link");
        await using var scope = _world.As();
        (await scope.ServiceProvider.GetRequiredService<IssuePasswordResetLink>().RunAsync(officer)).Errors.Single().Code.ShouldBe("user.disabled");
        (await UseAsync("made-up-token")).Succeeded.ShouldBeFalse();
    }

    [Fact]
    public async Task ListUsers_ShowsWhoIsDisabled_AndUnlockDoesNotEnable()
    {
        var officer = await _world.AddAsync("officer@la.example");
        await _world.RunAsync<DisableUser>(op => op.RunAsync(officer, null));

        await using var scope = _world.As();
        var manage = scope.ServiceProvider.GetRequiredService<ManageUsers>();
        (await manage.ListAsync()).Single(r => r.Id == officer).Status.ShouldBe(UserStatus.Disabled);
        (await manage.ListAsync()).Single(r => r.Id == _admin).Status.ShouldBe(UserStatus.Active);
        (await manage.UnlockAsync(officer)).Succeeded.ShouldBeFalse();
        (await _world.GetAsync(officer)).IsDisabled().ShouldBeTrue();
    }
}

public sealed class UserLifecycleTests_Sqlite() : UserLifecycleTests(DatabaseProvider.Sqlite);
public sealed class UserLifecycleTests_Postgres() : UserLifecycleTests(DatabaseProvider.Postgres);
