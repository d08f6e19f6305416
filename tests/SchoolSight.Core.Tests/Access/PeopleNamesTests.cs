using Microsoft.Extensions.DependencyInjection;
using SchoolSight.Core.Access;
using SchoolSight.Core.Data;
using SchoolSight.Domain.Access;
using SchoolSight.TestSupport;

namespace SchoolSight.Core.Tests.Access;

public abstract class PeopleNamesTests(DatabaseProvider provider) : IAsyncLifetime
{
    private UserWorld _world = null!;

    public async Task InitializeAsync()
    {
        _world = new UserWorld(await TestDatabase.CreateAsync(provider), new TestClock(2026, 3, 2));
        await _world.AddAsync("morgan@la.example", Role.InterventionOfficer, actor: "cli:setup");
    }

    public async Task DisposeAsync() => await _world.Database.DisposeAsync();

    [Fact]
    public async Task AStoredSignInName_IsShownAsTheNameAndRole_AndAnyOtherValueAsStored()
    {
        await using var scope = _world.As();
        var people = scope.ServiceProvider.GetRequiredService<PeopleNames>();
        (await people.NameAsync("morgan@la.example")).ShouldBe("morgan · Monitoring and intervention officer");
        (await people.NameAsync("MORGAN@la.example")).ShouldBe("morgan · Monitoring and intervention officer");
        (await people.NameAsync("SchoolSight start-up")).ShouldBe("SchoolSight start-up");
        (await people.NameAsync("gone@la.example")).ShouldBe("gone@la.example");
        (await people.NameAsync(null)).ShouldBe("");
    }
}

public sealed class PeopleNamesTests_Sqlite() : PeopleNamesTests(DatabaseProvider.Sqlite);
public sealed class PeopleNamesTests_Postgres() : PeopleNamesTests(DatabaseProvider.Postgres);
