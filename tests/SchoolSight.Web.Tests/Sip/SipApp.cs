using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SchoolSight.Core.Data;
using SchoolSight.Core.Demo;
using SchoolSight.Domain.Sip;
using SchoolSight.TestSupport;

namespace SchoolSight.Web.Tests.Sip;

/// <summary>Demo Borough with its year of SIP visits and two paired visits, one app for a test class.</summary>
public abstract class SipApp(DatabaseProvider provider) : IAsyncLifetime
{
    public SchoolSightWebFactory App { get; private set; } = null!;

    public async Task InitializeAsync() => App = await SchoolSightWebFactory.CreateAsync(provider);

    public async Task DisposeAsync() => await App.DisposeAsync();

    public async Task<T> ReadAsync<T>(Func<AppDbContext, Task<T>> read)
    {
        using var scope = App.Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>The user id of a demo user.</summary>
    public Task<string> UserIdAsync(string email) => ReadAsync(db => db.Users.Where(u => u.UserName == email).Select(u => u.Id).SingleAsync());

    /// <summary>The latest issued visit of the demo SIP to the head's school.</summary>
    public Task<int> IssuedVisitAtTheHeadsSchoolAsync() => ReadAsync(db => db.SipVisits
        .Where(v => v.Urn == DemoSeeder.DemoHeadSchoolUrn && v.Status != VisitStatus.Draft)
        .OrderByDescending(v => v.VisitedOn).Select(v => v.Id).FirstAsync());
}

public sealed class SqliteSipApp() : SipApp(DatabaseProvider.Sqlite);
public sealed class PostgresSipApp() : SipApp(DatabaseProvider.Postgres);
