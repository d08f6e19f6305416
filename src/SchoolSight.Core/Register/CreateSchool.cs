using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Domain;
using SchoolSight.Domain.Register;

namespace SchoolSight.Core.Register;

/// <summary>Adds a school to the register by hand (most arrive by the GIAS import). LA administrators only.</summary>
[Operation]
public sealed class CreateSchool(AppDbContext db)
{
    /// <returns>The new school's URN.</returns>
    public async Task<OperationResult<int>> RunAsync(SchoolInput input, CancellationToken ct = default)
    {
        var errors = await new SchoolInputValidator(db, db.Today(), creating: true).CheckAsync(input, ct);
        if (errors.Count > 0) return OperationResult<int>.Fail(errors);

        School school;
        try
        {
            school = new School(input.Urn!.Value, input.ToDetails(null) with { Status = input.Status ?? SchoolStatus.Open });
        }
        catch (DomainException e)
        {
            return OperationResult<int>.Fail(e.Error);
        }
        if (input.LocalityId is { } localityId) school.PlaceInLocality(await db.Localities.FindAsync([localityId], ct));
        if (input.ClusterIds is { Count: > 0 } clusterIds)
            school.ChangeClusters(await db.Clusters.Where(c => clusterIds.Contains(c.Id)).ToListAsync(ct));

        db.Schools.Add(school);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone may have added the same URN between the check and the save.
            db.ChangeTracker.Clear();
            if (!await db.Schools.IgnoreQueryFilters().AnyAsync(s => s.Urn == school.Urn, ct)) throw;
            return OperationResult<int>.Fail(new DomainError("register.urn-taken", $"A school with URN {school.Urn} is already on the register", nameof(SchoolInput.Urn)));
        }
        return OperationResult<int>.Ok(school.Urn);
    }
}
