using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SchoolSight.Core.Access;
using SchoolSight.Core.Data;
using SchoolSight.Core.Demo;
using SchoolSight.TestSupport;

namespace SchoolSight.Core.Tests.Demo;

/// <summary>Fills a test database with Demo Borough as the web app does on an empty database.</summary>
public static class DemoBoroughDatabase
{
    public static async Task SeedAsync(TestDatabase database)
    {
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddSingleton<ICurrentUser>(ActingUsers.Scheduler)
            .AddSchoolSightDatabase(database.Options)
            .AddSchoolSightCore()
            .AddIdentityCore<AppUser>().AddEntityFrameworkStores<AppDbContext>().Services
            .Configure<PasswordHasherOptions>(o => o.IterationCount = 1)
            .BuildServiceProvider();
        using var scope = services.CreateScope();
        var seeded = await DemoSeeder.SeedIfEmptyAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>());
        seeded.ShouldBeTrue();
    }
}
