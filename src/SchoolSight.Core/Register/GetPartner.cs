using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Domain.Register;

namespace SchoolSight.Core.Register;

/// <summary>One partner agency with its contact details and who last changed it.</summary>
[Operation]
public sealed class GetPartner(AppDbContext db)
{
    public sealed record Details(int Id, string Name, PartnerKind Kind, string? ContactName, string? Email, string? Telephone,
        string? Address, string? ValidationNote, int Version, LastChange LastChange);

    public async Task<Details?> RunAsync(int id, CancellationToken ct = default)
    {
        var partner = await db.Partners.AsNoTracking()
            .Where(p => p.Id == id)
            .Select(p => new { p.Id, p.Name, p.Kind, p.ContactName, p.Email, p.Telephone, p.Address, p.ValidationNote, p.Version, p.UpdatedBy, p.UpdatedAt })
            .FirstOrDefaultAsync(ct);
        return partner is null
            ? null
            : new Details(partner.Id, partner.Name, partner.Kind, partner.ContactName, partner.Email, partner.Telephone, partner.Address,
                partner.ValidationNote, partner.Version, await db.LastChangeAsync(partner.UpdatedBy, partner.UpdatedAt, ct));
    }
}
