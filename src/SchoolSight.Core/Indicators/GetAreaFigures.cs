using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Auditing;
using SchoolSight.Core.Data;
using SchoolSight.Core.Exports;
using SchoolSight.Core.Indicators.Storage;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Indicators;
using SchoolSight.Domain.Indicators.Computation;

namespace SchoolSight.Core.Indicators;

/// <summary>An area as scripts name it: <c>la:936</c>, <c>locality:3</c> or <c>school:116432</c>.</summary>
public sealed record FiguresArea(AreaKind Kind, string Code)
{
    public static FiguresArea? Parse(string? text)
    {
        var parts = (text ?? "").Split(':', 2, StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var code) || code <= 0) return null;
        return parts[0].ToLowerInvariant() switch
        {
            "la" => new(AreaKind.LocalAuthority, code.ToString(CultureInfo.InvariantCulture)),
            "locality" => new(AreaKind.Locality, code.ToString(CultureInfo.InvariantCulture)),
            "school" => new(AreaKind.School, code.ToString(CultureInfo.InvariantCulture)),
            _ => null,
        };
    }

    public const string Help = "la:CODE (an LA, e.g. la:936), locality:ID or school:URN";
}

public sealed record FiguresRequest(FiguresArea Area, int? Year = null, bool ForPublication = false);

/// <summary>
/// One indicator for one pupil group of an area: the value with its numerator and denominator, the DfE column it
/// corresponds to, the schools and pupils counted, and the DfE's own figure and pupils beside it when imported.
/// </summary>
public sealed record FigureLine(
    string IndicatorId, string Indicator, PupilGroup Group, string? DfeColumn, double? Value, double? Numerator, double? Denominator,
    bool Suppressed, int Schools, double? Pupils, double? PublishedPupils, double? PercentOfPublished, decimal? PublishedValue, bool Partial);

public sealed record AreaFigures(
    AreaKind Kind, string Code, string Name, int? AcademicYear, IReadOnlyList<int> Years, bool Suppressed, IReadOnlyList<FigureLine> Rows)
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "area", "year", "indicator_id", "indicator", "group", "dfe_column", "value", "numerator", "denominator", "suppressed",
        "schools", "pupils", "published_pupils", "percent_of_published_pupils", "published_value", "partial",
    ];

    /// <summary>One row per indicator and group, in <see cref="Columns"/>' order (the CSV of the command and the API).</summary>
    public ExportTable Table()
    {
        var area = $"{(Kind switch { AreaKind.LocalAuthority => "la", AreaKind.Locality => "locality", _ => "school" })}:{Code}";
        var year = AcademicYear is { } y ? AcademicYears.Display(y) : null;
        static object? N(double? v) => v is { } d ? new ExportNumber(Math.Round(d, 4), d.ToString("0.####", CultureInfo.InvariantCulture)) : null;
        return new ExportTable($"Figures of {Name}", Columns,
            [.. Rows.Select(r => (IReadOnlyList<object?>)[area, year, r.IndicatorId, r.Indicator, r.Group.ToString(), r.DfeColumn, N(r.Value), N(r.Numerator),
                N(r.Denominator), r.Suppressed ? "yes" : "no", r.Schools, N(r.Pupils), N(r.PublishedPupils), N(r.PercentOfPublished),
                N((double?)r.PublishedValue), r.Partial ? "yes" : "no"])], []);
    }
}

/// <summary>
/// Every indicator of an area (an LA, a locality or a school) for one year, one row per indicator and pupil group, for
/// scripts: <c>schoolsight figures</c> and <c>GET /api/v1/figures</c>. LA and locality figures count the schools the
/// DfE counts for each measure, and each says its coverage against the DfE's own LA row when imported. Small numbers
/// are suppressed for anyone who may not see the pupil-level data (and always for publication), a group's figure
/// with its complement's where one would give the other away. Null for an unknown area or one out of the user's scope.
/// </summary>
[Operation]
public sealed class GetAreaFigures(AppDbContext db, IndicatorCatalogueSource source)
{
    private static readonly (PupilGroup, PupilGroup)[] Complements =
        [(PupilGroup.Fsm, PupilGroup.NonFsm), (PupilGroup.Sen, PupilGroup.NonSen), (PupilGroup.InCare, PupilGroup.NotInCare), (PupilGroup.Eal, PupilGroup.NonEal), (PupilGroup.Boys, PupilGroup.Girls)];

