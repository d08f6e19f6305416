using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Auditing;
using SchoolSight.Core.Data;
using SchoolSight.Core.Indicators.Storage;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Indicators;
using SchoolSight.Domain.Indicators.Computation;
using SchoolSight.Domain.Register;

namespace SchoolSight.Core.Indicators;

/// <param name="Kind">LocalAuthority or Locality.</param>
/// <param name="AreaCode">The locality's id, or the LA code (the LA with the most schools in the register when null).</param>
/// <param name="ForPublication">Suppress small numbers whoever asks (an export for publication).</param>
/// <param name="IncludeSpecialAndAlternative">Rank special schools and alternative provision with mainstream schools instead of apart.</param>
public sealed record AreaIndicatorRequest(AreaKind Kind, string? AreaCode, string IndicatorId, int? Year = null, bool ForPublication = false, bool IncludeSpecialAndAlternative = false);

/// <summary>A figure against a benchmark: the difference (figure minus benchmark) and whether it is significant.</summary>
public sealed record Versus(double? Difference, Comparison Comparison)
{
    public static readonly Versus None = new(null, Comparison.NotTested);
}

/// <summary>
/// One school of an area's ranking. Schools outside the user's own schools are not named to a user who may see only
/// some schools (a SIP sees LA-wide figures anonymised, DOMAIN.md 1): <see cref="Named"/> is false and Urn is null.
/// A special school or alternative provision is <see cref="RankedApart"/> (its rank counts among those alone) unless the
/// reader asked to include them with mainstream schools.
/// </summary>
public sealed record AreaSchoolRow(
    int? Rank, int? Urn, string Name, bool Named, SchoolPhase? Phase, string? LocalityName, FigureView Figure,
    Versus VersusArea, Versus VersusEngland, IReadOnlyList<TrendPoint> Trend, TrendDirection TrendDirection, bool RankedApart = false);

/// <summary>A locality's figure on the LA page.</summary>
public sealed record AreaPartRow(int Id, string Name, FigureView Figure, Versus VersusLa, Versus VersusEngland);

public sealed record AreaIndicatorView(
    AreaKind Kind, string AreaCode, string AreaName, int LaCode, string LaName, IndicatorDefinition Indicator,
    int? AcademicYear, IReadOnlyList<int> Years, bool Suppressed, string SuppressionNote,
    FigureView Area, Versus AreaVersusEngland, FigureView England, FigureView La,
    IReadOnlyList<TrendPoint> AreaTrend, TrendDirection AreaTrendDirection,
    IReadOnlyList<AreaPartRow> Localities, IReadOnlyList<AreaSchoolRow> Schools)
{
    /// <summary>"England" when the DfE's national figures are imported; otherwise the sum of every school held, said as such.</summary>
    public string EnglandLabel { get; init; } = "England";

    /// <summary>The schools and pupils the area's figure counts, against the DfE's own LA figure when imported.</summary>
    public AreaCoverage Coverage { get; init; } = AreaCoverage.None;
}

public enum AreaSort { Rank, Name, Value, Trend }

