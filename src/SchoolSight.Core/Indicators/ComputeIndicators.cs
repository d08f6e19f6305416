using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Core.Indicators.Storage;
using SchoolSight.Core.Observability;
using SchoolSight.Domain.Indicators;
using SchoolSight.Domain.Indicators.Computation;
using SchoolSight.Domain.Published;

namespace SchoolSight.Core.Indicators;

/// <param name="Full">Recompute every school-year even when its data has not changed (after a catalogue change).</param>
/// <param name="Years">Only these academic years; all years held when empty.</param>
/// <param name="AreasOfEveryYear">Recompute the areas and similar schools of each of <paramref name="Years"/> even when none
/// of its schools changed (finishing a recompute that stopped after saving the schools).</param>
public sealed record ComputeRequest(bool Full = false, IReadOnlyCollection<int>? Years = null, bool AreasOfEveryYear = false);

public sealed record ComputeResult(int SchoolYearsComputed, int SchoolYearsUnchanged, int AreasComputed, int SimilarSetsComputed, IReadOnlyList<int> Years, TimeSpan Elapsed);

public enum ComputePhase { Reading, Schools, Areas, SimilarSchools, Saving }

public sealed record ComputeProgress(ComputePhase Phase, int Done, int Total);

/// <summary>
/// Recomputes the indicators (DOMAIN.md 3.2–3.3): each school-year's tallies from its pupil and survey blocks (only
/// those whose data changed, unless <see cref="ComputeRequest.Full"/>), then for every year touched the locality, LA and
/// England tallies (sums of the schools' of the types the DfE counts for each measure, with the school-share indicators
/// such as the floor standard counted over schools) and each school's similar schools, leaving out every figure the DfE
/// did not publish for its year. Run by <c>schoolsight compute</c> and after every import.
/// </summary>
[Operation]
public sealed class ComputeIndicators(AppDbContext db, IndicatorCatalogueSource source, SchoolSightTelemetry? telemetry = null, FiguresCache? figures = null)
{
    private const int ReadBatch = 2000;

    /// <summary>The source of an England result set whose headline figures are the DfE's own national ones.</summary>
    public const string EnglandFromDfe = "DfE national figures";

    /// <summary>The source of an England result set taken from a synthetic country's figures (the demo's), never the DfE's.</summary>
    public const string EnglandFromSyntheticCountry = "synthetic country, for the demo";

    /// <summary>What the pages call the England benchmark computed from <paramref name="source"/>: never "England" unless it is the DfE's.</summary>
    public static string EnglandLabel(string? source) => source switch
    {
        EnglandFromDfe => "England",
        EnglandFromSyntheticCountry => "England (synthetic country, for the demo)",
        _ => "All schools held",
    };

    public async Task<ComputeResult> RunAsync(ComputeRequest request, IProgress<ComputeProgress>? progress = null, CancellationToken ct = default)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var computer = source.Computer;
        var now = db.UtcNow;
        var years = request.Years is { Count: > 0 } ? request.Years.ToHashSet() : null;

        // What each school-year was computed from last time, and what it would be computed from now.
        var pupilHashes = await db.PupilDataBlocks.AsNoTracking()
            .Where(b => years == null || years.Contains(b.AcademicYear))
            .Select(b => new { b.Urn, b.AcademicYear, b.Sha256 }).ToListAsync(ct);
        var surveyHashes = await db.SurveyDataBlocks.AsNoTracking()
            .Where(b => years == null || years.Contains(b.AcademicYear))
            .Select(b => new { b.Urn, b.AcademicYear, b.Sha256 }).ToListAsync(ct);
        var inputs = new Dictionary<(int Urn, int Year), string>();
        foreach (var b in pupilHashes) inputs[(b.Urn, b.AcademicYear)] = "p" + b.Sha256;
        foreach (var b in surveyHashes)
            inputs[(b.Urn, b.AcademicYear)] = inputs.GetValueOrDefault((b.Urn, b.AcademicYear), "") + "s" + b.Sha256;
        // A school-year with no pupil-level data is computed from the DfE's published figures, when it has any.
        var published = new PublishedTallies(computer);
        var publishedSchools = await published.LoadAsync(db, AreaKind.School, years, ct);
        var schoolFigures = new Dictionary<(int Urn, int Year), Dictionary<string, decimal>>();
        var withPupils = pupilHashes.Select(b => (b.Urn, b.AcademicYear)).ToHashSet();
        foreach (var ((code, year), figures) in publishedSchools)
        {
            // A school with pupil-level data takes from the published figures only the measures its pupil file cannot count.
            if (!int.TryParse(code, out var urn) || (withPupils.Contains((urn, year)) && !published.AnyPublishedOnly)) continue;
            schoolFigures[(urn, year)] = figures;
            inputs[(urn, year)] = inputs.GetValueOrDefault((urn, year), "") + "f" + PublishedTallies.Describe(figures);
        }
        var catalogueStamp = CatalogueStamp(computer);
        var wanted = inputs.ToDictionary(kv => kv.Key, kv => Hash(kv.Value + catalogueStamp));

