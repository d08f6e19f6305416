using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Core.Register;
using SchoolSight.Domain.Auditing;
using SchoolSight.Domain.Register;
using SchoolSight.TestSupport;

namespace SchoolSight.Core.Tests.Register;

public abstract class SchoolOperationsTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await RegisterData.CreateAsync(provider);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<ListSchools.Result> List(ListSchools.Query query)
    {
        await using var db = _database.AsAdmin();
        return await new ListSchools(db).RunAsync(query);
    }

    private async Task<SchoolInput> InputFor(int urn)
    {
        await using var db = _database.AsAdmin();
        var profile = (await new GetSchoolProfile(db).RunAsync(urn))!;
        return SchoolInput.From(urn, profile.Details, profile.Locality?.Id, profile.Clusters.Select(c => c.Id), profile.Version);
    }

    private async Task<SchoolSight.Core.OperationResult<int>> Edit(int urn, SchoolInput input, string user = RegisterData.Admin)
    {
        await using var db = _database.AsAdmin(user);
        return await new EditSchool(db).RunAsync(urn, input);
    }

    [Fact]
    public async Task ListSchools_SearchByPartOfTheName_IgnoresCase()
    {
        var result = await List(new ListSchools.Query(Search: "MILLBROOK"));
        result.Rows.Select(r => r.Urn).ShouldBe([RegisterData.FirstUrn]);
    }

    [Fact]
    public async Task ListSchools_SearchByUrn_FindsThatSchool()
    {
        var result = await List(new ListSchools.Query(Search: " 999105 "));
        result.Total.ShouldBe(1);
        result.Rows[0].Name.ShouldBe("Zetland Primary School");
    }

    [Fact]
    public async Task ListSchools_FiltersByPhaseTypeLocalityAndStatus()
    {
        (await List(new ListSchools.Query(Phase: SchoolPhase.Secondary))).Total.ShouldBe(6);
        (await List(new ListSchools.Query(Type: "Community special school"))).Total.ShouldBe(4);
        var all = await List(new ListSchools.Query());
        var south = all.Options.Localities.Single(l => l.Name == "South");
        (await List(new ListSchools.Query(Locality: south.Id))).Total.ShouldBe(10);
        (await List(new ListSchools.Query(Status: SchoolStatus.Closed))).Rows.Select(r => r.Urn)
            .ShouldBe([RegisterData.FirstUrn + 9, RegisterData.FirstUrn + 19, RegisterData.FirstUrn + 29], ignoreOrder: true);
        (await List(new ListSchools.Query(Phase: SchoolPhase.Primary, Status: SchoolStatus.Closed))).Total.ShouldBe(2);
    }

    [Fact]
    public async Task ListSchools_GivesTheFilterOptionsOfTheSchoolsInScope()
    {
        var options = (await List(new ListSchools.Query())).Options;
        options.Phases.ShouldBe([SchoolPhase.Primary, SchoolPhase.Secondary, SchoolPhase.Special]);
        options.Types.ShouldBe(["Academy converter", "Community school", "Community special school"]);
        options.Localities.Select(l => l.Name).ShouldBe(["North", "South"]);
        options.Statuses.ShouldContain(SchoolStatus.Closed);
    }

    [Fact]
    public async Task ListSchools_SortsByName_AndPagesBy25()
    {
        var first = await List(new ListSchools.Query());
        first.Total.ShouldBe(RegisterData.SchoolCount);
        first.Pages.ShouldBe(2);
        first.Rows.Count.ShouldBe(25);
        first.Rows[0].Name.ShouldBe("Alderholt Academy");
        first.Rows.Select(r => r.Name).ShouldBe(first.Rows.Select(r => r.Name).Order(StringComparer.OrdinalIgnoreCase));

        var second = await List(new ListSchools.Query(Page: 2));
        second.Page.ShouldBe(2);
        second.Rows.Count.ShouldBe(5);
        second.Rows.Select(r => r.Urn).ShouldNotContain(first.Rows[0].Urn);

        (await List(new ListSchools.Query(Page: 99))).Page.ShouldBe(2);
        (await List(new ListSchools.Query(Page: -3))).Page.ShouldBe(1);
    }

    [Fact]
    public async Task ListSchools_SortsByPupilsDescending_WithUnknownNumbersLast()
    {
        var rows = (await List(new ListSchools.Query(Sort: SchoolSort.Pupils, Order: SortOrder.Desc, Page: 2))).Rows;
        rows[^1].Urn.ShouldBe(RegisterData.FirstUrn + 4);
        var top = (await List(new ListSchools.Query(Sort: SchoolSort.Pupils, Order: SortOrder.Desc))).Rows;
        top[0].NumberOfPupils.ShouldBe(100 + 29 * 10);
        top.Select(r => r.NumberOfPupils).ShouldBeInOrder(SortDirection.Descending);
        var ascending = (await List(new ListSchools.Query(Sort: SchoolSort.Pupils))).Rows;
        ascending[0].NumberOfPupils.ShouldBe(100);
    }

    [Fact]
    public async Task ListSchools_SortsByPhaseInTheDomainOrder_AndByUrnAndLocality()
    {
        var byPhase = (await List(new ListSchools.Query(Sort: SchoolSort.Phase, Order: SortOrder.Desc))).Rows;
        byPhase[0].Phase.ShouldBe(SchoolPhase.Special);
        byPhase.Select(r => (int)r.Phase).ShouldBeInOrder(SortDirection.Descending);
        var byUrn = (await List(new ListSchools.Query(Sort: SchoolSort.Urn, Order: SortOrder.Desc))).Rows;
        byUrn[0].Urn.ShouldBe(RegisterData.FirstUrn + RegisterData.SchoolCount - 1);
        var byLocality = (await List(new ListSchools.Query(Sort: SchoolSort.Locality, Order: SortOrder.Desc))).Rows;
        byLocality[0].Locality!.Name.ShouldBe("South");
    }

    [Fact]
    public async Task ASchoolUser_SeesOnlyTheirOwnSchool()
    {
        const int own = RegisterData.FirstUrn + 2;
        await using var db = _database.AsSchoolUser(own);
        var list = await new ListSchools(db).RunAsync(new ListSchools.Query());
        list.Total.ShouldBe(1);
        list.Rows.Single().Urn.ShouldBe(own);
        list.Options.Localities.Select(l => l.Name).ShouldBe(["North"]);
        (await new ListSchools(db).RunAsync(new ListSchools.Query(Search: (own + 1).ToString()))).Total.ShouldBe(0);
        (await new GetSchoolProfile(db).RunAsync(own + 1)).ShouldBeNull();
        (await new GetSchoolProfile(db).RunAsync(own)).ShouldNotBeNull();
    }

    [Fact]
    public async Task GetSchoolProfile_GivesDetailsLocalityAndClusters()
    {
        await using var db = _database.AsAdmin();
        var profile = (await new GetSchoolProfile(db).RunAsync(RegisterData.FirstUrn))!;
        profile.Details.Name.ShouldBe("Millbrook Primary School");
        profile.Phase.ShouldBe(SchoolPhase.Primary);
        profile.IsOpen.ShouldBeTrue();
        profile.Locality!.Name.ShouldBe("North");
        profile.Clusters.Select(c => c.Name).ShouldBe(["Northfield Cluster", "Riverside Learning Network"]);
        profile.LastChange.UserName.ShouldBe("seed");
    }

    [Fact]
    public async Task CreateSchool_AddsTheSchoolWithItsLocalityAndClusters()
    {
        var options = (await List(new ListSchools.Query())).Options;
        int clusterId;
        await using (var db = _database.AsAdmin()) clusterId = await db.Clusters.Where(c => c.Name == "Northfield Cluster").Select(c => c.Id).SingleAsync();
        var input = new SchoolInput
        {
            Urn = 999201,
            Name = "  Kestrel Fields Primary School ",
            LaCode = 999,
            TypeOfEstablishment = "Community school",
            PhaseOfEducation = "Primary",
            NumberOfPupils = 180,
            PercentageFsm = 21.5,
            Postcode = "db1 2ab",
            LocalityId = options.Localities[0].Id,
            ClusterIds = [clusterId],
        };
        await using (var db = _database.AsAdmin())
        {
            var result = await new CreateSchool(db).RunAsync(input);
            result.Succeeded.ShouldBeTrue(string.Join("; ", result.Errors.Select(e => e.Message)));
            result.Value.ShouldBe(999201);
        }
        await using (var db = _database.AsAdmin())
        {
            var profile = (await new GetSchoolProfile(db).RunAsync(999201))!;
            profile.Details.Name.ShouldBe("Kestrel Fields Primary School");
            profile.Details.Status.ShouldBe(SchoolStatus.Open);
            profile.Details.Postcode.ShouldBe("DB1 2AB");
            profile.Phase.ShouldBe(SchoolPhase.Primary);
            profile.Locality!.Id.ShouldBe(options.Localities[0].Id);
            profile.Clusters.Single().Id.ShouldBe(clusterId);
            profile.Version.ShouldBe(1);
            (await db.AuditEntries.AnyAsync(a => a.EntityType == "School" && a.EntityKey == "999201" && a.Action == AuditAction.Created)).ShouldBeTrue();
        }
    }

    [Fact]
    public async Task CreateSchool_WithAUrnAlreadyOnTheRegister_IsRefused()
    {
        await using var db = _database.AsAdmin();
        var result = await new CreateSchool(db).RunAsync(new SchoolInput
        {
            Urn = RegisterData.FirstUrn,
            Name = "Copy School",
            LaCode = 999,
            TypeOfEstablishment = "Community school",
        });
        result.Succeeded.ShouldBeFalse();
        var error = result.Errors.Single();
        error.Field.ShouldBe("Urn");
        error.Message.ShouldContain("already on the register");
        (await db.Schools.CountAsync()).ShouldBe(RegisterData.SchoolCount);
    }

    [Fact]
    public async Task CreateSchool_WithBadInput_GivesOneErrorPerField()
    {
        await using var db = _database.AsAdmin();
        var result = await new CreateSchool(db).RunAsync(new SchoolInput
        {
            Urn = 0,
            Name = " ",
            LaCode = 12,
            TypeOfEstablishment = "Community school",
            PercentageFsm = 120,
            OpenDate = new DateOnly(2020, 9, 1),
            CloseDate = new DateOnly(2019, 8, 31),
            NumberOfPupils = -5,
            NumberOfBoys = 60,
            NumberOfGirls = 60,
            StatutoryLowAge = 11,
            StatutoryHighAge = 4,
        });
        result.Succeeded.ShouldBeFalse();
        result.Errors.Select(e => e.Field).ShouldBe(
            ["Urn", "Name", "LaCode", "StatutoryHighAge", "NumberOfPupils", "PercentageFsm", "CloseDate"], ignoreOrder: true);
        result.Errors.Single(e => e.Field == "Name").Message.ShouldBe("Enter the school name");
        result.Errors.Single(e => e.Field == "LaCode").Message.ShouldBe("The LA code must be 3 digits, like 919");
        (await db.Schools.CountAsync()).ShouldBe(RegisterData.SchoolCount);
    }

    [Fact]
    public async Task EditSchool_WritesAnAuditEntryWithBeforeAndAfter()
    {
        var input = await InputFor(RegisterData.FirstUrn);
        input.Name = "Millbrook Church of England Primary School";
        input.NumberOfPupils = 321;
        (await Edit(RegisterData.FirstUrn, input)).Succeeded.ShouldBeTrue();

        await using var db = _database.AsAdmin();
        var entry = await db.AuditEntries
            .Where(a => a.EntityType == "School" && a.EntityKey == RegisterData.FirstUrn.ToString() && a.Action == AuditAction.Updated)
            .SingleAsync();
        entry.UserName.ShouldBe(RegisterData.Admin);
        entry.SchoolUrn.ShouldBe(RegisterData.FirstUrn);
        entry.Changes!.ShouldContain("\"Details.Name\":[\"Millbrook Primary School\",\"Millbrook Church of England Primary School\"]");
        entry.Changes!.ShouldContain("\"Details.NumberOfPupils\":[100,321]");
        var profile = (await new GetSchoolProfile(db).RunAsync(RegisterData.FirstUrn))!;
        profile.Version.ShouldBe(input.Version + 1);
        profile.LastChange.UserName.ShouldBe(RegisterData.Admin);
    }

    [Fact]
    public async Task EditSchool_KeepsTheGiasFieldsTheFormDoesNotShow()
    {
        var input = await InputFor(RegisterData.FirstUrn + 1);
        input.Telephone = "01632 960999";
        (await Edit(RegisterData.FirstUrn + 1, input)).Succeeded.ShouldBeTrue();
        await using var db = _database.AsAdmin();
        var details = (await new GetSchoolProfile(db).RunAsync(RegisterData.FirstUrn + 1))!.Details;
        details.Ukprn.ShouldBe($"1000{RegisterData.FirstUrn + 1}");
        details.Telephone.ShouldBe("01632 960999");
    }

    [Fact]
    public async Task EditSchool_FromAStaleVersion_IsRefusedNamingWhoChangedIt()
    {
        var seen = await InputFor(RegisterData.FirstUrn);
        var first = seen with { Name = "Millbrook Primary School and Nursery" };
        var second = seen with { Telephone = "01632 960555" };

        (await Edit(RegisterData.FirstUrn, first, RegisterData.OtherAdmin)).Succeeded.ShouldBeTrue();
        var result = await Edit(RegisterData.FirstUrn, second);

        result.Succeeded.ShouldBeFalse();
        result.IsConflict.ShouldBeTrue();
        result.Errors.Single().Message.ShouldContain($"changed by {RegisterData.OtherAdmin}");
        await using var db = _database.AsAdmin();
        var details = (await new GetSchoolProfile(db).RunAsync(RegisterData.FirstUrn))!.Details;
        details.Name.ShouldBe("Millbrook Primary School and Nursery");
        details.Telephone.ShouldBeNull();
    }

    [Fact]
    public async Task EditSchool_ChangingOnlyClusters_MovesTheVersionOn()
    {
        var input = await InputFor(RegisterData.FirstUrn);
        var clusters = input.ClusterIds!.ToList();
        clusters.Count.ShouldBe(2);
        input.ClusterIds = [];
        (await Edit(RegisterData.FirstUrn, input)).Succeeded.ShouldBeTrue();

        await using var db = _database.AsAdmin();
        var profile = (await new GetSchoolProfile(db).RunAsync(RegisterData.FirstUrn))!;
        profile.Clusters.ShouldBeEmpty();
        profile.Version.ShouldBe(input.Version + 1);
        (await db.AuditEntries.CountAsync(a => a.EntityType == "ClusterMembership" && a.Action == AuditAction.Deleted && a.SchoolUrn == RegisterData.FirstUrn))
            .ShouldBe(2);
        // The same stale input again is now a conflict, even though it changes clusters only.
        (await Edit(RegisterData.FirstUrn, input with { ClusterIds = clusters })).IsConflict.ShouldBeTrue();
    }

    [Fact]
    public async Task EditSchool_MovesTheSchoolToAnotherLocality()
    {
        var options = (await List(new ListSchools.Query())).Options;
        var south = options.Localities.Single(l => l.Name == "South").Id;
        var input = await InputFor(RegisterData.FirstUrn);
        input.LocalityId = south;
        (await Edit(RegisterData.FirstUrn, input)).Succeeded.ShouldBeTrue();
        (await List(new ListSchools.Query(Locality: south))).Total.ShouldBe(11);
    }

    [Fact]
    public async Task EditSchool_UnknownUrn_IsNotFound()
    {
        var input = await InputFor(RegisterData.FirstUrn);
        (await Edit(999999, input)).IsNotFound.ShouldBeTrue();
    }

    [Fact]
    public async Task EditSchool_WithAnUnknownLocalityOrCluster_IsRefused()
    {
        var input = await InputFor(RegisterData.FirstUrn);
        input.LocalityId = 4040;
        input.ClusterIds = [5050];
        var result = await Edit(RegisterData.FirstUrn, input);
        result.Errors.Select(e => e.Field).ShouldBe(["LocalityId", "ClusterIds"], ignoreOrder: true);
    }
}

public sealed class SchoolOperationsTests_Sqlite() : SchoolOperationsTests(DatabaseProvider.Sqlite);
public sealed class SchoolOperationsTests_Postgres() : SchoolOperationsTests(DatabaseProvider.Postgres);