/// <summary>
/// One indicator across an LA or a locality for the LA and locality pages (DOMAIN.md 3.2–3.4): the area against England
/// and its trend, each locality, and every school ranked with its interval, its significance against the area and
/// England, and its trend (special schools and alternative provision ranked apart from mainstream schools, by the
/// register's type group, unless asked to include them). Anyone who may not see every school's pupil-level data, and every export for publication,
/// gets small numbers suppressed, with secondary suppression over the whole LA's table (LA = sum of its schools, each
/// locality = sum of its schools, LA = sum of its localities), so the same cells are hidden on the LA page and on every
/// locality page and nothing hidden can be worked out by subtraction from any of them. Null for an unknown area or
/// indicator.
/// </summary>
[Operation]
public sealed class GetAreaIndicator(AppDbContext db, IndicatorCatalogueSource source, FiguresCache? figuresCache = null)
{
    public async Task<AreaIndicatorView?> RunAsync(AreaIndicatorRequest request, CancellationToken ct = default)
    {
        var indicator = source.Catalogue.Find(request.IndicatorId);
        if (indicator is null || request.Kind is not (AreaKind.LocalAuthority or AreaKind.Locality)) return null;

        int laCode;
        int? localityId = null;
        if (request.Kind == AreaKind.Locality)
        {
            if (!int.TryParse(request.AreaCode, out var id)) return null;
            var locality = await db.Localities.AsNoTracking().Where(l => l.Id == id).Select(l => new { l.Id, l.LaCode }).FirstOrDefaultAsync(ct);
            if (locality is null) return null;
            (laCode, localityId) = (locality.LaCode, locality.Id);
        }
        else if (request.AreaCode is { Length: > 0 } code)
        {
            if (!int.TryParse(code, out laCode)) return null;
        }
        else
        {
            var busiest = await db.Schools.IgnoreQueryFilters().AsNoTracking().GroupBy(s => s.Details.LaCode)
                .Select(g => new { Code = g.Key, Count = g.Count() }).OrderByDescending(g => g.Count).ThenBy(g => g.Code).FirstOrDefaultAsync(ct);
            if (busiest is null) return null;
            laCode = busiest.Code;
        }
        var laName = await db.LocalAuthorities.AsNoTracking().Where(l => l.Code == laCode).Select(l => l.Name).FirstOrDefaultAsync(ct);
        if (laName is null) return null;

        // Names and URNs are public (GIAS), but a user who may see only some schools sees the others anonymised.
        var scope = db.CurrentUser.Scope;
        var schools = await db.Schools.IgnoreQueryFilters().AsNoTracking().Where(s => s.Details.LaCode == laCode)
            .Select(s => new { s.Urn, s.Details.Name, s.Phase, s.LocalityId, s.Details.TypeOfEstablishment, s.Details.EstablishmentTypeGroup }).ToListAsync(ct);
        var localities = await db.Localities.AsNoTracking().Where(l => l.LaCode == laCode).OrderBy(l => l.Name)
            .Select(l => new { l.Id, l.Name }).ToListAsync(ct);
        var localityNames = localities.ToDictionary(l => l.Id, l => l.Name);
        var areaName = localityId is { } lid ? $"{localityNames[lid]} locality" : laName;
        var areaCode = localityId?.ToString() ?? laCode.ToString();

        var rule = SuppressionRule.Default;
        var suppressed = request.ForPublication || !PupilLevelAccess.SeesPupilLevel(db.CurrentUser.Role, scope, null);
        var laKey = laCode.ToString();
        var years = await db.IndicatorResults.AsNoTracking()
            .Where(r => r.AreaKind == AreaKind.LocalAuthority && r.AreaCode == laKey).Select(r => r.AcademicYear).OrderBy(y => y).ToListAsync(ct);
        if (years.Count == 0)
            return new(request.Kind, areaCode, areaName, laCode, laName, indicator, null, [], suppressed, rule.Describe(),
                FigureView.None, Versus.None, FigureView.None, FigureView.None, [], TrendDirection.NotEnoughYears, [], []);

        var selected = request.Year is { } y && years.Contains(y) ? y : years[^1];
        var trendYears = years.Where(x => x <= selected).TakeLast(3).ToList();
        var computer = source.Computer;
        var schoolCodes = schools.Select(s => s.Urn.ToString()).ToList();
        var localityCodes = localities.Select(l => l.Id.ToString()).ToList();
        // Every result set of the area's schools, localities, LA and England for the trend years, decoded once and kept
        // decoded between requests until the next recompute.
        var sets = await (figuresCache ?? FiguresCache.None).SetsAsync(db, source, [.. trendYears.SelectMany(ty =>
            new[] { new ResultKey(AreaKind.England, IndicatorResultSet.EnglandCode, ty), new ResultKey(AreaKind.LocalAuthority, laKey, ty) }
                .Concat(localityCodes.Select(c => new ResultKey(AreaKind.Locality, c, ty)))
                .Concat(schoolCodes.Select(c => new ResultKey(AreaKind.School, c, ty))))], ct);
        var englandLabel = ComputeIndicators.EnglandLabel(sets.GetValueOrDefault(new(AreaKind.England, IndicatorResultSet.EnglandCode, selected))?.Source);
        IndicatorTallies? Find(AreaKind kind, string code, int year) => sets.GetValueOrDefault(new(kind, code, year))?.Tallies;

        // Each year's table of figures and hidden cells is kept until the next recompute, for readers who see small numbers
        // and for those who do not, and for the LA's schools and localities as they are now (a school moved to another
        // locality changes the lines suppression works over).
        var members = schools.Select(s => (s.Urn, s.LocalityId)).ToList();
        var localityIds = localities.Select(l => l.Id).ToList();
        var tables = await (figuresCache ?? FiguresCache.None).GetOrAddViewAsync(db,
            ("LA tables", source, indicator.Id, laKey, string.Join(',', trendYears), suppressed, Membership(members, localityIds)),
            () => Task.FromResult(trendYears.ToDictionary(ty => ty, ty => LaTable.Build(indicator, ty, laKey, members, localityIds, Find, computer, suppressed, rule))), ct);
        var table = tables[selected];

        var areaKind = localityId is null ? AreaKind.LocalAuthority : AreaKind.Locality;
        var area = table.Figure(areaKind, areaCode);
        var england = table.Figure(AreaKind.England, IndicatorResultSet.EnglandCode);
        var la = table.Figure(AreaKind.LocalAuthority, laKey);
        var areaTrend = trendYears.Select(ty => new TrendPoint(ty, tables[ty].Figure(areaKind, areaCode).View)).ToList();
        var areaDirection = GetSchoolIndicators.Direction(indicator, trendYears.Select(ty => tables[ty].Figure(areaKind, areaCode)).Where(f => !f.View.Suppressed).Select(f => f.Value).ToList());

        var localityRows = localityId is not null ? [] : localities
            .Select(l => (l, f: table.Figure(AreaKind.Locality, l.Id.ToString())))
            .Where(x => x.f.Value is not null || x.f.View.Suppressed)
            .Select(x => new AreaPartRow(x.l.Id, x.l.Name, x.f.View, Against(indicator, x.f, la), Against(indicator, x.f, england)))
            .ToList();

        var laPublished = localityId is null
            ? (await new PublishedTallies(computer).LoadAsync(db, AreaKind.LocalAuthority, [selected], ct)).GetValueOrDefault((laKey, selected))
            : null;
        var coverage = AreaCoverage.Of(indicator, source.Catalogue, Find(areaKind, areaCode, selected),
            schools.Where(s => localityId is null || s.LocalityId == localityId)
                .Select(s => (DfeSchoolTypes.FromRegister(s.TypeOfEstablishment, s.EstablishmentTypeGroup), Find(AreaKind.School, s.Urn.ToString(), selected))),
            laPublished, source.CoverageWarningBelow);
        // Pupils counted are a count like any other: not shown where the area's own figure is hidden.
        if (area.View.Suppressed) coverage = coverage with { Pupils = null };

        var rows = new List<AreaSchoolRow>();
        foreach (var school in schools.Where(s => localityId is null || s.LocalityId == localityId))
        {
            var code = school.Urn.ToString();
            var figure = table.Figure(AreaKind.School, code);
            if (figure.Value is null && !figure.View.Suppressed) continue;
            var trend = trendYears.Select(ty => tables[ty].Figure(AreaKind.School, code)).ToList();
            var named = scope.Includes(school.Urn);
            var apart = !request.IncludeSpecialAndAlternative && EstablishmentTypes.TypeGroupOf(school.TypeOfEstablishment, school.EstablishmentTypeGroup).RankedApartFromMainstream();
            rows.Add(new AreaSchoolRow(null, named ? school.Urn : null, named ? school.Name : "Another school", named, named ? school.Phase : null,
                school.LocalityId is { } sl ? localityNames.GetValueOrDefault(sl) : null, figure.View,
                Against(indicator, figure, area), Against(indicator, figure, england),
                [.. trendYears.Select((ty, i) => new TrendPoint(ty, trend[i].View))],
                GetSchoolIndicators.Direction(indicator, trend.Where(f => !f.View.Suppressed).Select(f => f.Value).ToList()), apart));
        }
        var better = indicator.Polarity == Polarity.HigherIsBetter ? -1 : 1;
        var ranked = rows.Where(r => r.Figure.Value is not null).GroupBy(r => r.RankedApart).OrderBy(g => g.Key)
            .SelectMany(g => g.OrderBy(r => better * r.Figure.Value!.Value).ThenBy(r => r.Name, StringComparer.Ordinal).Select((r, i) => r with { Rank = i + 1 }))
            .ToList();
        var unranked = rows.Where(r => r.Figure.Value is null).OrderBy(r => r.RankedApart).ThenBy(r => r.Name, StringComparer.Ordinal);

        // The ranking shows each school's own figures unsuppressed to those who may see them all: that read is audited.
        var shownCodes = rows.Where(r => r.Figure.Value is not null).Select(r => r.Urn?.ToString()).ToHashSet();
        if (!suppressed && sets.Any(s => s.Key.Kind == AreaKind.School && shownCodes.Contains(s.Key.Code) && s.Value is { } set && PupilLevelReads.FromPupilData(set.Source)))
            await PupilLevelReads.RecordAsync(db, PupilLevelReads.AreaFigures, $"{request.Kind} {areaCode} {indicator.Id}", null,
                $"{indicator.Name}, {AcademicYears.Display(selected)}: {areaName}, {shownCodes.Count} schools", ct);

        return new(request.Kind, areaCode, areaName, laCode, laName, indicator, selected, years, suppressed, rule.Describe(),
            area.View, Against(indicator, area, england), england.View, la.View, areaTrend, areaDirection, localityRows, [.. ranked, .. unranked])
        { EnglandLabel = englandLabel, Coverage = coverage };
    }

