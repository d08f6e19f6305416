using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Categorisation;
using SchoolSight.Core.Data;
using SchoolSight.Core.Indicators;
using SchoolSight.Domain.Categorisation;
using SchoolSight.Domain.Indicators;
using SchoolSight.Domain.Indicators.Computation;

namespace SchoolSight.Core.Home;

/// <summary>
/// The reader's schools (those the query filters let them see: the whole LA for LA officers, a SIP's assigned schools,
/// a school's own) whose level of support changed since <c>since</c>, and those whose figures were recomputed since
/// then and whose headline indicator now moves significantly — the same headline trend the risk register shows.
/// </summary>
internal static class SchoolChanges
{
    public static async Task<List<HomeItem>> LoadAsync(AppDbContext db, IndicatorCatalogueSource source, DateTime since, CancellationToken ct, FiguresCache? figuresCache = null)
    {
        var items = new List<HomeItem>();
        var changed = await db.SchoolLevels.AsNoTracking().Where(d => d.DecidedAt > since)
            .Select(d => new { d.Id, d.Urn, d.Level, d.PreviousLevel, d.DecidedAt }).ToListAsync(ct);
        var latestChange = changed.Where(d => d.PreviousLevel != d.Level).GroupBy(d => d.Urn)
            .Select(g => g.OrderBy(d => d.DecidedAt).ThenBy(d => d.Id).Last()).ToList();

        // When each school's figures were last computed changes only with a recompute: kept under the figures' version.
        var computedAt = await (figuresCache ?? FiguresCache.None).GetOrAddAsync(db, "when each school's figures were computed", () => db.IndicatorResults
            .AsNoTracking().Where(r => r.AreaKind == AreaKind.School).GroupBy(r => r.AreaCode)
            .Select(g => new { g.Key, At = g.Max(r => r.ComputedAt) }).ToDictionaryAsync(g => g.Key, g => g.At, ct), ct);
        var when = computedAt.Where(c => c.Value > since).ToDictionary();
        var recomputed = when.Keys.Select(c => int.TryParse(c, out var urn) ? urn : 0).Where(u => u > 0).ToList();

        var urns = latestChange.Select(d => d.Urn).Concat(recomputed).Distinct().ToList();
        if (urns.Count == 0) return items;
        var schools = await db.Schools.AsNoTracking().Where(s => EF.Parameter(urns).Contains(s.Urn)).Select(s => new { s.Urn, s.Details.Name, s.Phase }).ToListAsync(ct);
        var names = schools.ToDictionary(s => s.Urn, s => s.Name);

        foreach (var d in latestChange.Where(d => names.ContainsKey(d.Urn)))
        {
            var detail = d.PreviousLevel is { } from
                ? $"Was {from.Describe().ToLowerInvariant()}: {((int)d.Level > (int)from ? "more" : "less")} support"
                : "Its first agreed level";
            items.Add(new(HomeSection.Changes, HomeUrgency.News, $"{names[d.Urn]}: level of support now {d.Level.Describe().ToLowerInvariant()}", detail, $"/Schools/{d.Urn}/Level",
                DateTime.SpecifyKind(d.DecidedAt, DateTimeKind.Utc), Urn: d.Urn));
        }

        var recomputedSet = recomputed.ToHashSet();
        var recomputedSchools = schools.Where(s => recomputedSet.Contains(s.Urn)).Select(s => (s.Urn, s.Phase)).ToList();
        if (recomputedSchools.Count == 0) return items;
        var trends = await HeadlineTrends.LoadAsync(db, source, recomputedSchools, ct, figuresCache);
        foreach (var (urn, trend) in trends.Where(t => t.Value.Direction is TrendDirection.Improving or TrendDirection.Declining))
            items.Add(new(HomeSection.Changes, HomeUrgency.News,
                $"{names[urn]}: {trend.IndicatorName} {(trend.Direction == TrendDirection.Declining ? "significantly declining" : "significantly improving")}",
                "New figures over three years", $"/Schools/{urn}/Data", DateTime.SpecifyKind(when.GetValueOrDefault(urn.ToString()), DateTimeKind.Utc), Urn: urn));
        return items;
    }
}
