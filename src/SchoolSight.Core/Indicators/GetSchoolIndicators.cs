using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Auditing;
using SchoolSight.Core.Data;
using SchoolSight.Core.Indicators.Storage;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Indicators;
using SchoolSight.Domain.Indicators.Computation;

namespace SchoolSight.Core.Indicators;

public enum Comparison { SignificantlyBetter, SignificantlyWorse, NotSignificant, NotTested }

/// <summary>
/// A figure as shown: null value with <see cref="Suppressed"/> when small numbers hide it, or with <see cref="NotPublished"/>
/// when the DfE did not publish the measure for the year.
/// </summary>
public sealed record FigureView(double? Value, double? Lower, double? Upper, double? Numerator, double? Denominator, bool Suppressed)
{
    public static readonly FigureView None = new(null, null, null, null, null, false);
    public static readonly FigureView Hidden = new(null, null, null, null, null, true);

    /// <summary>"Not published for 2024/25, because …" in place of a figure; null when the measure was published.</summary>
    public string? NotPublished { get; init; }

    /// <summary>The figure of <paramref name="indicator"/> for <paramref name="academicYear"/>, or why the DfE published none.</summary>
    public static FigureView For(IndicatorDefinition indicator, int academicYear, IndicatorValue? value, bool hidden) =>
        indicator.NotPublishedIn(academicYear) is { } reason ? None with { NotPublished = reason } : Of(value, hidden);

    public static FigureView Of(IndicatorValue? value, bool hidden) =>
        hidden ? Hidden : value is null ? None : new(value.Value, value.Lower, value.Upper, value.Numerator, value.Denominator, false);
}

public sealed record BenchmarkView(string Label, FigureView Figure, double? Difference, Comparison Comparison);

public sealed record TrendPoint(int AcademicYear, FigureView Figure);

public sealed record GroupFigure(PupilGroup Group, FigureView Figure);

public sealed record IndicatorRow(
    IndicatorDefinition Indicator, FigureView School, IReadOnlyList<BenchmarkView> Benchmarks,
    IReadOnlyList<TrendPoint> Trend, TrendDirection TrendDirection, IReadOnlyList<GroupFigure> Groups);

public sealed record SimilarSchoolView(int Urn, string Name, double Distance);

public sealed record SchoolIndicatorsView(
    int Urn, string SchoolName, string? LocalityName, int LaCode, int? AcademicYear, IReadOnlyList<int> Years,
    bool Suppressed, string SuppressionNote, string SimilarMethod, IReadOnlyList<SimilarSchoolView> SimilarSchools,
    IReadOnlyList<IndicatorRow> Rows);

/// <summary>
/// A school's data page (DOMAIN.md 3.2–3.4): every indicator (or one outcome's) for a year, the school against England,
/// its LA, its locality and its similar schools, the gap and whether it is significant, the three-year trend and the
/// breakdown by pupil group — with small numbers suppressed for anyone who may not see the school's pupil-level data.
/// Null when the school is not visible to the user.
/// </summary>
[Operation]
public sealed class GetSchoolIndicators(AppDbContext db, IndicatorCatalogueSource source, FiguresCache? figuresCache = null)
{
    /// <param name="forPublication">Suppress small numbers whoever asks (an export for publication, DOMAIN.md 3.4).</param>
    public async Task<SchoolIndicatorsView?> RunAsync(int urn, int? year = null, EcmOutcome? outcome = null, bool forPublication = false, CancellationToken ct = default)
    {
        var school = await db.Schools.AsNoTracking().Where(s => s.Urn == urn)
            .Select(s => new { s.Urn, s.Details.Name, s.Details.LaCode, s.LocalityId, Locality = s.Locality != null ? s.Locality.Name : null })
            .FirstOrDefaultAsync(ct);
        if (school is null) return null;

        var code = urn.ToString();
        var cache = figuresCache ?? FiguresCache.None;
        List<int> years = [.. (await cache.SchoolYearsAsync(db, [code], ct)).GetValueOrDefault(code) ?? []];
        var rule = SuppressionRule.Default;
        var suppressed = forPublication || !PupilLevelAccess.SeesPupilLevel(db.CurrentUser.Role, db.CurrentUser.Scope, urn);
        if (years.Count == 0)
            return new(urn, school.Name, school.Locality, school.LaCode, null, [], suppressed, rule.Describe(), source.SimilarSchools.Describe(), [], []);

        var selected = year is { } y && years.Contains(y) ? y : years[^1];
        var trendYears = years.Where(x => x <= selected).TakeLast(3).ToList();
        // The rows are figures only, worked out for this reader's suppression (decided above, on every request) and kept
        // until the next recompute; the audit of a pupil-level read and the similar schools' names are still done here.
        var computed = await cache.GetOrAddViewAsync(db, ("school indicators", source, urn, school.LaCode, school.LocalityId, school.Locality, selected, outcome, suppressed),
            () => ComputeAsync(urn, school.LaCode, school.LocalityId, school.Locality, selected, trendYears, outcome, suppressed, cache, ct), ct);
        var (rows, similarMethod, similarMembers, fromPupilData) = computed;
        var similarUrns = similarMembers.Select(m => m.Urn).ToList();
        // Names and URNs are public (GIAS), so a school user sees which schools its similar schools are, not their figures.
        var names = await db.Schools.IgnoreQueryFilters().AsNoTracking().Where(s => EF.Parameter(similarUrns).Contains(s.Urn))
            .ToDictionaryAsync(s => s.Urn, s => s.Details.Name, ct);

        if (!suppressed && rows.Count > 0 && fromPupilData)
            await PupilLevelReads.RecordAsync(db, PupilLevelReads.SchoolFigures, code, urn,
                $"{(outcome is { } o ? o.DisplayName() : "All indicators")}, {AcademicYears.Display(selected)}", ct);

        var similar = similarMembers.Select(m => new SimilarSchoolView(m.Urn, names.GetValueOrDefault(m.Urn, $"URN {m.Urn}"), m.Distance)).ToList();
        return new(urn, school.Name, school.Locality, school.LaCode, selected, years, suppressed, rule.Describe(),
            similarMethod ?? source.SimilarSchools.Describe(), similar, rows);
    }

