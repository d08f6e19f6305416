using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Access;
using SchoolSight.Core.Data;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Auditing;
using SchoolSight.Domain.Register;
using SchoolSight.TestSupport;

namespace SchoolSight.Core.Tests.Auditing;

public abstract class AuditTrailTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private static readonly FixedCurrentUser Alice = new("alice@demo-borough.example", Role.LaAdministrator, "u-alice");
    private static readonly FixedCurrentUser Bob = new("bob@demo-borough.example", Role.LaAdministrator, "u-bob");

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync(provider);
    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task CreatingASchool_RecordsWhoWhenAndEveryValue()
    {
        await using (var db = _db.CreateContext(Alice))
        {
            db.Schools.Add(Build.School(999101));
            await db.SaveChangesAsync();
        }
        await using var read = _db.CreateContext();
        var entry = await read.AuditEntries.SingleAsync(a => a.EntityType == nameof(School));
        entry.Action.ShouldBe(AuditAction.Created);
        entry.UserName.ShouldBe(Alice.UserName);
        entry.UserId.ShouldBe("u-alice");
        entry.EntityKey.ShouldBe("999101");
        entry.SchoolUrn.ShouldBe(999101);
        var changes = JsonDocument.Parse(entry.Changes!).RootElement;
        changes.GetProperty("Details.Name")[1].GetString().ShouldBe("Ashcombe Primary School");
    }

    [Fact]
    public async Task UpdatingASchool_RecordsBeforeAndAfterOfTheChangedFieldsOnly()
    {
        await using (var db = _db.CreateContext(Alice))
        {
            db.Schools.Add(Build.School(999102));
            await db.SaveChangesAsync();
        }
        await using (var db = _db.CreateContext(Bob))
        {
            var school = await db.Schools.SingleAsync(s => s.Urn == 999102);
            school.UpdateDetails(school.Details with { Telephone = "01632 960999" });
            await db.SaveChangesAsync();
        }
        await using var read = _db.CreateContext();
        var update = await read.AuditEntries.SingleAsync(a => a.Action == AuditAction.Updated);
        update.UserName.ShouldBe(Bob.UserName);
        var changes = JsonDocument.Parse(update.Changes!).RootElement;
        changes.GetProperty("Details.Telephone")[0].GetString().ShouldBe("01632 960001");
        changes.GetProperty("Details.Telephone")[1].GetString().ShouldBe("01632 960999");
        changes.TryGetProperty("Details.Name", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task AuditRows_CannotBeChangedOrDeleted()
    {
        await using (var db = _db.CreateContext(Alice))
        {
            db.Schools.Add(Build.School(999103));
            await db.SaveChangesAsync();
        }
        await using var edit = _db.CreateContext(Alice);
        // The school's row, after those of the default term calendar written when the database was created.
        var before = await edit.AuditEntries.CountAsync();
        var entry = await edit.AuditEntries.SingleAsync(a => a.EntityType == "School");
        edit.AuditEntries.Remove(entry);
        await Should.ThrowAsync<InvalidOperationException>(() => edit.SaveChangesAsync());
        await using var read = _db.CreateContext();
        (await read.AuditEntries.CountAsync()).ShouldBe(before);
        (await read.AuditEntries.CountAsync(a => a.EntityType == "School")).ShouldBe(1);
    }

    [Fact]
    public async Task AStaleEdit_IsRefusedWithWhoChangedIt_AndTheFirstEditIsKept()
    {
        await using (var db = _db.CreateContext(Alice))
        {
            db.Schools.Add(Build.School(999104));
            await db.SaveChangesAsync();
        }
        int versionSeen;
        await using (var db = _db.CreateContext(Alice)) versionSeen = (await db.Schools.SingleAsync(s => s.Urn == 999104)).Version;

        await using (var first = _db.CreateContext(Bob))
        {
            var school = await first.Schools.SingleAsync(s => s.Urn == 999104);
            first.ExpectVersion(school, versionSeen);
            school.UpdateDetails(school.Details with { Telephone = "01632 960111" });
            (await first.SaveVersionedAsync(school, "school", () => true)).Succeeded.ShouldBeTrue();
        }
        await using (var second = _db.CreateContext(Alice))
        {
            var school = await second.Schools.SingleAsync(s => s.Urn == 999104);
            second.ExpectVersion(school, versionSeen);
            school.UpdateDetails(school.Details with { Telephone = "01632 960222" });
            var result = await second.SaveVersionedAsync(school, "school", () => true);
            result.IsConflict.ShouldBeTrue();
            result.Errors.Single().Message.ShouldContain(Bob.UserName);
        }
        await using var read = _db.CreateContext();
        (await read.Schools.SingleAsync(s => s.Urn == 999104)).Details.Telephone.ShouldBe("01632 960111");
    }

    [Fact]
    public async Task ASchoolUsersContext_CannotLoadAnotherSchool()
    {
        await using (var db = _db.CreateContext(Alice))
        {
            db.Schools.AddRange(Build.School(999105, "Brookmere Primary School"), Build.School(999106, "Carden Hill Primary School"));
            await db.SaveChangesAsync();
        }
        var head = new FixedCurrentUser("head@demo-borough.example", Role.SchoolUser, "u-head", SchoolScope.Of([999105]));
        await using var scoped = _db.CreateContext(head);
        (await scoped.Schools.Select(s => s.Urn).ToListAsync()).ShouldBe([999105]);
        (await scoped.Schools.FirstOrDefaultAsync(s => s.Urn == 999106)).ShouldBeNull();
    }
}

public sealed class AuditTrailTests_Sqlite() : AuditTrailTests(DatabaseProvider.Sqlite);
public sealed class AuditTrailTests_Postgres() : AuditTrailTests(DatabaseProvider.Postgres);
