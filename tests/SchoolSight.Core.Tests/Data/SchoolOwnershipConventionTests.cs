using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using SchoolSight.Core.Data;
using SchoolSight.Domain.Access;

namespace SchoolSight.Core.Tests.Data;

/// <summary>
/// School-owned records are marked once (<see cref="ISchoolOwned"/>) and the query filter follows: a new table with a
/// school's URN that is not marked, or a marked one without a filter, fails here before it can leak.
/// </summary>
public sealed class SchoolOwnershipConventionTests
{
    private static readonly IModel Model = BuildModel();

    private static IModel BuildModel()
    {
        using var db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseSqlite("Data Source=:memory:").Options);
        return db.Model;
    }

    [Fact]
    public void EveryEntityWithASchoolUrn_IsMarkedSchoolOwned()
    {
        // A row with a required URN belongs to that school. Users and audit rows may name a school (a URN that can be
        // empty) without belonging to it.
        var named = Model.GetEntityTypes()
            .Where(e => e.GetProperties().Any(p => p.Name.EndsWith("Urn", StringComparison.Ordinal) && p.ClrType == typeof(int)))
            .Where(e => !typeof(ISchoolOwned).IsAssignableFrom(e.ClrType))
            .Select(e => e.ClrType.Name).ToList();
        named.ShouldBeEmpty();
    }

    [Fact]
    public void EverySchoolOwnedEntity_HasAQueryFilter()
    {
        var marked = Model.GetEntityTypes().Where(e => typeof(ISchoolOwned).IsAssignableFrom(e.ClrType)).ToList();
        marked.Count.ShouldBeGreaterThanOrEqualTo(12);
        marked.Where(e => e.GetDeclaredQueryFilters().Count == 0).Select(e => e.ClrType.Name).ShouldBeEmpty();
    }
}