    public async Task<AreaFigures?> RunAsync(FiguresRequest request, CancellationToken ct = default)
    {
        var (kind, code) = (request.Area.Kind, request.Area.Code);
        var number = int.Parse(code, CultureInfo.InvariantCulture);
        var registered = db.Schools.IgnoreQueryFilters().AsNoTracking();
        string? name;
        int? urn = null;
        switch (kind)
        {
            case AreaKind.School:
                // The school-scope filter applies: a user sees only the schools they may.
                name = await db.Schools.AsNoTracking().Where(s => s.Urn == number).Select(s => s.Details.Name).FirstOrDefaultAsync(ct);
                registered = registered.Where(s => s.Urn == number);
                urn = number;
                break;
            case AreaKind.Locality:
                name = await db.Localities.AsNoTracking().Where(l => l.Id == number).Select(l => l.Name + " locality").FirstOrDefaultAsync(ct);
                registered = registered.Where(s => s.LocalityId == number);
                break;
            default:
                name = await db.LocalAuthorities.AsNoTracking().Where(l => l.Code == number).Select(l => l.Name).FirstOrDefaultAsync(ct);
                registered = registered.Where(s => s.Details.LaCode == number);
                break;
        }
        if (name is null) return null;
        var suppressed = request.ForPublication || !PupilLevelAccess.SeesPupilLevel(db.CurrentUser.Role, db.CurrentUser.Scope, urn);

        var years = await db.IndicatorResults.AsNoTracking().Where(r => r.AreaKind == kind && r.AreaCode == code)
            .Select(r => r.AcademicYear).OrderBy(y => y).ToListAsync(ct);
        if (years.Count == 0) return new AreaFigures(kind, code, name, null, [], suppressed, []);
        var year = request.Year is { } wanted && years.Contains(wanted) ? wanted : request.Year is null ? years[^1] : (int?)null;
        if (year is not { } selected) return new AreaFigures(kind, code, name, request.Year, years, suppressed, []);

        var schools = await registered.Select(s => new { s.Urn, s.Details.TypeOfEstablishment, s.Details.EstablishmentTypeGroup }).ToListAsync(ct);
        var schoolCodes = schools.Select(s => s.Urn.ToString(CultureInfo.InvariantCulture)).ToList();
        var sets = await db.IndicatorResults.AsNoTracking()
            .Where(r => r.AcademicYear == selected && ((r.AreaKind == kind && r.AreaCode == code) || r.AreaKind == AreaKind.England
                || (r.AreaKind == AreaKind.School && schoolCodes.Contains(r.AreaCode))))
            .Select(r => new { r.AreaKind, r.AreaCode, r.Data, r.Source }).ToListAsync(ct);
        var computer = source.Computer;
        IndicatorTallies? Find(AreaKind k, string c) => sets.FirstOrDefault(s => s.AreaKind == k && s.AreaCode == c) is { } s ? TalliesCodec.Decode(s.Data, computer.Slots) : null;
        var tallies = Find(kind, code);
        var figures = new IndicatorFigures(computer, Find(AreaKind.England, IndicatorResultSet.EnglandCode));
        var schoolTallies = schools.Select(s => (Type: DfeSchoolTypes.FromRegister(s.TypeOfEstablishment, s.EstablishmentTypeGroup), Tallies: Find(AreaKind.School, s.Urn.ToString(CultureInfo.InvariantCulture)))).ToList();
        // A school's own figure counts itself, whatever its type; an area's counts the types the DfE counts for the measure.
        if (kind == AreaKind.School) schoolTallies = [.. schoolTallies.Select(s => (DfeSchoolType.StateFundedMainstream, s.Tallies))];
        var published = kind is AreaKind.School or AreaKind.LocalAuthority
            ? (await new PublishedTallies(computer).LoadAsync(db, kind, [selected], ct, code)).GetValueOrDefault((code, selected))
            : null;

        var rows = new List<FigureLine>();
        foreach (var indicator in source.Catalogue.Indicators)
        {
            var coverage = AreaCoverage.Of(indicator, source.Catalogue, tallies, schoolTallies, published, source.CoverageWarningBelow);
            var groups = indicator.HasGroups ? PupilGroups.All : [PupilGroup.All];
            var cells = groups.Select(g => (Group: g, Value: figures.Value(indicator, tallies, g), Tally: figures.TallyOf(indicator, tallies, g))).ToList();
            var hidden = suppressed ? Hidden(indicator, cells.Select(c => (c.Group, c.Tally)).ToList()) : new bool[cells.Count];
            for (var i = 0; i < cells.Count; i++)
            {
                var (group, value, tally) = cells[i];
                if (value is null && tally.IsEmpty) continue;
                var all = group == PupilGroup.All;
                var pupils = indicator.Kind == IndicatorKind.SchoolShare ? (double?)null : all ? coverage.Pupils : tally.C;
                rows.Add(hidden[i]
                    ? new FigureLine(indicator.Id, indicator.Name, group, all ? indicator.Published?.Column : null, null, null, null, true, coverage.Schools, null,
                        all ? coverage.PublishedPupils : null, null, all ? coverage.PublishedValue : null, false)
                    : new FigureLine(indicator.Id, indicator.Name, group, all ? indicator.Published?.Column : null, value?.Value, value?.Numerator, value?.Denominator, false,
                        coverage.Schools, pupils, all ? coverage.PublishedPupils : null, all ? coverage.PercentOfPublished : null, all ? coverage.PublishedValue : null, all && coverage.Partial));
            }
        }

        if (!suppressed && kind == AreaKind.School && sets.Any(s => s.AreaKind == AreaKind.School && PupilLevelReads.FromPupilData(s.Source)))
            await PupilLevelReads.RecordAsync(db, PupilLevelReads.SchoolFigures, code, urn, $"Every indicator, {AcademicYears.Display(selected)}: {name} (figures)", ct);
        return new AreaFigures(kind, code, name, selected, years, suppressed, rows);
    }