    /// <summary>A school's rows for a year as one reader's suppression shows them, with its similar schools and whether any of its figures come from pupil data.</summary>
    private sealed record Computed(List<IndicatorRow> Rows, string? SimilarMethod, IReadOnlyList<(int Urn, double Distance)> SimilarMembers, bool FromPupilData);

    private async Task<Computed> ComputeAsync(int urn, int laCode, int? localityId, string? localityName, int selected, List<int> trendYears,
        EcmOutcome? outcome, bool suppressed, FiguresCache cache, CancellationToken ct)
    {
        var indicators = source.Catalogue.Indicators.Where(i => outcome is null || i.Outcome == outcome).ToList();
        var code = urn.ToString();
        var rule = SuppressionRule.Default;
        var computer = source.Computer;
        // The school's, its LA's, its locality's and England's result sets, each decoded once (and kept decoded between
        // requests until the next recompute), read on the result table's key (kind, code, year): a national database is never scanned.
        var areas = new List<(AreaKind Kind, string Code)> { (AreaKind.School, code), (AreaKind.LocalAuthority, laCode.ToString()), (AreaKind.England, IndicatorResultSet.EnglandCode) };
        if (localityId is { } id) areas.Add((AreaKind.Locality, id.ToString()));
        var sets = await cache.SetsAsync(db, source, [.. areas.SelectMany(a => trendYears.Select(ty => new ResultKey(a.Kind, a.Code, ty)))], ct);
        // England is the DfE's national figures when they have been imported; otherwise a synthetic country's where the
        // demo holds them, or the sum of every school held, and the label says which rather than calling one LA's schools England.
        var englandLabel = ComputeIndicators.EnglandLabel(sets.GetValueOrDefault(new(AreaKind.England, IndicatorResultSet.EnglandCode, selected))?.Source);
        IndicatorTallies? Find(AreaKind kind, string areaCode, int y) => sets.GetValueOrDefault(new(kind, areaCode, y))?.Tallies;

        // The similar schools' tallies summed: figures only, kept with the rest until the next recompute.
        var (similarMethod, similarMembers, similarTallies) = await cache.GetOrAddAsync(db, ("similar schools", urn, selected), async () =>
        {
            var set = await db.SimilarSchoolSets.AsNoTracking().FirstOrDefaultAsync(s => s.Urn == urn && s.AcademicYear == selected, ct);
            var members = set?.MemberList() ?? [];
            var sum = computer.NewTallies();
            var memberSets = await cache.SetsAsync(db, source, [.. members.Select(m => new ResultKey(AreaKind.School, m.Urn.ToString(), selected))], ct);
            foreach (var member in memberSets.Values)
                if (member is not null) sum.Add(member.Tallies);
            return (set?.Method, members, sum);
        }, ct);
        var england = Find(AreaKind.England, IndicatorResultSet.EnglandCode, selected);
        var figures = new IndicatorFigures(computer, england);
        var mine = Find(AreaKind.School, code, selected);
        var benchmarks = new List<(string Label, IndicatorTallies? Tallies)>
        {
            (englandLabel, england),
            ($"LA {laCode}", Find(AreaKind.LocalAuthority, laCode.ToString(), selected)),
        };
        if (localityId is { } locality) benchmarks.Add(($"{localityName} locality", Find(AreaKind.Locality, locality.ToString(), selected)));
        if (similarMembers.Count > 0) benchmarks.Add(($"{similarMembers.Count} similar schools", similarTallies));

        var trendFigures = trendYears.ToDictionary(ty => ty, ty => new IndicatorFigures(computer, Find(AreaKind.England, IndicatorResultSet.EnglandCode, ty)));
        // A measure the DfE did not publish this year is still listed (saying why) for a school with other figures of the
        // same key stage this year (a primary school is told there are no KS2 progress scores, not about Progress 8).
        static string Family(IndicatorDefinition i) => i.Id.Split('_')[0];
        var familiesHeld = source.Catalogue.Counted.Where(i => figures.Value(i, mine) is not null).Select(Family).ToHashSet();
        var rows = new List<IndicatorRow>();
        foreach (var indicator in indicators)
        {
            var value = figures.Value(indicator, mine);
            var notPublished = indicator.NotPublishedIn(selected);
            var groups = notPublished is null ? Groups(indicator, mine, figures, suppressed, rule) : [];
            var schoolHidden = groups.FirstOrDefault(g => g.Group == PupilGroup.All)?.Figure.Suppressed
                ?? (suppressed && IsSmall(figures.TallyOf(indicator, mine), indicator, rule));
            var shown = FigureView.For(indicator, selected, value, schoolHidden);
            var bench = benchmarks.Select(b =>
            {
                var v = figures.Value(indicator, b.Tallies);
                var hidden = IsSmall(figures.TallyOf(indicator, b.Tallies), indicator, rule);
                var figure = FigureView.For(indicator, selected, v, hidden);
                if (shown.Value is not { } s || figure.Value is not { } other) return new BenchmarkView(b.Label, figure, null, Comparison.NotTested);
                return new BenchmarkView(b.Label, figure, s - other, Compare(indicator, value!, other));
            }).ToList();
            var trend = trendYears.Select(ty =>
            {
                var t = Find(AreaKind.School, code, ty);
                var f = trendFigures[ty];
                var tv = f.Value(indicator, t);
                return (Year: ty, Value: tv, Hidden: suppressed && IsSmall(f.TallyOf(indicator, t), indicator, rule));
            }).ToList();
            var listed = value is not null || trend.Any(t => t.Value is not null)
                || (notPublished is not null && familiesHeld.Contains(Family(indicator)));
            if (!listed) continue;
            rows.Add(new IndicatorRow(indicator, shown, bench,
                [.. trend.Select(t => new TrendPoint(t.Year, FigureView.For(indicator, t.Year, t.Value, t.Hidden)))],
                Direction(indicator, trend.Where(t => !t.Hidden).Select(t => t.Value).ToList()), groups));
        }

        var fromPupilData = sets.Any(s => s.Key.Kind == AreaKind.School && s.Value is { } set && PupilLevelReads.FromPupilData(set.Source));
        return new Computed(rows, similarMethod, similarMembers, fromPupilData);
    }

