using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Domain.Indicators;
using SchoolSight.Domain.Indicators.Computation;
using SchoolSight.Domain.Published;

namespace SchoolSight.Core.Indicators;

/// <summary>
/// Tallies from the DfE's published school-level figures (the catalogue's <c>published</c> measure and cohort), for a
/// school-year with no pupil-level data: a percentage p over a cohort n counts as p × n / 100 of n pupils; an average
/// as its sum over n, with the sum of squares recovered from the published confidence interval where there is one.
/// A progress score is about the pupils with a score, n = cohort × coverage / 100, so areas weight it as the DfE
/// does (the mean over every pupil with a score). Only the all-pupils group is published, so group breakdowns are left
/// empty, never guessed.
/// </summary>
public sealed class PublishedTallies(IndicatorComputer computer)
{
    private readonly List<(int Slot, IndicatorDefinition Indicator, PublishedFallback Source)> _mapped =
        [.. computer.Slots.Select((d, i) => (i, d, d.Published)).Where(x => x.Published is not null).Select(x => (x.i, x.d, x.Published!))];

    public IReadOnlyCollection<string> Measures => [.. _mapped.SelectMany(m => new[] { m.Source.Measure, m.Source.Cohort, m.Source.Lower, m.Source.Upper, m.Source.Coverage }).OfType<string>().Distinct()];

    /// <summary>The figures of every school-year (or area; or only <paramref name="code"/>'s) held for the mapped measures, keyed by area code and year.</summary>
    public async Task<Dictionary<(string Code, int Year), Dictionary<string, decimal>>> LoadAsync(AppDbContext db, AreaKind kind, IReadOnlyCollection<int>? years, CancellationToken ct, string? code = null) =>
        (await LoadAsync(db, [kind], years, code, ct)).GetValueOrDefault(kind) ?? [];

    /// <summary>The figures of every school-year and England's, held for the mapped measures, in one read.</summary>
    public async Task<(Dictionary<(string Code, int Year), Dictionary<string, decimal>> Schools, Dictionary<(string Code, int Year), Dictionary<string, decimal>> England)> LoadSchoolsAndEnglandAsync(
        AppDbContext db, IReadOnlyCollection<int>? years, CancellationToken ct)
    {
        var figures = await LoadAsync(db, [AreaKind.School, AreaKind.England], years, null, ct);
        return (figures.GetValueOrDefault(AreaKind.School) ?? [], figures.GetValueOrDefault(AreaKind.England) ?? []);
    }

    private async Task<Dictionary<AreaKind, Dictionary<(string Code, int Year), Dictionary<string, decimal>>>> LoadAsync(AppDbContext db, AreaKind[] kinds, IReadOnlyCollection<int>? years, string? code, CancellationToken ct)
    {
        var measures = Measures.ToList();
        var rows = await db.PublishedFigures.AsNoTracking()
            .Where(f => kinds.Contains(f.AreaKind) && f.Value != null && measures.Contains(f.Measure) && (years == null || years.Contains(f.AcademicYear)))
            .Where(f => code == null || f.AreaCode == code)
            .Select(f => new { f.AreaKind, f.AreaCode, f.AcademicYear, f.Measure, f.Value }).ToListAsync(ct);
        return rows.GroupBy(r => r.AreaKind).ToDictionary(k => k.Key, k => k.GroupBy(r => (r.AreaCode, r.AcademicYear))
            .ToDictionary(g => g.Key, g => g.ToDictionary(r => r.Measure, r => r.Value!.Value)));
    }

    /// <summary>A stable description of the figures, so a recompute notices when a re-import changed them.</summary>
    public static string Describe(Dictionary<string, decimal> figures) =>
        string.Join(";", figures.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={f.Value}"));

    public IndicatorTallies Tallies(Dictionary<string, decimal> figures)
    {
        var tallies = computer.NewTallies();
        Fill(tallies, figures);
        computer.CountSchoolShares(tallies);
        return tallies;
    }

    /// <summary>Whether any indicator is counted from published figures alone (so a school with pupil-level data needs them too).</summary>
    public bool AnyPublishedOnly => _mapped.Any(m => m.Indicator.IsPublishedOnly);

    /// <summary>
    /// Writes the all-pupils tally of every mapped indicator the figures cover over <paramref name="tallies"/>; with
    /// <paramref name="publishedOnly"/>, only those the pupil-level file cannot count.
    /// </summary>
    public void Fill(IndicatorTallies tallies, Dictionary<string, decimal> figures, bool publishedOnly = false)
    {
        foreach (var (slot, indicator, source) in _mapped)
        {
            if (publishedOnly && !indicator.IsPublishedOnly) continue;
            if (PupilsOf(source, figures) is not { } n || !figures.TryGetValue(source.Measure, out var value)) continue;
            var v = (double)value;
            if (indicator.Kind == IndicatorKind.Proportion)
            {
                tallies[slot, PupilGroup.All] = new Tally(v * n / 100, n, 0, n);
                continue;
            }
            var q = double.NaN;
            if (source.Lower is { } l && source.Upper is { } u && figures.TryGetValue(l, out var lower) && figures.TryGetValue(u, out var upper) && n > 1)
            {
                var se = (double)(upper - lower) / (2 * 1.959964);
                q = se * se * n * (n - 1) + n * v * v;
            }
            tallies[slot, PupilGroup.All] = new Tally(v * n, n, q, n);
        }
    }

    /// <summary>The pupils a published figure is about: its cohort, times its coverage for a progress score; null when not published.</summary>
    public static double? PupilsOf(PublishedFallback source, IReadOnlyDictionary<string, decimal> figures)
    {
        if (!figures.TryGetValue(source.Cohort, out var cohort) || cohort <= 0) return null;
        if (source.Coverage is { } c && figures.TryGetValue(c, out var coverage)) return (double)(cohort * coverage / 100m);
        return (double)cohort;
    }
}
