using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Core.Indicators;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Indicators;
using SchoolSight.Domain.Indicators.Computation;
using SchoolSight.Domain.Register;

namespace SchoolSight.Core.Categorisation;

/// <summary>A school's headline indicator and its three-year trend, worked out as the school's data page works it out.</summary>
public sealed record HeadlineTrend(string IndicatorId, string IndicatorName, TrendDirection Direction);

/// <summary>
/// Each school's headline indicator trend for the risk register: key stage 2 reading, writing and mathematics at the
/// expected standard for a primary school; Progress 8 for a secondary school (Attainment 8 when it has no Progress 8);
/// the overall absence rate for every other school. The school result sets of the latest three years are read once
/// per year and decoded once, and each school's trend is kept (for readers who see its small numbers and for those who
/// do not) until the next recompute.
/// </summary>
internal static class HeadlineTrends
{
    public const string Primary = "KS2_RWM_EXP";
    public const string Secondary = "KS4_P8";
    public const string SecondaryFallback = "KS4_ATT8";
    public const string Other = "ABSENCE_RATE";

    public static IReadOnlyList<string> IndicatorsFor(SchoolPhase phase) => phase switch
    {
        SchoolPhase.Primary => [Primary],
        SchoolPhase.Secondary => [Secondary, SecondaryFallback],
        _ => [Other],
    };

    public static async Task<Dictionary<int, HeadlineTrend>> LoadAsync(AppDbContext db, IndicatorCatalogueSource source,
        IReadOnlyList<(int Urn, SchoolPhase Phase)> schools, CancellationToken ct, FiguresCache? figuresCache = null)
    {
        var cache = figuresCache ?? FiguresCache.None;
        var held = await cache.SchoolYearsAsync(db, [.. schools.Select(s => s.Urn.ToString())], ct);
        // The latest three years in which any of these schools has figures.
        var years = schools.SelectMany(s => held.GetValueOrDefault(s.Urn.ToString()) ?? []).Distinct().OrderDescending().Take(3).Order().ToList();
        // Each school's trend over those years, for a reader who sees its small numbers or not, kept until the next recompute.
        var kept = await cache.GetOrAddViewAsync(db, ("headline trends", source, string.Join(',', years)),
            () => Task.FromResult(new ConcurrentDictionary<(int Urn, SchoolPhase Phase, bool Suppressed), HeadlineTrend?>()), ct);

        var trends = new Dictionary<int, HeadlineTrend>();
        var missing = new List<(int Urn, SchoolPhase Phase, bool Suppressed)>();
        foreach (var (urn, phase) in schools)
        {
            var key = (urn, phase, !PupilLevelAccess.SeesPupilLevel(db.CurrentUser.Role, db.CurrentUser.Scope, urn));
            if (!kept.TryGetValue(key, out var trend)) missing.Add(key);
            else if (trend is not null) trends[urn] = trend;
        }
        if (missing.Count == 0) return trends;

        var sets = await cache.SetsAsync(db, source, [.. years.SelectMany(y => missing
            .Where(m => held.GetValueOrDefault(m.Urn.ToString())?.Contains(y) == true)
            .Select(m => new ResultKey(AreaKind.School, m.Urn.ToString(), y)))], ct);
        var figures = new IndicatorFigures(source.Computer, null);
        foreach (var key in missing)
        {
            var code = key.Urn.ToString();
            var tallies = years.Select(y => sets.GetValueOrDefault(new ResultKey(AreaKind.School, code, y))?.Tallies).OfType<IndicatorTallies>().ToList();
            var trend = kept[key] = Trend(source, figures, key.Phase, key.Suppressed, tallies);
            if (trend is not null) trends[key.Urn] = trend;
        }
        return trends;
    }

    /// <summary>The first of the phase's headline indicators with a figure in any year, or the first of them when none has.</summary>
    private static HeadlineTrend? Trend(IndicatorCatalogueSource source, IndicatorFigures figures, SchoolPhase phase, bool suppressed, List<IndicatorTallies> tallies)
    {
        var rule = SuppressionRule.Default;
        HeadlineTrend? chosen = null;
        foreach (var id in IndicatorsFor(phase))
        {
            if (source.Catalogue.Find(id) is not { } indicator) continue;
            var values = tallies
                .Where(t => !(suppressed && GetSchoolIndicators.IsSmall(figures.TallyOf(indicator, t), indicator, rule)))
                .Select(t => figures.Value(indicator, t)).ToList();
            chosen ??= new HeadlineTrend(indicator.Id, indicator.Name, GetSchoolIndicators.Direction(indicator, values));
            if (values.Any(v => v is not null))
                return new HeadlineTrend(indicator.Id, indicator.Name, GetSchoolIndicators.Direction(indicator, values));
        }
        return chosen;
    }
}
