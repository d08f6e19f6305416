using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Domain.Register;

namespace SchoolSight.Core.Register;

/// <summary>Partner agencies and providers, optionally of one kind, with their contact details.</summary>
[Operation]
public sealed class ListPartners(AppDbContext db)
{
    public sealed record Row(int Id, string Name, PartnerKind Kind, string? ContactName, string? Email, string? Telephone,
        string? Address, string? ValidationNote);

    public async Task<IReadOnlyList<Row>> RunAsync(PartnerKind? kind = null, CancellationToken ct = default)
    {
        var partners = db.Partners.AsNoTracking();
        if (kind is { } k) partners = partners.Where(p => p.Kind == k);
        return await partners
            .OrderBy(p => p.Name)
            .Select(p => new Row(p.Id, p.Name, p.Kind, p.ContactName, p.Email, p.Telephone, p.Address, p.ValidationNote))
            .ToListAsync(ct);
    }
}
