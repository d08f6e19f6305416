using SchoolSight.Core.Data;
using SchoolSight.Domain;
using SchoolSight.Domain.Register;

namespace SchoolSight.Core.Register;

/// <summary>Records a partner agency or provider. LA administrators only.</summary>
[Operation]
public sealed class CreatePartner(AppDbContext db)
{
    /// <returns>The new partner's id.</returns>
    public async Task<OperationResult<int>> RunAsync(PartnerInput input, CancellationToken ct = default)
    {
        var errors = await new PartnerInputValidator(editing: false).CheckAsync(input, ct);
        if (errors.Count > 0) return OperationResult<int>.Fail(errors);

        Partner partner;
        try
        {
            partner = new Partner(input.Name!, input.Kind!.Value);
            partner.Change(input.Name!, input.Kind.Value, input.ContactName, input.Email, input.Telephone, input.Address, input.ValidationNote);
        }
        catch (DomainException e)
        {
            return OperationResult<int>.Fail(e.Error);
        }
        db.Partners.Add(partner);
        await db.SaveChangesAsync(ct);
        return OperationResult<int>.Ok(partner.Id);
    }
}
