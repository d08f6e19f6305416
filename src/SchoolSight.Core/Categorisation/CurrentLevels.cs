using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Domain.Categorisation;

namespace SchoolSight.Core.Categorisation;

/// <summary>Each school's current level: its latest SMT decision (by time, then by id).</summary>
public static class CurrentLevels
{
    public static async Task<Dictionary<int, SchoolLevelDecision>> OfAsync(AppDbContext db, IReadOnlyCollection<int>? urns, CancellationToken ct, DateTime? asOf = null)
    {
        var decisions = await db.SchoolLevels.AsNoTracking()
            .Where(d => (urns == null || urns.Contains(d.Urn)) && (asOf == null || d.DecidedAt <= asOf))
            .ToListAsync(ct);
        return decisions.GroupBy(d => d.Urn).ToDictionary(g => g.Key, g => g.OrderBy(d => d.DecidedAt).ThenBy(d => d.Id).Last());
    }
}
