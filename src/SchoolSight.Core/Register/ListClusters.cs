using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Domain.Register;

namespace SchoolSight.Core.Register;

/// <summary>The clusters, networks and learning communities, with how many of the schools the user may see belong to each.</summary>
[Operation]
public sealed class ListClusters(AppDbContext db)
{
    public sealed record Row(int Id, string Name, ClusterKind Kind, string? Purpose, int Members);

    public async Task<IReadOnlyList<Row>> RunAsync(CancellationToken ct = default) =>
        await db.Clusters.AsNoTracking()
            .OrderBy(c => c.Name)
            .Select(c => new Row(c.Id, c.Name, c.Kind, c.Purpose, db.ClusterMemberships.Count(m => m.ClusterId == c.Id)))
            .ToListAsync(ct);
}
