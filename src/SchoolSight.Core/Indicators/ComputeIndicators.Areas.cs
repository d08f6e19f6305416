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
    /// <summary>How many indicators each thread sums into the areas at a time.</summary>
    private const int AreaSlotsPerThread = 8;

    /// <summary>
    /// Sums the schools of one year into their localities, LAs and England, and finds each school's similar schools.
    /// The school tallies just counted (<paramref name="fresh"/>, packed as stored) are used as they are; only the other
    /// schools' stored results (<paramref name="others"/>, known from the recompute's first read) are read, decoded and packed. The area results
    /// and similar-school sets are replaced in bulk in one transaction.
    /// </summary>
    private async Task<(int Areas, int Similar)> ComputeAreasAsync(int year, IReadOnlyDictionary<int, PackedTallies> fresh, List<int> others, IndicatorComputer computer,
        PublishedTallies published, Dictionary<(string Code, int Year), Dictionary<string, decimal>> englandFigures, DateTime now, RecomputeTimings timings, CancellationToken ct)
    {
        var clock = System.Diagnostics.Stopwatch.GetTimestamp();
        var schools = await db.Schools.IgnoreQueryFilters().AsNoTracking()
            .Select(s => new { s.Urn, s.LocalityId, s.Details.LaCode, s.Phase, s.Details.TypeOfEstablishment, s.Details.EstablishmentTypeGroup })
            .ToDictionaryAsync(s => s.Urn, ct);
        // Each indicator's area figures count only the school types the DfE counts for that measure (docs/indicators.md).
        var counted = Enum.GetValues<DfeSchoolType>().ToDictionary(t => t, t => computer.Slots.Select(d => d.SchoolTypes.Counts(t)).ToArray());
        var (schoolTallies, synthetic) = await SchoolTalliesAsync(year, fresh, others, computer, ct);
        clock = timings.Add(RecomputeStep.ReadingSchoolResults, clock);

        var areas = new Dictionary<(AreaKind, string), IndicatorTallies>();
        IndicatorTallies Area(AreaKind kind, string code)
        {
            if (!areas.TryGetValue((kind, code), out var t)) areas[(kind, code)] = t = computer.NewTallies();
            return t;
        }
        // Each school with the areas it counts in, in URN order; the intakes are summed here, the tallies below.
        var members = new List<(PackedTallies Tallies, int[] Runs, IndicatorTallies[] Areas)>(schoolTallies.Count);
        var las = new Dictionary<int, IndicatorTallies>();
        var localities = new Dictionary<int, IndicatorTallies>();
        var intakes = new List<SchoolIntake>();
        // The runs of indicators counted for each type of school in the register, worked out once a type (a few dozen
        // types among thousands of schools; working one out compares its names as text).
        var runsOfType = new Dictionary<(string?, string?), int[]>();
        foreach (var (urn, tallies) in schoolTallies.OrderBy(kv => kv.Key))
        {
            // A school not in the register is of no known type: it is in no area's figures.
            if (!schools.TryGetValue(urn, out var school)) continue;
            var england = Area(AreaKind.England, IndicatorResultSet.EnglandCode);
            if (!las.TryGetValue(school.LaCode, out var la)) las[school.LaCode] = la = Area(AreaKind.LocalAuthority, school.LaCode.ToString());
            IndicatorTallies? locality = null;
            if (school.LocalityId is { } id && !localities.TryGetValue(id, out locality)) localities[id] = locality = Area(AreaKind.Locality, id.ToString());
            IndicatorTallies[] into = locality is null ? [england, la] : [england, la, locality];
            foreach (var area in into) area.Intake = area.Intake.Add(tallies.Intake);
            // Only the indicators counted for the school's type, and of those only its tallies not all zeros: the rest add nothing.
            var type = (school.TypeOfEstablishment, school.EstablishmentTypeGroup);
            if (!runsOfType.TryGetValue(type, out var runs))
            {
                var slots = counted[DfeSchoolTypes.FromRegister(type.TypeOfEstablishment, type.EstablishmentTypeGroup)];
                runsOfType[type] = runs = IndicatorTallies.Runs(slots, slots.Length);
            }
            members.Add((tallies, runs, into));
            if (tallies.Intake.Pupils > 0) intakes.Add(new SchoolIntake(urn, school.Phase.ToString(), tallies.Intake));
        }
        // The tallies, a range of indicators per thread: every figure is still the sum of its schools' in URN order.
        Parallel.For(0, (computer.Slots.Count + AreaSlotsPerThread - 1) / AreaSlotsPerThread, new ParallelOptions { CancellationToken = ct }, chunk =>
        {
            var from = chunk * AreaSlotsPerThread;
            var to = Math.Min(from + AreaSlotsPerThread, computer.Slots.Count);
            foreach (var (tallies, runs, into) in members)
                foreach (var area in into) tallies.AddInto(area, runs, from, to);
        });

        // England: the DfE's own national figures where they are held (state-funded schools, as SchoolSight's schools
        // are), rather than the sum of the schools one LA holds.
        var national = englandFigures.GetValueOrDefault((AreaCodes.EnglandStateFunded, year)) ?? englandFigures.GetValueOrDefault((AreaCodes.England, year));
        if (national is not null) published.Fill(Area(AreaKind.England, IndicatorResultSet.EnglandCode), national);
        // Failing those, a synthetic country's figures where they are held (the demo's), labelled as such.
        var englandSource = national is not null ? EnglandFromDfe : "computed from schools";
        if (national is null && synthetic is not null)
        {
            areas[(AreaKind.England, IndicatorResultSet.EnglandCode)] = TalliesCodec.Decode(synthetic, computer.Slots);
            englandSource = EnglandFromSyntheticCountry;
        }
        foreach (var tallies in areas.Values) computer.WithholdUnpublished(tallies, year);
        clock = timings.Add(RecomputeStep.SummingAreas, clock);

        var similar = SimilarSchools.Find(intakes, source.SimilarSchools);
        var method = source.SimilarSchools.Describe();
        // Each set encoded as stored, on both cores, before the transaction opens.
        var sets = similar.ToArray();
        var similarRows = new object[sets.Length];
        Parallel.For(0, sets.Length, i => similarRows[i] = new SimilarSchoolSet(sets[i].Key, year, method, SimilarSchools.Encode(sets[i].Value), now));
        clock = timings.Add(RecomputeStep.FindingSimilar, clock);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // On PostgreSQL the area results, about 14 KB each, are compressed with LZ4 as the school results are.
        await ToastCompression.UseLz4Async(db, ct);
        await db.IndicatorResults.Where(r => r.AreaKind != AreaKind.School && r.AreaCode != IndicatorResultSet.SyntheticCountryCode && r.AcademicYear == year).ExecuteDeleteAsync(ct);
        await new BulkTable(db, typeof(IndicatorResultSet)).InsertAsync([.. areas.Select(a => new IndicatorResultSet(a.Key.Item1, a.Key.Item2, year,
            TalliesCodec.Encode(a.Value), "", a.Key.Item1 == AreaKind.England ? englandSource : "computed from schools", now))], ct);
        clock = timings.Add(RecomputeStep.SavingAreas, clock);

        await db.SimilarSchoolSets.Where(s => s.AcademicYear == year).ExecuteDeleteAsync(ct);
        await new BulkTable(db, typeof(SimilarSchoolSet)).InsertAsync(similarRows, ct);
        await transaction.CommitAsync(ct);
        timings.Add(RecomputeStep.SavingSimilar, clock);
        return (areas.Count, similar.Count);
    }

    /// <summary>
    /// Every school's tallies for the year: those just counted, and the stored results of the rest (read only when there
    /// are any: a school-year left unchanged, or kept after the retention period); and the synthetic country's stored
    /// figures for the year when there are any.
    /// </summary>
    private async Task<(Dictionary<int, PackedTallies> Schools, byte[]? Synthetic)> SchoolTalliesAsync(int year, IReadOnlyDictionary<int, PackedTallies> fresh,
        List<int> others, IndicatorComputer computer, CancellationToken ct)
    {
        var synthetic = await db.IndicatorResults.AsNoTracking()
            .Where(r => r.AreaKind == AreaKind.England && r.AreaCode == IndicatorResultSet.SyntheticCountryCode && r.AcademicYear == year)
            .Select(r => r.Data).FirstOrDefaultAsync(ct);
        var all = new ConcurrentDictionary<int, PackedTallies>(fresh);
        if (others.Count == 0) return (new Dictionary<int, PackedTallies>(all), synthetic);
        var query = db.IndicatorResults.AsNoTracking().Where(r => r.AreaKind == AreaKind.School && r.AcademicYear == year);
        // A few: read just those; many (a recompute of a few schools): read the year's and skip the ones just counted.
        if (others.Count <= ReadBatch)
        {
            var codes = others.Select(u => u.ToString()).ToList();
            query = query.Where(r => codes.Contains(r.AreaCode));
        }
        var stored = await query.Select(r => new { r.AreaCode, r.Data }).ToListAsync(ct);
        Parallel.ForEach(stored, r =>
        {
            var urn = int.Parse(r.AreaCode);
            if (!fresh.ContainsKey(urn)) all[urn] = PackedTallies.Of(TalliesCodec.Decode(r.Data, computer.Slots));
        });
        return (new Dictionary<int, PackedTallies>(all), synthetic);
    }
}
