using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Core.Register;
using SchoolSight.Domain.Register;
using SchoolSight.TestSupport;

namespace SchoolSight.Core.Tests.Register;

public abstract class ClusterOperationsTests(DatabaseProvider provider) : IAsyncLifetime
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
        return await db.Clusters.Where(c => c.Name == name).Select(c => c.Id).SingleAsync();
    }

    private async Task<GetCluster.Details> Get(int id)
    {
        await using var db = _database.AsAdmin();
        return (await new GetCluster(db).RunAsync(id))!;
    }

    [Fact]
    public async Task ListClusters_CountsMembersInScope()
    {
        await using (var db = _database.AsAdmin())
        {
            var rows = await new ListClusters(db).RunAsync();
            rows.Select(r => (r.Name, r.Members)).ShouldBe([("Northfield Cluster", 5), ("Riverside Learning Network", 10)]);
        }
        await using (var db = _database.AsSchoolUser(RegisterData.FirstUrn + 1))
            (await new ListClusters(db).RunAsync()).Select(r => r.Members).ShouldBe([1, 0]);
    }

    [Fact]
    public async Task GetCluster_ListsItsMembers()
    {
        var cluster = await Get(await IdOf("Northfield Cluster"));
        cluster.Kind.ShouldBe(ClusterKind.Cluster);
        cluster.Members.Count.ShouldBe(5);
        cluster.Members.ShouldAllBe(m => m.LocalityName == "North");
    }

    [Fact]
    public async Task CreateCluster_WithFirstMembers()
    {
        await using var db = _database.AsAdmin();
        var result = await new CreateCluster(db).RunAsync(new ClusterInput
        {
            Name = "Southside Learning Community",
            Kind = ClusterKind.LearningCommunity,
            Purpose = "Transition.",
            AddUrns = [RegisterData.FirstUrn + 20, RegisterData.FirstUrn + 21],
        });
        result.Succeeded.ShouldBeTrue(string.Join("; ", result.Errors.Select(e => e.Message)));
        var cluster = await Get(result.Value);
        cluster.Members.Select(m => m.Urn).ShouldBe([RegisterData.FirstUrn + 20, RegisterData.FirstUrn + 21], ignoreOrder: true);
    }

    [Fact]
    public async Task CreateCluster_WithATakenNameNoKindOrAnUnknownUrn_IsRefused()
    {
        await using var db = _database.AsAdmin();
        var result = await new CreateCluster(db).RunAsync(new ClusterInput { Name = "northfield cluster", AddUrns = [999999, 0] });
        result.Errors.Select(e => e.Field).ShouldBe(["Name", "Kind", "AddUrns"], ignoreOrder: true);
        result.Errors.Single(e => e.Field == "AddUrns").Message.ShouldBe("A URN must be a positive whole number, like 100001");
        var unknown = await new CreateCluster(db).RunAsync(new ClusterInput { Name = "New", Kind = ClusterKind.Network, AddUrns = [999999] });
        unknown.Errors.Single().Message.ShouldBe("There is no school with URN 999999 on the register");
    }

    [Fact]
    public async Task EditCluster_AddsAndRemovesMembers_AndMovesTheVersionOn()
    {
        var id = await IdOf("Northfield Cluster");
        var before = await Get(id);
        await using (var db = _database.AsAdmin())
        {
            var result = await new EditCluster(db).RunAsync(id, new ClusterInput
            {
                Name = before.Name,
                Kind = before.Kind,
                Purpose = before.Purpose,
                Version = before.Version,
                AddUrns = [RegisterData.FirstUrn + 25],
                RemoveUrns = [RegisterData.FirstUrn, RegisterData.FirstUrn + 1],
            });
            result.Succeeded.ShouldBeTrue(string.Join("; ", result.Errors.Select(e => e.Message)));
        }
        var after = await Get(id);
        after.Members.Select(m => m.Urn).ShouldBe(
            [RegisterData.FirstUrn + 2, RegisterData.FirstUrn + 3, RegisterData.FirstUrn + 4, RegisterData.FirstUrn + 25], ignoreOrder: true);
        after.Version.ShouldBe(before.Version + 1);

        // A second edit from the version both started from is refused and changes no members.
        await using (var db = _database.AsAdmin(RegisterData.OtherAdmin))
        {
            var stale = await new EditCluster(db).RunAsync(id, new ClusterInput
            {
                Name = before.Name,
                Kind = before.Kind,
                Version = before.Version,
                RemoveUrns = [RegisterData.FirstUrn + 2],
            });
            stale.IsConflict.ShouldBeTrue();
            stale.Errors.Single().Message.ShouldContain(RegisterData.Admin);
        }
        (await Get(id)).Members.Count.ShouldBe(4);
    }

    [Fact]
    public async Task EditCluster_RenamesAndChangesKind()
    {
        var id = await IdOf("Riverside Learning Network");
        await using var db = _database.AsAdmin();
        var result = await new EditCluster(db).RunAsync(id, new ClusterInput { Name = "Riverside Learning Community", Kind = ClusterKind.LearningCommunity, Version = 1 });
        result.Succeeded.ShouldBeTrue();
        var cluster = (await new GetCluster(db).RunAsync(id))!;
        cluster.Name.ShouldBe("Riverside Learning Community");
        cluster.Kind.ShouldBe(ClusterKind.LearningCommunity);
        cluster.Purpose.ShouldBeNull();
        cluster.Members.Count.ShouldBe(10);
    }
}

public sealed class ClusterOperationsTests_Sqlite() : ClusterOperationsTests(DatabaseProvider.Sqlite);
public sealed class ClusterOperationsTests_Postgres() : ClusterOperationsTests(DatabaseProvider.Postgres);
