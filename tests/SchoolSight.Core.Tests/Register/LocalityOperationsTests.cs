using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Core.Register;
using SchoolSight.Domain.Auditing;
using SchoolSight.TestSupport;

namespace SchoolSight.Core.Tests.Register;

public abstract class LocalityOperationsTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await RegisterData.CreateAsync(provider);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<int> IdOf(string name)
    {
        await using var db = _database.AsAdmin();
        return await db.Localities.Where(l => l.Name == name).Select(l => l.Id).SingleAsync();
    }

    [Fact]
    public async Task ListLocalities_CountsOpenAndAllSchools()
    {
        await using var db = _database.AsAdmin();
        var rows = await new ListLocalities(db).RunAsync();
        rows.Select(r => r.Name).ShouldBe(["North", "South"]);
        var north = rows[0];
        north.BoardName.ShouldBe("North Locality School Effectiveness Board");
        north.Schools.ShouldBe(20);
        north.OpenSchools.ShouldBe(18);
        rows[1].OpenSchools.ShouldBe(9);
    }

    [Fact]
    public async Task ListLocalities_ForASchoolUser_CountsOnlyTheirSchool()
    {
        await using var db = _database.AsSchoolUser(RegisterData.FirstUrn);
        var rows = await new ListLocalities(db).RunAsync();
        rows.Sum(r => r.Schools).ShouldBe(1);
    }

    [Fact]
    public async Task GetLocality_ListsItsSchoolsInScope()
    {
        var south = await IdOf("South");
        await using (var db = _database.AsAdmin())
        {
            var details = (await new GetLocality(db).RunAsync(south))!;
            details.Schools.Count.ShouldBe(10);
            details.Schools.Select(s => s.Name).ShouldBeInOrder();
            details.LaCode.ShouldBe(999);
        }
        await using (var db = _database.AsSchoolUser(RegisterData.FirstUrn))
            (await new GetLocality(db).RunAsync(south))!.Schools.ShouldBeEmpty();
        await using (var db = _database.AsAdmin())
            (await new GetLocality(db).RunAsync(4040)).ShouldBeNull();
    }

    [Fact]
    public async Task CreateLocality_AddsItToTheLa_AndRefusesATakenName()
    {
        await using var db = _database.AsAdmin();
        var created = await new CreateLocality(db).RunAsync(new LocalityInput { Name = " East ", BoardName = "East Board" });
        created.Succeeded.ShouldBeTrue();
        (await new GetLocality(db).RunAsync(created.Value))!.Name.ShouldBe("East");

        var duplicate = await new CreateLocality(db).RunAsync(new LocalityInput { Name = "north" });
        duplicate.Errors.Single().Field.ShouldBe("Name");
        duplicate.Errors.Single().Message.ShouldBe("There is already a locality called north");
        var empty = await new CreateLocality(db).RunAsync(new LocalityInput { Name = "" });
        empty.Errors.Single().Message.ShouldBe("Enter the locality name");
    }

    [Fact]
    public async Task EditLocality_Renames_AndKeepsItsOwnName()
    {
        var north = await IdOf("North");
        await using var db = _database.AsAdmin();
        var result = await new EditLocality(db).RunAsync(north, new LocalityInput { Name = "North", BoardName = "Northern Board", Version = 1 });
        result.Succeeded.ShouldBeTrue();
        (await new GetLocality(db).RunAsync(north))!.BoardName.ShouldBe("Northern Board");
        (await db.AuditEntries.AnyAsync(a => a.EntityType == "Locality" && a.EntityKey == north.ToString() && a.Action == AuditAction.Updated)).ShouldBeTrue();
    }

    [Fact]
    public async Task EditLocality_FromAStaleVersion_IsAConflict()
    {
        var north = await IdOf("North");
        await using (var db = _database.AsAdmin(RegisterData.OtherAdmin))
            (await new EditLocality(db).RunAsync(north, new LocalityInput { Name = "North Quadrant", Version = 1 })).Succeeded.ShouldBeTrue();
        await using (var db = _database.AsAdmin())
        {
            var result = await new EditLocality(db).RunAsync(north, new LocalityInput { Name = "Northern", Version = 1 });
            result.IsConflict.ShouldBeTrue();
            result.Errors.Single().Message.ShouldContain(RegisterData.OtherAdmin);
        }
        await using (var db = _database.AsAdmin())
            (await new EditLocality(db).RunAsync(4040, new LocalityInput { Name = "Nowhere", Version = 1 })).IsNotFound.ShouldBeTrue();
    }
}

public sealed class LocalityOperationsTests_Sqlite() : LocalityOperationsTests(DatabaseProvider.Sqlite);
public sealed class LocalityOperationsTests_Postgres() : LocalityOperationsTests(DatabaseProvider.Postgres);
