using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;

namespace SchoolSight.Core.Register;

/// <summary>One locality with its board and its schools (only those the user may see).</summary>
[Operation]
public sealed class GetLocality(AppDbContext db)
{
    public sealed record Details(int Id, int LaCode, string Name, string? BoardName, string? Description,
        IReadOnlyList<SchoolSummary> Schools, int Version, LastChange LastChange);

    public async Task<Details?> RunAsync(int id, CancellationToken ct = default)
    {
        var locality = await db.Localities.AsNoTracking()
            .Where(l => l.Id == id)
            .Select(l => new { l.Id, l.LaCode, l.Name, l.BoardName, l.Description, l.Version, l.UpdatedBy, l.UpdatedAt })
            .FirstOrDefaultAsync(ct);
        if (locality is null) return null;

        var schools = await db.Schools.AsNoTracking()
            .Where(s => s.LocalityId == id)
            .OrderBy(s => s.Details.Name)
            .Select(s => new SchoolSummary(s.Urn, s.Details.Name, s.Phase, s.Details.Status, locality.Name, s.Details.NumberOfPupils))
            .ToListAsync(ct);
        return new Details(locality.Id, locality.LaCode, locality.Name, locality.BoardName, locality.Description, schools,
            locality.Version, await db.LastChangeAsync(locality.UpdatedBy, locality.UpdatedAt, ct));
    }
}