    /// <summary>The breakdown by pupil group, with secondary suppression over the group table's additive lines.</summary>
    private static IReadOnlyList<GroupFigure> Groups(IndicatorDefinition indicator, IndicatorTallies? tallies, IndicatorFigures figures, bool suppressed, SuppressionRule rule)
    {
        if (!indicator.HasGroups || tallies is null) return [];
        var groups = PupilGroups.All;
        var cells = groups.Select(g => figures.TallyOf(indicator, tallies, g))
            .Select(t => new DisclosureCell(t.N, t.C > 0 ? t.C : t.D, indicator.Kind == IndicatorKind.Proportion)).ToList();
        var hidden = suppressed ? Suppression.Apply(cells, Suppression.GroupLines(groups), rule) : new bool[groups.Count];
        return [.. groups.Select((g, i) => new GroupFigure(g, FigureView.Of(figures.Value(indicator, tallies, g), hidden[i])))];
    }

    internal static bool IsSmall(Tally tally, IndicatorDefinition indicator, SuppressionRule rule)
    {
        // A school share counts schools, not pupils: nothing about a child can be read from it.
        if (indicator.Kind == IndicatorKind.SchoolShare) return false;
        var pupils = tally.C > 0 ? tally.C : tally.D;
        if (pupils <= 0) return false;
        if (pupils < rule.SmallestDenominatorShown) return true;
        return indicator.Kind is IndicatorKind.Proportion or IndicatorKind.GroupView or IndicatorKind.Gap
            && tally.N >= 1 && tally.N < rule.SmallestCountShown;
    }

    internal static Comparison Compare(IndicatorDefinition indicator, IndicatorValue value, double benchmark) =>
        Compare(indicator.Polarity, value, benchmark);

    /// <summary>Whether the benchmark lies outside the figure's 95% interval, and on which side, for a measure of <paramref name="polarity"/>.</summary>
    internal static Comparison Compare(Polarity polarity, IndicatorValue value, double benchmark) =>
        value.DiffersSignificantlyFrom(benchmark) switch
        {
            null => Comparison.NotTested,
            false => Comparison.NotSignificant,
            true => (value.Value > benchmark) == (polarity == Polarity.HigherIsBetter) ? Comparison.SignificantlyBetter : Comparison.SignificantlyWorse,
        };

    internal static TrendDirection Direction(IndicatorDefinition indicator, IReadOnlyList<IndicatorValue?> values) =>
        Trends.Direction(indicator.Polarity, values);
}
