using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Domain.Indicators;

namespace SchoolSight.Core.Indicators;

/// <summary>
/// Finishes the recomputes that imports asked for (<see cref="PendingRecompute"/>): straight after each import, at
/// the start of the web app and of every CLI command, so figures left stale by a stopped process are put right without
/// anyone having to run <c>schoolsight compute</c>. Each year's schools, areas and similar schools are recomputed and
/// saved; only then are the marks removed.
/// </summary>
[Operation]
public sealed class RecomputePending(AppDbContext db, ComputeIndicators compute)
{
    /// <summary>Marks the years an import changed, in the import's own transaction (saved with its next SaveChanges).</summary>
    internal static void Mark(AppDbContext db, IEnumerable<int> academicYears, long importId)
    {
        foreach (var year in academicYears.Distinct())
            db.PendingRecomputes.Add(new PendingRecompute(year, importId, db.UtcNow));
    }

    public Task<bool> AnyAsync(CancellationToken ct = default) => db.PendingRecomputes.AnyAsync(ct);

    /// <summary>Null when nothing was waiting.</summary>
    public async Task<ComputeResult?> RunAsync(IProgress<ComputeProgress>? progress = null, CancellationToken ct = default)
    {
        var pending = await db.PendingRecomputes.AsNoTracking().Select(p => new { p.Id, p.AcademicYear }).ToListAsync(ct);
        if (pending.Count == 0) return null;
        var years = pending.Select(p => p.AcademicYear).Distinct().Order().ToList();
        var result = await compute.RunAsync(new ComputeRequest(Years: years, AreasOfEveryYear: true), progress, ct);
        var ids = pending.Select(p => p.Id).ToList();
        await db.PendingRecomputes.Where(p => ids.Contains(p.Id)).ExecuteDeleteAsync(ct);
        return result;
    }
}
