using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SchoolSight.Core;
using SchoolSight.Core.Access;
using SchoolSight.Core.Data;
using SchoolSight.Domain.Access;
using SchoolSight.TestSupport;

namespace SchoolSight.Core.Tests.Access;

/// <summary>Users over a test database with SchoolSight's Identity settings, acting as a named administrator.</summary>
public sealed class UserWorld(TestDatabase database, TestClock clock)
{
    public const string Password = "First-password-1";
    public TestDatabase Database => database;
    public TestClock Clock => clock;

    /// <summary>The services of one request or command, acting as <paramref name="actor"/>.</summary>
    public AsyncServiceScope As(string actor = "admin@la.example")
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddHttpContextAccessor();
        services.AddAuthentication();
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton<ICurrentUser>(new FixedCurrentUser(actor));
        services.AddSchoolSightDatabase(database.Options);
        services.AddSchoolSightCore();
        services.AddIdentityCore<AppUser>(o =>
            {
                PasswordRules.Apply(o.Password);
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager();
        // Identity's 100,000 rounds per password cost every user made and every check; the tests need the check, not the cost.
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1);
        return services.BuildServiceProvider().CreateAsyncScope();
    }

    public async Task<string> AddAsync(string email, Role role = Role.InterventionOfficer, string actor = "admin@la.example")
    {
        await using var scope = As(actor);
        var result = await scope.ServiceProvider.GetRequiredService<ManageUsers>()
            .CreateAsync(new UserInput(email.Split('@')[0], email, role, null, [], null), Password);
        result.Errors.ShouldBeEmpty();
        return result.Value!;
    }

    public async Task<AppUser> GetAsync(string id)
    {
        await using var scope = As();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(id))!;
    }

    public async Task<SignInResult> SignInAsync(string id, string password)
    {
        await using var scope = As();
        var user = (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(id))!;
        return await scope.ServiceProvider.GetRequiredService<SignInManager<AppUser>>().CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
    }

    public async Task<OperationResult<string>> RunAsync<TOperation>(Func<TOperation, Task<OperationResult<string>>> run, string actor = "admin@la.example") where TOperation : notnull
    {
        await using var scope = As(actor);
        return await run(scope.ServiceProvider.GetRequiredService<TOperation>());
    }
}
