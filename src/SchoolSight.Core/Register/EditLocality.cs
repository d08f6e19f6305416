using SchoolSight.Core.Data;
using SchoolSight.Domain;

namespace SchoolSight.Core.Register;

/// <summary>Renames a locality or changes its board and description, from the version the user saw.</summary>
[Operation]
public sealed class EditLocality(AppDbContext db)
{
    public async Task<OperationResult<int>> RunAsync(int id, LocalityInput input, CancellationToken ct = default)
    {
        var locality = await db.Localities.FindAsync([id], ct);
        if (locality is null) return OperationResult<int>.Fail(CoreErrors.NotFound("locality"));
        var errors = await new LocalityInputValidator(db, editing: id).CheckAsync(input, ct);
        if (errors.Count > 0) return OperationResult<int>.Fail(errors);

        db.ExpectVersion(locality, input.Version);
        try
        {
            locality.Rename(input.Name!, input.BoardName, input.Description);
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            return OperationResult<int>.Fail(e.Error);
        }
        return await db.SaveVersionedAsync(locality, "locality", () => locality.Id, ct);
    }
}
