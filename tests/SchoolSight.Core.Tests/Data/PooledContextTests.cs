using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SchoolSight.Core.Access;
using SchoolSight.Core.Data;
using SchoolSight.Core.Tests.Register;
using SchoolSight.Core.Time;
using SchoolSight.Domain.Access;
using SchoolSight.TestSupport;

namespace SchoolSight.Core.Tests.Data;

/// <summary>
/// Contexts come from a pool and are lent to one scope at a time: each must act for its own scope's user only, and never
/// carry a user from the scope before it.
/// </summary>
public sealed class PooledContextTests
{
    private static ServiceProvider Services(TestDatabase database)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddLaClock(null);
        services.AddScoped<ICurrentUser>(sp => sp.GetService<ScopeActor>()?.User ?? ActingUsers.Nobody);
        services.AddSchoolSightDatabase(database.Options);
        services.AddSchoolSightCore();
        return services.BuildServiceProvider();
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task AContextFromThePool_ReadsAsItsOwnScopesUser_AndGoesBackWithNoOneActing(DatabaseProvider provider)
    {
        await using var database = await RegisterData.CreateAsync(provider);
        await using var services = Services(database);
        var scopes = services.GetRequiredService<IServiceScopeFactory>();
        var school = RegisterData.FirstUrn + 3;
        var head = new FixedCurrentUser("head@demo-borough.example", Role.SchoolUser, scope: SchoolScope.Of([school]));

        // Many turns, one after another, so the same pooled contexts are lent again and again.
        for (var turn = 0; turn < 6; turn++)
        {
            AppDbContext lentToOfficer;
            await using (var officer = scopes.CreateScopeAs(new FixedCurrentUser(RegisterData.Admin, Role.LaAdministrator)))
            {
                lentToOfficer = officer.ServiceProvider.GetRequiredService<AppDbContext>();
                lentToOfficer.CurrentUser.UserName.ShouldBe(RegisterData.Admin);
                (await lentToOfficer.Schools.CountAsync()).ShouldBe(RegisterData.SchoolCount);
            }
            lentToOfficer.CurrentUser.IsSomeone().ShouldBeFalse("a context given back keeps no one's identity");

            // Taken from the pool directly, without a scope's user, the officer's context has no one acting.
            await using (var bare = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
            {
                bare.ShouldBeSameAs(lentToOfficer);
                bare.CurrentUser.IsSomeone().ShouldBeFalse();
                (await bare.Schools.CountAsync()).ShouldBe(0);
            }

            await using (var headScope = scopes.CreateScopeAs(head))
            {
                var db = headScope.ServiceProvider.GetRequiredService<AppDbContext>();
                db.CurrentUser.ShouldBeSameAs(head);
                (await db.Schools.Select(s => s.Urn).ToListAsync()).ShouldBe([school], "a school user reads their own school only, whoever held the context before");
            }

            // A scope that names no one reads no school, even on a context the officer had.
            await using (var nobody = scopes.CreateAsyncScope())
            {
                var db = nobody.ServiceProvider.GetRequiredService<AppDbContext>();
                db.CurrentUser.IsSomeone().ShouldBeFalse();
                (await db.Schools.CountAsync()).ShouldBe(0);
                await Should.ThrowAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            }

        }
    }
}
