using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Domain.Categorisation;
using SchoolSight.Domain.Register;

namespace SchoolSight.Core.Categorisation;

/// <summary>How many of an area's schools were at each level on one day (a school with no agreed level is <c>NotAgreed</c>).</summary>
public sealed record LevelTally(DateOnly Day, int Intensive, int Targeted, int Universal, int NotAgreed)
{
    public int Total => Intensive + Targeted + Universal + NotAgreed;
}

/// <summary>One locality's (or the LA's) tallies, oldest day first.</summary>
public sealed record AreaLevels(string Name, IReadOnlyList<LevelTally> Tallies);

/// <summary>
/// The levels of support over time, for charts: on the last day of each of the <paramref name="months"/> months up to
/// <paramref name="until"/> (that day itself last), the count of open schools at each level, per locality (all
/// localities, or one) — a level on a day is the SMT's latest decision by then, as the board packs read it.
/// </summary>
[Operation]
public sealed class GetLevelsOverTime(AppDbContext db)
{
    public async Task<IReadOnlyList<AreaLevels>> RunAsync(DateOnly until, int? localityId = null, int months = 12, CancellationToken ct = default)
    {
        var days = Enumerable.Range(1, months - 1).Reverse()
            .Select(back => { var first = new DateOnly(until.Year, until.Month, 1).AddMonths(-back); return first.AddMonths(1).AddDays(-1); })
            .Append(until).ToList();
        var query = db.Schools.AsNoTracking().Where(s => s.Details.Status != SchoolStatus.Closed);
        if (localityId is { } only) query = query.Where(s => s.LocalityId == only);
        var schools = await query.Select(s => new { s.Urn, Locality = s.Locality != null ? s.Locality.Name : "No locality" }).ToListAsync(ct);
        var standings = await SchoolStandings.LoadLevelsAsync(db, [.. schools.Select(s => s.Urn)], ct);
        return [.. schools.GroupBy(s => s.Locality).OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase).Select(g => new AreaLevels(g.Key, [.. days.Select(day =>
        {
            var levels = g.Select(s => standings.LevelOn(s.Urn, day)?.Level).ToList();
            return new LevelTally(day, levels.Count(l => l == LevelOfSupport.Intensive), levels.Count(l => l == LevelOfSupport.Targeted),
                levels.Count(l => l == LevelOfSupport.Universal), levels.Count(l => l is null));
        })]))];
    }
}