        var previous = await db.IndicatorResults.AsNoTracking()
            .Where(r => r.AreaKind == AreaKind.School && (years == null || years.Contains(r.AcademicYear)))
            .Select(r => new { r.AreaCode, r.AcademicYear, r.InputHash }).ToListAsync(ct);
        var previousHash = previous.ToDictionary(r => (int.Parse(r.AreaCode), r.AcademicYear), r => r.InputHash);

        // A school-year whose pupil-level data was removed at the end of the retention period keeps the figures
        // computed from it (even a full recompute leaves them), unless pupil or survey data is held for it again.
        var withBlocks = withPupils.Concat(surveyHashes.Select(b => (b.Urn, b.AcademicYear))).ToHashSet();
        foreach (var key in previousHash.Where(kv => kv.Value == IndicatorResultSet.KeptAfterRetention && !withBlocks.Contains(kv.Key)).Select(kv => kv.Key).ToList())
        {
            wanted.Remove(key);
            previousHash.Remove(key);
        }
        var stale = wanted.Where(kv => request.Full || previousHash.GetValueOrDefault(kv.Key) != kv.Value).Select(kv => kv.Key).ToHashSet();
        var removed = previousHash.Keys.Where(k => !wanted.ContainsKey(k)).ToList();
        var touchedYears = stale.Select(k => k.Year).Concat(removed.Select(k => k.Item2))
            .Concat(request.AreasOfEveryYear && years is not null ? years : []).Distinct().Order().ToList();

        // Schools: read the stale blocks a batch at a time, count each school-year in parallel, save.
        var computed = await ComputeSchoolsAsync(stale, wanted, schoolFigures, published, computer, now, progress, ct);
        foreach (var (urn, year) in removed)
            await db.IndicatorResults.Where(r => r.AreaKind == AreaKind.School && r.AreaCode == urn.ToString() && r.AcademicYear == year).ExecuteDeleteAsync(ct);

