using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Domain;

namespace SchoolSight.Core.Register;

/// <summary>
/// Changes a cluster's name, kind and purpose, and adds or removes member schools, from the version the user saw.
/// A change of members alone still moves the cluster's version on, so two people editing the members cannot
/// silently undo each other.
/// </summary>
[Operation]
public sealed class EditCluster(AppDbContext db)
{
    public async Task<OperationResult<int>> RunAsync(int id, ClusterInput input, CancellationToken ct = default)
    {
        var cluster = await db.Clusters.FindAsync([id], ct);
        if (cluster is null) return OperationResult<int>.Fail(CoreErrors.NotFound("cluster"));
        var errors = await new ClusterInputValidator(db, editing: id).CheckAsync(input, ct);
        if (errors.Count > 0) return OperationResult<int>.Fail(errors);

        db.ExpectVersion(cluster, input.Version);
        try
        {
            cluster.Change(input.Name!, input.Kind!.Value, input.Purpose);
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            return OperationResult<int>.Fail(e.Error);
        }

        var removing = input.RemoveUrns ?? [];
        var adding = input.AddUrns ?? [];
        var membersChanged = false;
        if (removing.Count + adding.Count > 0)
        {
            var schools = await db.Schools.Include(s => s.Memberships)
                .Where(s => removing.Contains(s.Urn) || adding.Contains(s.Urn))
                .ToListAsync(ct);
            foreach (var school in schools.Where(s => removing.Contains(s.Urn) && s.IsMemberOf(id)))
            {
                school.LeaveCluster(id);
                membersChanged = true;
            }
            foreach (var school in schools.Where(s => adding.Contains(s.Urn) && !s.IsMemberOf(id)))
            {
                school.JoinCluster(cluster);
                membersChanged = true;
            }
        }
        if (membersChanged) db.Touch(cluster);
        return await db.SaveVersionedAsync(cluster, "cluster", () => cluster.Id, ct);
    }
}
