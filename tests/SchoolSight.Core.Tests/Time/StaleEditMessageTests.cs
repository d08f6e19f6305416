using SchoolSight.Core.Data;
using SchoolSight.Domain.Access;
using SchoolSight.TestSupport;

namespace SchoolSight.Core.Tests.Time;

/// <summary>A stale edit names who changed the record by name and role, and when on the LA's clock (British Summer Time here).</summary>
public abstract class StaleEditMessageTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        await using var db = _database.CreateContext(new FixedCurrentUser("test-admin@la.example"));
        db.Users.Add(new AppUser { UserName = "sam@la.example", Email = "sam@la.example", DisplayName = "Sam Senior", Role = Role.SeniorManager });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task AStaleEdit_NamesThePersonAndRole_AndTheLasTime_NotTheEmailAndUtc()
    {
        await using var db = _database.CreateContext(new FixedCurrentUser("test-admin@la.example"));
        var changedAt = new DateTime(2026, 6, 15, 9, 5, 0, DateTimeKind.Utc);

        db.Conflict("case", "sam@la.example", changedAt).Message
            .ShouldStartWith("This case was changed by Sam Senior (Senior management team member) at 10:05 on 15 June 2026 after you opened it.");
        db.Conflict("case", "SchoolSight start-up", changedAt).Message.ShouldStartWith("This case was changed by SchoolSight start-up at 10:05");
        db.Conflict("case", null, null).Message.ShouldStartWith("This case was changed by another user after you opened it.");
    }
}

public sealed class StaleEditMessageTests_Sqlite() : StaleEditMessageTests(DatabaseProvider.Sqlite);
public sealed class StaleEditMessageTests_Postgres() : StaleEditMessageTests(DatabaseProvider.Postgres);