    /// <summary>The LA's schools with their localities, and its localities, in order, as one fingerprint (SHA-256).</summary>
    private static string Membership(List<(int Urn, int? LocalityId)> schools, List<int> localityIds)
    {
        var numbers = new int[schools.Count * 2 + localityIds.Count];
        var i = 0;
        foreach (var (urn, locality) in schools.OrderBy(s => s.Urn)) (numbers[i++], numbers[i++]) = (urn, locality ?? -1);
        foreach (var id in localityIds.Order()) numbers[i++] = id;
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(numbers.AsSpan())));
    }

    /// <summary>The rows in the order asked for; the default is the ranking (best first, as the indicator's polarity says).</summary>
    public static IReadOnlyList<AreaSchoolRow> Sort(IReadOnlyList<AreaSchoolRow> rows, AreaSort sort, bool descending)
    {
        IEnumerable<AreaSchoolRow> known = rows.Where(r => r.Figure.Value is not null), unknown = rows.Where(r => r.Figure.Value is null);
        IOrderedEnumerable<AreaSchoolRow> Order<TKey>(IEnumerable<AreaSchoolRow> source, Func<AreaSchoolRow, TKey> key) =>
            descending ? source.OrderByDescending(key) : source.OrderBy(key);
        return sort switch
        {
            AreaSort.Rank => [.. Order(known, r => r.Rank ?? int.MaxValue), .. unknown],
            AreaSort.Value => [.. Order(known, r => r.Figure.Value!.Value).ThenBy(r => r.Name, StringComparer.Ordinal), .. unknown],
            AreaSort.Name => [.. Order(rows, r => r.Name).ThenBy(r => r.Urn)],
            AreaSort.Trend => [.. Order(rows, r => r.TrendDirection).ThenBy(r => r.Rank ?? int.MaxValue)],
        };
    }

    private static Versus Against(IndicatorDefinition indicator, LaTable.Shown figure, LaTable.Shown benchmark)
    {
        if (figure.Value is not { } value || figure.View.Suppressed || benchmark.Value is not { } other || benchmark.View.Suppressed) return Versus.None;
        return new Versus(value.Value - other.Value, GetSchoolIndicators.Compare(indicator, value, other.Value));
    }

    /// <summary>One year's figures for every school, locality, the LA and England, with the cells small numbers hide.</summary>
    private sealed class LaTable
    {
        public readonly record struct Shown(IndicatorValue? Value, FigureView View);

        private readonly Dictionary<(AreaKind, string), Shown> _figures = [];

        private string? _notPublished;

        /// <summary>The figure of an area or school; for a year the DfE did not publish the measure, why there is none.</summary>
        public Shown Figure(AreaKind kind, string code) => _figures.GetValueOrDefault((kind, code), new Shown(null, FigureView.None with { NotPublished = _notPublished }));

        public static LaTable Build(IndicatorDefinition indicator, int year, string laKey, IReadOnlyList<(int Urn, int? LocalityId)> schools,
            IReadOnlyList<int> localityIds, Func<AreaKind, string, int, IndicatorTallies?> find, IndicatorComputer computer, bool suppressed, SuppressionRule rule)
        {
            var england = find(AreaKind.England, IndicatorResultSet.EnglandCode, year);
            var figures = new IndicatorFigures(computer, england);
            var keys = new List<(AreaKind Kind, string Code, IndicatorTallies? Tallies)>
            {
                (AreaKind.LocalAuthority, laKey, find(AreaKind.LocalAuthority, laKey, year)),
            };
            keys.AddRange(localityIds.Select(id => (AreaKind.Locality, id.ToString(), find(AreaKind.Locality, id.ToString(), year))));
            var firstSchool = keys.Count;
            var withFigures = schools.Select(s => (s, t: find(AreaKind.School, s.Urn.ToString(), year)))
                .Where(x => x.t is not null && !figures.TallyOf(indicator, x.t).IsEmpty).ToList();
            keys.AddRange(withFigures.Select(x => (AreaKind.School, x.s.Urn.ToString(), x.t)));

            var hidden = new bool[keys.Count];
            if (suppressed)
            {
                var isCount = indicator.Kind is IndicatorKind.Proportion or IndicatorKind.GroupView or IndicatorKind.Gap;
                var cells = keys.Select(k => figures.TallyOf(indicator, k.Tallies))
                    .Select(t => new DisclosureCell(t.N, t.C > 0 ? t.C : t.D, isCount)).ToList();
                var schoolIndexes = Enumerable.Range(firstSchool, withFigures.Count).ToList();
                var lines = new List<AdditiveLine> { new(0, schoolIndexes) };
                for (var l = 0; l < localityIds.Count; l++)
                    lines.Add(new(1 + l, [.. schoolIndexes.Where(i => withFigures[i - firstSchool].s.LocalityId == localityIds[l])]));
                if (withFigures.All(x => x.s.LocalityId is { } id && localityIds.Contains(id)) && localityIds.Count > 0)
                    lines.Add(new(0, [.. Enumerable.Range(1, localityIds.Count)]));
                hidden = Suppression.Apply(cells, lines, rule);
            }

            var table = new LaTable();
            for (var i = 0; i < keys.Count; i++)
            {
                var value = figures.Value(indicator, keys[i].Tallies);
                table._figures[(keys[i].Kind, keys[i].Code)] = new Shown(hidden[i] ? null : value, FigureView.For(indicator, year, value, hidden[i]));
            }
            var englandValue = figures.Value(indicator, england);
            var englandHidden = suppressed && GetSchoolIndicators.IsSmall(figures.TallyOf(indicator, england), indicator, rule);
            table._figures[(AreaKind.England, IndicatorResultSet.EnglandCode)] = new Shown(englandHidden ? null : englandValue, FigureView.For(indicator, year, englandValue, englandHidden));
            table._notPublished = indicator.NotPublishedIn(year);
            return table;
        }
    }
}
