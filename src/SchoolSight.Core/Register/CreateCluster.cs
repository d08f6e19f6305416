using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Domain;
using SchoolSight.Domain.Register;

namespace SchoolSight.Core.Register;

/// <summary>Records a new cluster, network or learning community, with its first members if given. LA administrators only.</summary>
[Operation]
public sealed class CreateCluster(AppDbContext db)
{
    /// <returns>The new cluster's id.</returns>
    public async Task<OperationResult<int>> RunAsync(ClusterInput input, CancellationToken ct = default)
    {
        var errors = await new ClusterInputValidator(db, editing: null).CheckAsync(input, ct);
        if (errors.Count > 0) return OperationResult<int>.Fail(errors);

        Cluster cluster;
        try
        {
            cluster = new Cluster(input.Name!, input.Kind!.Value, input.Purpose);
        }
        catch (DomainException e)
        {
            return OperationResult<int>.Fail(e.Error);
        }
        db.Clusters.Add(cluster);
        if (input.AddUrns is { Count: > 0 } urns)
        {
            foreach (var school in await db.Schools.Include(s => s.Memberships).Where(s => urns.Contains(s.Urn)).ToListAsync(ct))
                school.JoinCluster(cluster);
        }
        await db.SaveChangesAsync(ct);
        return OperationResult<int>.Ok(cluster.Id);
    }
}
