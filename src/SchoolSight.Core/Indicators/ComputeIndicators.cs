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

public sealed record ComputeResult(int SchoolYearsComputed, int SchoolYearsUnchanged, int AreasComputed, int SimilarSetsComputed, IReadOnlyList<int> Years, TimeSpan Elapsed)
{
    /// <summary>Where the time went, part by part.</summary>
    public RecomputeTimings Timings { get; init; } = new();
}

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
public sealed partial class ComputeIndicators(AppDbContext db, IndicatorCatalogueSource source, SchoolSightTelemetry? telemetry = null, FiguresCache? figures = null)
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
        var timings = new RecomputeTimings();
        var clock = System.Diagnostics.Stopwatch.GetTimestamp();
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
        // England's published figures come in the same read, for the areas.
        var (publishedSchools, englandFigures) = await published.LoadSchoolsAndEnglandAsync(db, years, ct);
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
        // Each school-year's input hash, on both cores (a few KB of catalogue stamp hashed for each).
        var keys = inputs.Keys.ToArray();
        var hashes = new string[keys.Length];
        Parallel.For(0, keys.Length, i => hashes[i] = Hash(inputs[keys[i]] + catalogueStamp));
        var wanted = new Dictionary<(int Urn, int Year), string>(keys.Length);
        for (var i = 0; i < keys.Length; i++) wanted[keys[i]] = hashes[i];

        var previous = await db.IndicatorResults.AsNoTracking()
            .Where(r => r.AreaKind == AreaKind.School && (years == null || years.Contains(r.AcademicYear)))
            .Select(r => new { r.AreaCode, r.AcademicYear, r.InputHash }).ToListAsync(ct);
        var previousHash = previous.ToDictionary(r => (int.Parse(r.AreaCode), r.AcademicYear), r => r.InputHash);
        var heldBefore = previousHash.Keys.ToHashSet();

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

        timings.Add(RecomputeStep.FindingChanges, clock);

        // Year by year: the schools (read the stale blocks a batch at a time, count each school-year in parallel, save),
        // then the areas and similar schools, from the school tallies just counted and those stored for the rest.
        var computed = 0;
        var areas = 0;
        var similar = 0;
        foreach (var year in touchedYears)
        {
            var counted = await ComputeSchoolsAsync(year, [.. stale.Where(k => k.Year == year).Select(k => k.Urn).Order()], wanted, schoolFigures,
                published, computer, now, timings, (computed, stale.Count), progress, ct);
            computed += counted.Count;
            clock = System.Diagnostics.Stopwatch.GetTimestamp();
            foreach (var (urn, _) in removed.Where(k => k.Item2 == year))
                await db.IndicatorResults.Where(r => r.AreaKind == AreaKind.School && r.AreaCode == urn.ToString() && r.AcademicYear == year).ExecuteDeleteAsync(ct);
            timings.Add(RecomputeStep.SavingSchools, clock);

            progress?.Report(new(ComputePhase.Areas, touchedYears.IndexOf(year), touchedYears.Count));
            // The school results held now that were not just counted: those held before, less those just removed.
            var notCounted = heldBefore.Where(k => k.Item2 == year && !counted.ContainsKey(k.Item1)).Select(k => k.Item1).Except(removed.Where(k => k.Item2 == year).Select(k => k.Item1)).ToList();
            var (a, s) = await ComputeAreasAsync(year, counted, notCounted, computer, published, englandFigures, now, timings, ct);
            areas += a;
            similar += s;
        }
        if (computed > 0 || removed.Count > 0 || touchedYears.Count > 0) await FiguresCache.RaiseVersionAsync(db, figures, ct);
        telemetry?.RecomputeFinished(computed, wanted.Count - stale.Count, areas, started.Elapsed, timings);
        return new ComputeResult(computed, wanted.Count - stale.Count, areas, similar, touchedYears, started.Elapsed) { Timings = timings };
    }

    /// <summary>
    /// Counts the school-years of <paramref name="urns"/> in <paramref name="year"/> and saves their results, a batch at a
    /// time, each batch in its own transaction; returns each school's tallies packed as stored (<see cref="PackedTallies"/>),
    /// for the year's areas. While a batch is counted on every core, the database saves the batch before and reads the
    /// batch after (one at a time, on the one connection), so no core waits for the database while there is counting to do.
    /// </summary>
    private async Task<Dictionary<int, PackedTallies>> ComputeSchoolsAsync(int year, List<int> urns, Dictionary<(int, int), string> wanted,
        Dictionary<(int Urn, int Year), Dictionary<string, decimal>> schoolFigures, PublishedTallies published, IndicatorComputer computer,
        DateTime now, RecomputeTimings timings, (int Done, int Total) progressSoFar, IProgress<ComputeProgress>? progress, CancellationToken ct)
    {
        var (done, total) = progressSoFar;
        var counted = new Dictionary<int, PackedTallies>(urns.Count);
        var resultRows = new BulkTable(db, typeof(IndicatorResultSet));
        var batches = urns.Chunk(ReadBatch).ToList();
        if (batches.Count == 0) return counted;

        progress?.Report(new(ComputePhase.Reading, done, total));
        var first = new RecomputeTimings.ThreadTimes();
        var next = await ReadBlocksAsync(year, batches[0], first, ct);
        timings.Spread(first.Started, first);
        List<(IndicatorResultSet Row, PackedTallies Tallies)>? unsaved = null;
        for (var b = 0; b < batches.Count; b++)
        {
            var (batch, blocks) = (batches[b], next);
            progress?.Report(new(ComputePhase.Schools, done, total));
            var window = System.Diagnostics.Stopwatch.GetTimestamp();
            var threads = new RecomputeTimings.ThreadTimes();
            var counting = Task.Run(() => CountBatch(year, batch, blocks, wanted, schoolFigures, published, computer, now, threads, ct), ct);
            var database = new RecomputeTimings.ThreadTimes();
            try
            {
                if (unsaved is not null) await SaveBatchAsync(year, unsaved, resultRows, counted, database, ct);
                if (b + 1 < batches.Count) next = await ReadBlocksAsync(year, batches[b + 1], database, ct);
            }
            finally
            {
                unsaved = await counting;
            }
            threads.Merge(database);
            timings.Spread(window, threads);
            done += batch.Length;
        }
        progress?.Report(new(ComputePhase.Saving, done, total));
        var last = new RecomputeTimings.ThreadTimes();
        await SaveBatchAsync(year, unsaved!, resultRows, counted, last, ct);
        timings.Spread(last.Started, last);
        return counted;
    }

    /// <summary>Reads the pupil and survey blocks of one batch of schools, timing each read in <paramref name="times"/>.</summary>
    private async Task<(Dictionary<int, byte[]> Pupils, Dictionary<int, byte[]> Surveys)> ReadBlocksAsync(int year, int[] batch, RecomputeTimings.ThreadTimes times, CancellationToken ct)
    {
        var clock = System.Diagnostics.Stopwatch.GetTimestamp();
        var pupilData = await db.PupilDataBlocks.AsNoTracking()
            .Where(b => b.AcademicYear == year && batch.Contains(b.Urn))
            .Select(b => new { b.Urn, b.Data }).ToDictionaryAsync(b => b.Urn, b => b.Data, ct);
        clock = times.Add(RecomputeStep.ReadingPupilBlocks, clock);
        var surveyData = await db.SurveyDataBlocks.AsNoTracking()
            .Where(b => b.AcademicYear == year && batch.Contains(b.Urn))
            .Select(b => new { b.Urn, b.Data }).ToDictionaryAsync(b => b.Urn, b => b.Data, ct);
        times.Add(RecomputeStep.ReadingSurveyBlocks, clock);
        return (pupilData, surveyData);
    }

    /// <summary>Counts one batch of schools on every core: each school's result row as stored, and its tallies packed.</summary>
    private static List<(IndicatorResultSet Row, PackedTallies Tallies)> CountBatch(int year, int[] batch, (Dictionary<int, byte[]> Pupils, Dictionary<int, byte[]> Surveys) blocks,
        Dictionary<(int, int), string> wanted, Dictionary<(int Urn, int Year), Dictionary<string, decimal>> schoolFigures, PublishedTallies published,
        IndicatorComputer computer, DateTime now, RecomputeTimings.ThreadTimes threads, CancellationToken ct)
    {
        var results = new ConcurrentBag<(IndicatorResultSet Row, PackedTallies Tallies)>();
        Parallel.ForEach(batch, new ParallelOptions { CancellationToken = ct }, () => new RecomputeTimings.ThreadTimes(), (urn, _, times) =>
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var pupils = blocks.Pupils.TryGetValue(urn, out var p) ? PupilBlockCodec.Decode(p) : null;
            started = times.Add(RecomputeStep.DecodingPupils, started);
            var survey = blocks.Surveys.TryGetValue(urn, out var s) ? SurveyBlockCodec.Decode(s) : null;
            times.Add(RecomputeStep.DecodingSurveys, started);
            var tallies = computer.Compute(pupils, survey, times.Counting);
            started = System.Diagnostics.Stopwatch.GetTimestamp();
            var figures = schoolFigures.GetValueOrDefault((urn, year));
            if (figures is not null)
            {
                published.Fill(tallies, figures, publishedOnly: pupils is not null);
                computer.CountSchoolShares(tallies);
            }
            computer.WithholdUnpublished(tallies, year);
            var sourceName = string.Join(" and ", new[] { pupils is null ? null : "pupil-level", figures is null ? null : "published", survey is null ? null : "survey" }.OfType<string>());
            var row = new IndicatorResultSet(AreaKind.School, urn.ToString(), year, TalliesCodec.Encode(tallies), wanted[(urn, year)], sourceName, now);
            results.Add((row, PackedTallies.Of(tallies)));
            times.Add(RecomputeStep.SharesAndEncoding, started);
            return times;
        }, threads.Merge);
        return [.. results];
    }

    /// <summary>Replaces one batch's school results in one transaction and keeps their packed tallies in <paramref name="counted"/>.</summary>
    private async Task SaveBatchAsync(int year, List<(IndicatorResultSet Row, PackedTallies Tallies)> results, BulkTable resultRows, Dictionary<int, PackedTallies> counted,
        RecomputeTimings.ThreadTimes times, CancellationToken ct)
    {
        var clock = System.Diagnostics.Stopwatch.GetTimestamp();
        var codes = results.Select(r => r.Row.AreaCode).ToList();
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            await ToastCompression.UseLz4Async(db, ct);
            await db.IndicatorResults.Where(r => r.AreaKind == AreaKind.School && r.AcademicYear == year && codes.Contains(r.AreaCode)).ExecuteDeleteAsync(ct);
            await resultRows.InsertAsync([.. results.Select(r => r.Row)], ct);
            await transaction.CommitAsync(ct);
        }
        foreach (var (row, tallies) in results) counted[int.Parse(row.AreaCode)] = tallies;
        times.Add(RecomputeStep.SavingSchools, clock);
    }

    /// <summary>Changes when the catalogue's counted indicators change, so their figures are recomputed.</summary>
    private static string CatalogueStamp(IndicatorComputer computer) =>
        string.Join("|", computer.Slots.Select(s => $"{s.Id}:{s.Kind}:{s.Count}:{s.Of}:{s.Value?.Name}:{s.Over?.Name}:{s.Question?.Column}:{s.Respondents}:{s.SchoolRule}:{s.Published?.Cohort}:{s.Published?.Coverage}:{string.Join(",", s.NotPublished.Select(g => $"{g.From}-{g.To}"))}"));

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