        // Areas and similar schools for every year with a change: cheap, from the stored school tallies.
        var areas = 0;
        var similar = 0;
        foreach (var year in touchedYears)
        {
            progress?.Report(new(ComputePhase.Areas, touchedYears.IndexOf(year), touchedYears.Count));
            var (a, s) = await ComputeAreasAsync(year, computer, published, now, ct);
            areas += a;
            similar += s;
        }
        if (computed > 0 || removed.Count > 0 || touchedYears.Count > 0) await FiguresCache.RaiseVersionAsync(db, figures, ct);
        telemetry?.RecomputeFinished(computed, wanted.Count - stale.Count, areas, started.Elapsed);
        return new ComputeResult(computed, wanted.Count - stale.Count, areas, similar, touchedYears, started.Elapsed);
    }

    private async Task<int> ComputeSchoolsAsync(HashSet<(int Urn, int Year)> stale, Dictionary<(int, int), string> wanted,
        Dictionary<(int Urn, int Year), Dictionary<string, decimal>> schoolFigures, PublishedTallies published,
        IndicatorComputer computer, DateTime now, IProgress<ComputeProgress>? progress, CancellationToken ct)
    {
        var done = 0;
        foreach (var yearGroup in stale.GroupBy(k => k.Year).OrderBy(g => g.Key))
        {
            var year = yearGroup.Key;
            var urns = yearGroup.Select(k => k.Urn).Order().ToList();
            for (var at = 0; at < urns.Count; at += ReadBatch)
            {
                var batch = urns.Skip(at).Take(ReadBatch).ToList();
                progress?.Report(new(ComputePhase.Reading, done, stale.Count));
                var pupilData = await db.PupilDataBlocks.AsNoTracking()
                    .Where(b => b.AcademicYear == year && batch.Contains(b.Urn))
                    .Select(b => new { b.Urn, b.Data }).ToDictionaryAsync(b => b.Urn, b => b.Data, ct);
                var surveyData = await db.SurveyDataBlocks.AsNoTracking()
                    .Where(b => b.AcademicYear == year && batch.Contains(b.Urn))
                    .Select(b => new { b.Urn, b.Data }).ToDictionaryAsync(b => b.Urn, b => b.Data, ct);

                progress?.Report(new(ComputePhase.Schools, done, stale.Count));
                var results = new ConcurrentBag<IndicatorResultSet>();
                Parallel.ForEach(batch, new ParallelOptions { CancellationToken = ct }, urn =>
                {
                    var pupils = pupilData.TryGetValue(urn, out var p) ? PupilBlockCodec.Decode(p) : null;
                    var survey = surveyData.TryGetValue(urn, out var s) ? SurveyBlockCodec.Decode(s) : null;
                    var tallies = computer.Compute(pupils, survey);
                    var figures = schoolFigures.GetValueOrDefault((urn, year));
                    if (figures is not null)
                    {
                        published.Fill(tallies, figures, publishedOnly: pupils is not null);
                        computer.CountSchoolShares(tallies);
                    }
                    computer.WithholdUnpublished(tallies, year);
                    var sourceName = string.Join(" and ", new[] { pupils is null ? null : "pupil-level", figures is null ? null : "published", survey is null ? null : "survey" }.OfType<string>());
                    results.Add(new IndicatorResultSet(AreaKind.School, urn.ToString(), year, TalliesCodec.Encode(tallies), wanted[(urn, year)], sourceName, now));
                });

                progress?.Report(new(ComputePhase.Saving, done, stale.Count));
                var codes = batch.Select(u => u.ToString()).ToList();
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                await db.IndicatorResults.Where(r => r.AreaKind == AreaKind.School && r.AcademicYear == year && codes.Contains(r.AreaCode)).ExecuteDeleteAsync(ct);
                db.IndicatorResults.AddRange(results);
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                await transaction.CommitAsync(ct);
                done += batch.Count;
            }
        }
        return done;
    }

    /// <summary>Sums the schools of one year into their localities, LAs and England, and finds each school's similar schools.</summary>
    private async Task<(int Areas, int Similar)> ComputeAreasAsync(int year, IndicatorComputer computer, PublishedTallies published, DateTime now, CancellationToken ct)
    {
        var schools = await db.Schools.IgnoreQueryFilters().AsNoTracking()
            .Select(s => new { s.Urn, s.LocalityId, s.Details.LaCode, s.Phase, s.Details.TypeOfEstablishment, s.Details.EstablishmentTypeGroup })
            .ToDictionaryAsync(s => s.Urn, ct);
        // Each indicator's area figures count only the school types the DfE counts for that measure (docs/indicators.md).
        var counted = Enum.GetValues<DfeSchoolType>().ToDictionary(t => t, t => computer.Slots.Select(d => d.SchoolTypes.Counts(t)).ToArray());
        var stored = await db.IndicatorResults.AsNoTracking()
            .Where(r => r.AreaKind == AreaKind.School && r.AcademicYear == year)
            .Select(r => new { r.AreaCode, r.Data }).ToListAsync(ct);

        var schoolTallies = new ConcurrentDictionary<int, IndicatorTallies>();
        Parallel.ForEach(stored, r => schoolTallies[int.Parse(r.AreaCode)] = TalliesCodec.Decode(r.Data, computer.Slots));

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

        var similar = SimilarSchools.Find(intakes, source.SimilarSchools);
        var method = source.SimilarSchools.Describe();

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.IndicatorResults.Where(r => r.AreaKind != AreaKind.School && r.AreaCode != IndicatorResultSet.SyntheticCountryCode && r.AcademicYear == year).ExecuteDeleteAsync(ct);
        var batch = new List<IndicatorResultSet>();
        async Task Flush()
        {
            db.IndicatorResults.AddRange(batch);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            batch.Clear();
        }
        foreach (var ((kind, code), tallies) in areas)
            batch.Add(new IndicatorResultSet(kind, code, year, TalliesCodec.Encode(tallies), "",
                kind == AreaKind.England ? englandSource : "computed from schools", now));
        await Flush();

        await db.SimilarSchoolSets.Where(s => s.AcademicYear == year).ExecuteDeleteAsync(ct);
        var sets = similar.Select(kv => new SimilarSchoolSet(kv.Key, year, method, SimilarSchools.Encode(kv.Value), now)).ToList();
        for (var at = 0; at < sets.Count; at += ReadBatch)
        {
            db.SimilarSchoolSets.AddRange(sets.Skip(at).Take(ReadBatch));
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        await transaction.CommitAsync(ct);
        return (areas.Count, sets.Count);
    }

    /// <summary>Changes when the catalogue's counted indicators change, so their figures are recomputed.</summary>
    private static string CatalogueStamp(IndicatorComputer computer) =>
        string.Join("|", computer.Slots.Select(s => $"{s.Id}:{s.Kind}:{s.Count}:{s.Of}:{s.Value?.Name}:{s.Over?.Name}:{s.Question?.Column}:{s.Respondents}:{s.SchoolRule}:{s.Published?.Cohort}:{s.Published?.Coverage}:{string.Join(",", s.NotPublished.Select(g => $"{g.From}-{g.To}"))}"));

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
