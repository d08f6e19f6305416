using SchoolSight.Core.Data;
using SchoolSight.Domain;

namespace SchoolSight.Core.Register;

/// <summary>Changes a partner's details, from the version the user saw.</summary>
[Operation]
public sealed class EditPartner(AppDbContext db)
{
    public async Task<OperationResult<int>> RunAsync(int id, PartnerInput input, CancellationToken ct = default)
    {
        var partner = await db.Partners.FindAsync([id], ct);
        if (partner is null) return OperationResult<int>.Fail(CoreErrors.NotFound("partner"));
        var errors = await new PartnerInputValidator(editing: true).CheckAsync(input, ct);
        if (errors.Count > 0) return OperationResult<int>.Fail(errors);

        db.ExpectVersion(partner, input.Version);
        try
        {
            partner.Change(input.Name!, input.Kind!.Value, input.ContactName, input.Email, input.Telephone, input.Address, input.ValidationNote);
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            return OperationResult<int>.Fail(e.Error);
        }
        return await db.SaveVersionedAsync(partner, "partner", () => partner.Id, ct);
    }
}
