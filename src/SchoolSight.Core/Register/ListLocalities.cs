using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Domain.Register;

namespace SchoolSight.Core.Register;

/// <summary>The LA's localities with their boards and how many of the schools the user may see are in each.</summary>
[Operation]
public sealed class ListLocalities(AppDbContext db)
{
    public sealed record Row(int Id, string Name, string? BoardName, int OpenSchools, int Schools);

    public async Task<IReadOnlyList<Row>> RunAsync(CancellationToken ct = default) =>
        await db.Localities.AsNoTracking()
            .OrderBy(l => l.Name)
            .Select(l => new Row(l.Id, l.Name, l.BoardName,
                db.Schools.Count(s => s.LocalityId == l.Id &&
                    (s.Details.Status == SchoolStatus.Open || s.Details.Status == SchoolStatus.OpenButProposedToClose)),
                db.Schools.Count(s => s.LocalityId == l.Id)))
            .ToListAsync(ct);
}
