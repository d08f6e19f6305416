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
/// per year and decoded once, and kept decoded until the next recompute.
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
        var codes = schools.Select(s => s.Urn.ToString()).ToList();
        var held = await cache.GetOrAddAsync(db, "years with school figures", () => db.IndicatorResults.AsNoTracking()
            .Where(r => r.AreaKind == AreaKind.School).Select(r => r.AcademicYear).Distinct().ToListAsync(ct), ct);
        var sets = await cache.SetsAsync(db, source, [.. held.SelectMany(y => codes.Select(c => new ResultKey(AreaKind.School, c, y)))], ct);
        // The latest three years in which any of these schools has figures.
        var years = sets.Where(s => s.Value is not null).Select(s => s.Key.Year).Distinct().OrderByDescending(y => y).Take(3).ToHashSet();
        var computer = source.Computer;
        var bySchool = sets.Where(s => s.Value is not null && years.Contains(s.Key.Year)).GroupBy(s => s.Key.Code).ToDictionary(g => g.Key,
            g => g.OrderBy(s => s.Key.Year).Select(s => s.Value!.Tallies).ToList());
        var figures = new IndicatorFigures(computer, null);
        var rule = SuppressionRule.Default;

        var trends = new Dictionary<int, HeadlineTrend>();
        foreach (var (urn, phase) in schools)
        {
            var tallies = bySchool.GetValueOrDefault(urn.ToString()) ?? [];
            var suppressed = !PupilLevelAccess.SeesPupilLevel(db.CurrentUser.Role, db.CurrentUser.Scope, urn);
            HeadlineTrend? chosen = null;
            foreach (var id in IndicatorsFor(phase))
            {
                if (source.Catalogue.Find(id) is not { } indicator) continue;
                var values = tallies
                    .Where(t => !(suppressed && GetSchoolIndicators.IsSmall(figures.TallyOf(indicator, t), indicator, rule)))
                    .Select(t => figures.Value(indicator, t)).ToList();
                chosen ??= new HeadlineTrend(indicator.Id, indicator.Name, GetSchoolIndicators.Direction(indicator, values));
                if (values.Any(v => v is not null))
                {
                    chosen = new HeadlineTrend(indicator.Id, indicator.Name, GetSchoolIndicators.Direction(indicator, values));
                    break;
                }
            }
            if (chosen is not null) trends[urn] = chosen;
        }
        return trends;
    }
}
