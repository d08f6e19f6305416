using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Core.Indicators.Storage;
using SchoolSight.Domain.Indicators;
using SchoolSight.Domain.Indicators.Computation;
using SchoolSight.Domain.Published;

namespace SchoolSight.Core.Indicators;

public sealed partial class ComputeIndicators
{
    /// <summary>
    /// Sums the schools of one year into their localities, LAs and England, and finds each school's similar schools.
    /// The school tallies just counted (<paramref name="fresh"/>) are used as they are; only the other schools' stored
    /// results are read and decoded. The area results and similar-school sets are replaced in bulk in one transaction.
    /// </summary>
    private async Task<(int Areas, int Similar)> ComputeAreasAsync(int year, IReadOnlyDictionary<int, IndicatorTallies> fresh, IndicatorComputer computer,
        PublishedTallies published, DateTime now, RecomputeTimings timings, CancellationToken ct)
    {
        var clock = System.Diagnostics.Stopwatch.GetTimestamp();
        var schools = await db.Schools.IgnoreQueryFilters().AsNoTracking()
            .Select(s => new { s.Urn, s.LocalityId, s.Details.LaCode, s.Phase, s.Details.TypeOfEstablishment, s.Details.EstablishmentTypeGroup })
            .ToDictionaryAsync(s => s.Urn, ct);
        // Each indicator's area figures count only the school types the DfE counts for that measure (docs/indicators.md).
        var counted = Enum.GetValues<DfeSchoolType>().ToDictionary(t => t, t => computer.Slots.Select(d => d.SchoolTypes.Counts(t)).ToArray());
        var schoolTallies = await SchoolTalliesAsync(year, fresh, computer, ct);
        clock = timings.Add(RecomputeStep.ReadingSchoolResults, clock);

        var areas = new Dictionary<(AreaKind, string), IndicatorTallies>();
        IndicatorTallies Area(AreaKind kind, string code)
        {
            if (!areas.TryGetValue((kind, code), out var t)) areas[(kind, code)] = t = computer.NewTallies();
            return t;
        }
        var intakes = new List<SchoolIntake>();
        foreach (var (urn, tallies) in schoolTallies.OrderBy(kv => kv.Key))
        {
            // A school not in the register is of no known type: it is in no area's figures.
            if (schools.TryGetValue(urn, out var school))
            {
                var slots = counted[DfeSchoolTypes.FromRegister(school.TypeOfEstablishment, school.EstablishmentTypeGroup)];
                Area(AreaKind.England, IndicatorResultSet.EnglandCode).Add(tallies, slots);
                Area(AreaKind.LocalAuthority, school.LaCode.ToString()).Add(tallies, slots);
                if (school.LocalityId is { } locality) Area(AreaKind.Locality, locality.ToString()).Add(tallies, slots);
                if (tallies.Intake.Pupils > 0) intakes.Add(new SchoolIntake(urn, school.Phase.ToString(), tallies.Intake));
            }
        }

        // England: the DfE's own national figures where they are held (state-funded schools, as SchoolSight's schools
        // are), rather than the sum of the schools one LA holds.
        var englandFigures = await published.LoadAsync(db, AreaKind.England, [year], ct);
        var national = englandFigures.GetValueOrDefault((AreaCodes.EnglandStateFunded, year)) ?? englandFigures.GetValueOrDefault((AreaCodes.England, year));
        if (national is not null) published.Fill(Area(AreaKind.England, IndicatorResultSet.EnglandCode), national);
        // Failing those, a synthetic country's figures where they are held (the demo's), labelled as such.
        var englandSource = national is not null ? EnglandFromDfe : "computed from schools";
        if (national is null && await db.IndicatorResults.AsNoTracking()
                .Where(r => r.AreaKind == AreaKind.England && r.AreaCode == IndicatorResultSet.SyntheticCountryCode && r.AcademicYear == year)
                .Select(r => r.Data).FirstOrDefaultAsync(ct) is { } synthetic)
        {
            areas[(AreaKind.England, IndicatorResultSet.EnglandCode)] = TalliesCodec.Decode(synthetic, computer.Slots);
            englandSource = EnglandFromSyntheticCountry;
        }
        foreach (var tallies in areas.Values) computer.WithholdUnpublished(tallies, year);
        clock = timings.Add(RecomputeStep.SummingAreas, clock);

        var similar = SimilarSchools.Find(intakes, source.SimilarSchools);
        var method = source.SimilarSchools.Describe();
        clock = timings.Add(RecomputeStep.FindingSimilar, clock);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.IndicatorResults.Where(r => r.AreaKind != AreaKind.School && r.AreaCode != IndicatorResultSet.SyntheticCountryCode && r.AcademicYear == year).ExecuteDeleteAsync(ct);
        await new BulkTable(db, typeof(IndicatorResultSet)).InsertAsync([.. areas.Select(a => new IndicatorResultSet(a.Key.Item1, a.Key.Item2, year,
            TalliesCodec.Encode(a.Value), "", a.Key.Item1 == AreaKind.England ? englandSource : "computed from schools", now))], ct);
        clock = timings.Add(RecomputeStep.SavingAreas, clock);

        await db.SimilarSchoolSets.Where(s => s.AcademicYear == year).ExecuteDeleteAsync(ct);
        await new BulkTable(db, typeof(SimilarSchoolSet)).InsertAsync([.. similar.Select(kv => new SimilarSchoolSet(kv.Key, year, method, SimilarSchools.Encode(kv.Value), now))], ct);
        await transaction.CommitAsync(ct);
        timings.Add(RecomputeStep.SavingSimilar, clock);
        return (areas.Count, similar.Count);
    }

    /// <summary>
    /// Every school's tallies for the year: those just counted, and the stored results of the rest (read only when there
    /// are any: a school-year left unchanged, or kept after the retention period).
    /// </summary>
    private async Task<Dictionary<int, IndicatorTallies>> SchoolTalliesAsync(int year, IReadOnlyDictionary<int, IndicatorTallies> fresh,
        IndicatorComputer computer, CancellationToken ct)
    {
        var held = await db.IndicatorResults.AsNoTracking()
            .Where(r => r.AreaKind == AreaKind.School && r.AcademicYear == year)
            .Select(r => r.AreaCode).ToListAsync(ct);
        var others = held.Where(code => !fresh.ContainsKey(int.Parse(code))).ToList();
        var all = new ConcurrentDictionary<int, IndicatorTallies>(fresh);
        if (others.Count == 0) return new Dictionary<int, IndicatorTallies>(all);
        var query = db.IndicatorResults.AsNoTracking().Where(r => r.AreaKind == AreaKind.School && r.AcademicYear == year);
        // A few: read just those; many (a recompute of a few schools): read the year's and skip the ones just counted.
        if (others.Count <= ReadBatch) query = query.Where(r => others.Contains(r.AreaCode));
        var stored = await query.Select(r => new { r.AreaCode, r.Data }).ToListAsync(ct);
        Parallel.ForEach(stored, r =>
        {
            var urn = int.Parse(r.AreaCode);
            if (!fresh.ContainsKey(urn)) all[urn] = TalliesCodec.Decode(r.Data, computer.Slots);
        });
        return new Dictionary<int, IndicatorTallies>(all);
    }
}
