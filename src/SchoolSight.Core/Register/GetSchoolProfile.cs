using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Domain.Published;
using SchoolSight.Domain.Register;

namespace SchoolSight.Core.Register;

/// <summary>
/// One school's profile: its GIAS details, locality and clusters, and who last changed it. A school outside the
/// user's scope is not found (the query filter); pages and the API check access before asking.
/// </summary>
[Operation]
public sealed class GetSchoolProfile(AppDbContext db)
{
    public sealed record Profile(int Urn, SchoolDetails Details, SchoolPhase Phase, bool IsOpen, LocalityRef? Locality,
        IReadOnlyList<ClusterRef> Clusters, int Version, LastChange LastChange)
    {
        /// <summary>Ofsted's published outcomes for the school, from the latest Ofsted import that listed it.</summary>
        public OfstedOutcome? Ofsted { get; init; }
    }

    public async Task<Profile?> RunAsync(int urn, CancellationToken ct = default)
    {
        var school = await db.Schools.AsNoTracking()
            .Where(s => s.Urn == urn)
            .Select(s => new
            {
                s.Urn,
                s.Details,
                s.Phase,
                Locality = s.Locality == null ? null : new LocalityRef(s.Locality.Id, s.Locality.Name),
                s.Version,
                s.UpdatedBy,
                s.UpdatedAt,
            })
            .FirstOrDefaultAsync(ct);
        if (school is null) return null;

        var clusters = await db.ClusterMemberships.AsNoTracking()
            .Where(m => m.Urn == urn)
            .OrderBy(m => m.Cluster.Name)
            .Select(m => new ClusterRef(m.Cluster.Id, m.Cluster.Name, m.Cluster.Kind))
            .ToListAsync(ct);
        var ofsted = await db.OfstedInspections.AsNoTracking().Where(i => i.Urn == urn).FirstOrDefaultAsync(ct);
        return new Profile(school.Urn, school.Details, school.Phase, school.Details.Status.IsOpen(), school.Locality, clusters,
            school.Version, await db.LastChangeAsync(school.UpdatedBy, school.UpdatedAt, ct))
        { Ofsted = ofsted?.Outcome };
    }
}