    /// <summary>Small numbers hidden, and a group's complement with it where the all-pupils figure would give it away.</summary>
    private static bool[] Hidden(IndicatorDefinition indicator, IReadOnlyList<(PupilGroup Group, Tally Tally)> cells)
    {
        var isCount = indicator.Kind is IndicatorKind.Proportion or IndicatorKind.GroupView or IndicatorKind.Gap or IndicatorKind.SchoolShare;
        var disclosure = cells.Select(c => new DisclosureCell(c.Tally.N, c.Tally.C > 0 ? c.Tally.C : c.Tally.D, isCount)).ToList();
        int At(PupilGroup g)
        {
            for (var i = 0; i < cells.Count; i++)
                if (cells[i].Group == g) return i;
            return -1;
        }
        var lines = Complements.Select(p => (All: At(PupilGroup.All), A: At(p.Item1), B: At(p.Item2)))
            .Where(l => l.All >= 0 && l.A >= 0 && l.B >= 0).Select(l => new AdditiveLine(l.All, [l.A, l.B])).ToList();
        return Suppression.Apply(disclosure, lines, SuppressionRule.Default);
    }
}

/// <summary>How <see cref="AreaFigures"/> is written as JSON by the command and the API: camelCase, enums by name.</summary>
public static class FiguresJson
{
    public static readonly System.Text.Json.JsonSerializerOptions Options = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };
}
