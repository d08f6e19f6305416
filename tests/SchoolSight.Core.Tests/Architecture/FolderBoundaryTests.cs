using SchoolSight.Core.Data;
using SchoolSight.Domain.Access;

namespace SchoolSight.Core.Tests.Architecture;

/// <summary>
/// The layout holds without review (docs/decisions/0011): the Domain is plain C#, and the feature folders of the Domain and
/// of Core (the namespaces one level under each, sub-folders included) depend on each other in one direction only.
/// </summary>
public sealed class FolderBoundaryTests
{
    private static readonly System.Reflection.Assembly Domain = typeof(Role).Assembly;
    private static readonly System.Reflection.Assembly Core = typeof(AppDbContext).Assembly;

    [Fact]
    public void TheDomain_UsesNothingOfEntityFrameworkCoreOrAspNetCore()
    {
        string[] forbidden = ["Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Npgsql", "Microsoft.Data.Sqlite"];
        var uses = TypeDependencies.Of(Domain)
            .Where(d => forbidden.Any(f => d.ToNamespace == f || d.ToNamespace.StartsWith(f + ".", StringComparison.Ordinal)))
            .Select(d => $"{d.From} uses {d.To}")
            .Distinct().Order().ToList();
        uses.ShouldBeEmpty();
        Domain.GetReferencedAssemblies().Select(a => a.Name!).Where(n => forbidden.Any(f => n.StartsWith(f, StringComparison.Ordinal))).ShouldBeEmpty();
    }

    [Fact]
    public void TheDomainsFeatureFolders_FormNoCycle() =>
        FeatureCycles.In(Domain, "SchoolSight.Domain").ShouldBeEmpty();

    [Fact]
    public void CoresFeatureFolders_FormNoCycle() =>
        FeatureCycles.In(Core, "SchoolSight.Core").ShouldBeEmpty();

    [Fact]
    public void ACycle_IsFound_AndNamedWithTheTypesThatMakeIt()
    {
        TypeDependency Uses(string from, string to) => new($"X.{from}.A", $"X.{from}", $"X.{to}.B", $"X.{to}");

        var cycles = FeatureCycles.In([Uses("Data", "Calendar"), Uses("Calendar", "Data"), Uses("Register", "Data")], "X");

        cycles.ShouldBe(["Calendar → Data (X.Calendar.A uses X.Data.B) → Calendar (X.Data.A uses X.Calendar.B)"]);
    }
}
