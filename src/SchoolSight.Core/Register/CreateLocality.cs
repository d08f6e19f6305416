using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Domain;
using SchoolSight.Domain.Register;

namespace SchoolSight.Core.Register;

/// <summary>Adds a locality (with its School Effectiveness Board) to the LA. LA administrators only.</summary>
[Operation]
public sealed class CreateLocality(AppDbContext db)
{
    /// <returns>The new locality's id.</returns>
    public async Task<OperationResult<int>> RunAsync(LocalityInput input, CancellationToken ct = default)
    {
        var errors = await new LocalityInputValidator(db, editing: null).CheckAsync(input, ct);
        if (errors.Count > 0) return OperationResult<int>.Fail(errors);
        var laCode = await db.LocalAuthorities.OrderBy(l => l.Code).Select(l => (int?)l.Code).FirstOrDefaultAsync(ct);
        if (laCode is null)
            return OperationResult<int>.Fail(DomainError.Rule("register.no-la", "Set up the local authority before adding localities."));

        Locality locality;
        try
        {
            locality = new Locality(laCode.Value, input.Name!, input.BoardName, input.Description);
        }
        catch (DomainException e)
        {
            return OperationResult<int>.Fail(e.Error);
        }
        db.Localities.Add(locality);
        await db.SaveChangesAsync(ct);
        return OperationResult<int>.Ok(locality.Id);
    }
}
