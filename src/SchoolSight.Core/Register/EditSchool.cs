using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Domain;

namespace SchoolSight.Core.Register;

/// <summary>
/// Changes a school's details, locality and cluster memberships. The edit carries the version it was made from:
/// if someone saved the school since, nothing is saved and the message names who changed it.
/// </summary>
[Operation]
public sealed class EditSchool(AppDbContext db)
{
    public async Task<OperationResult<int>> RunAsync(int urn, SchoolInput input, CancellationToken ct = default)
    {
        var school = await db.Schools.Include(s => s.Memberships).FirstOrDefaultAsync(s => s.Urn == urn, ct);
        if (school is null) return OperationResult<int>.Fail(CoreErrors.NotFound("school"));

        var errors = await new SchoolInputValidator(db, db.Today(), creating: false).CheckAsync(input, ct);
        if (errors.Count > 0) return OperationResult<int>.Fail(errors);

        db.ExpectVersion(school, input.Version);
        try
        {
            school.UpdateDetails(input.ToDetails(school.Details));
            if (school.LocalityId != input.LocalityId)
                school.PlaceInLocality(input.LocalityId is { } localityId ? await db.Localities.FindAsync([localityId], ct) : null);
            if (input.ClusterIds is { } clusterIds)
            {
                var clusters = await db.Clusters.Where(c => clusterIds.Contains(c.Id)).ToListAsync(ct);
                if (school.ChangeClusters(clusters)) db.Touch(school);
            }
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            return OperationResult<int>.Fail(e.Error);
        }
        return await db.SaveVersionedAsync(school, "school", () => school.Urn, ct);
    }
}
