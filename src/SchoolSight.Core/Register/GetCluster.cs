using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Domain.Register;

namespace SchoolSight.Core.Register;

/// <summary>One cluster, network or learning community with its member schools (only those the user may see).</summary>
[Operation]
public sealed class GetCluster(AppDbContext db)
{
    public sealed record Details(int Id, string Name, ClusterKind Kind, string? Purpose, IReadOnlyList<SchoolSummary> Members,
        int Version, LastChange LastChange);

    public async Task<Details?> RunAsync(int id, CancellationToken ct = default)
    {
        var cluster = await db.Clusters.AsNoTracking()
            .Where(c => c.Id == id)
            .Select(c => new { c.Id, c.Name, c.Kind, c.Purpose, c.Version, c.UpdatedBy, c.UpdatedAt })
            .FirstOrDefaultAsync(ct);
        if (cluster is null) return null;

        var members = await db.ClusterMemberships.AsNoTracking()
            .Where(m => m.ClusterId == id)
            .OrderBy(m => m.School.Details.Name)
            .Select(m => new SchoolSummary(m.School.Urn, m.School.Details.Name, m.School.Phase, m.School.Details.Status,
                m.School.Locality == null ? null : m.School.Locality.Name, m.School.Details.NumberOfPupils))
            .ToListAsync(ct);
        return new Details(cluster.Id, cluster.Name, cluster.Kind, cluster.Purpose, members, cluster.Version,
            await db.LastChangeAsync(cluster.UpdatedBy, cluster.UpdatedAt, ct));
    }
}
