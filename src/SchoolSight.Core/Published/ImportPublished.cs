using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Core.Imports;
using SchoolSight.Core.Imports.Gias;
using SchoolSight.Core.Observability;
using SchoolSight.Domain;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Auditing;
using SchoolSight.Domain.Imports;
using SchoolSight.Domain.Indicators;
using SchoolSight.Domain.Published;
using SchoolSight.Domain.QualityStandards;

namespace SchoolSight.Core.Published;

/// <summary>
/// Imports a published file (DOMAIN.md 3.1): the DfE's school-level KS2, KS4, census or absence CSV for one academic
/// year, or Ofsted's inspection outcomes, with the same rules as the GIAS import. The whole file is read and checked
/// first; any problem rejects it, listing every problem by line and column, and nothing is written. Otherwise, in one
/// transaction, the source's figures for that year are replaced by the file's: new figures added, changed ones
/// updated, ones the file no longer has removed, and unchanged ones left alone, so importing the same file again
/// changes nothing. Only schools SchoolSight holds (and the LA and England rows) are kept unless every school is asked
/// for. Every attempt is recorded as an <see cref="ImportRecord"/> before the file is read, and two imports of the
/// same source run one after the other.
/// </summary>
[Operation]
/// <remarks>An import that changed figures marks the file's year for recompute in its own transaction; with
/// <paramref name="compute"/> (as the app, API and CLI have it), the recompute runs straight after.</remarks>
public sealed class ImportPublished(AppDbContext db, Indicators.ComputeIndicators? compute = null, ImportTempFolder? temp = null, SchoolSightTelemetry? telemetry = null)
{
    private const int ErrorsKeptOnRecord = 40;
    private const int FirstErrorsLength = 4000;
    private const int SaveBatch = 2000;

    /// <summary>The import's outcome (applied, or rejected with every problem); forbidden to anyone but an LA administrator.</summary>
    public async Task<OperationResult<PublishedImportResult>> RunAsync(PublishedImportRequest request, IProgress<GiasImportProgress>? progress = null, CancellationToken ct = default)
    {
        if (ImportAccess.Refusal(db, Resource.PublishedData, "published data") is { } refused) return OperationResult<PublishedImportResult>.Fail(refused);
        if (request.Source.NeedsAcademicYear() && request.AcademicYear is not (>= AcademicYear.Earliest and <= AcademicYear.Latest))
            throw new ArgumentException($"A {request.Source.Title()} file needs the academic year it is about.", nameof(request));

        var record = await ImportAttempt.StartAsync(db, request.Source.ImportKind(), ImportUpload.FileName(request.FileName), db.UtcNow, "", ct, telemetry);
        var result = await ImportAttempt.RunAsync(db, record, async () =>
        {
            var held = request.KeepAllSchools
                ? null
                : (await db.Schools.IgnoreQueryFilters().AsNoTracking().Select(s => s.Urn).ToListAsync(ct)).ToHashSet();
            return request.Source == PublishedSource.Ofsted
                ? await ImportOfstedAsync(request, record, held, progress, ct)
                : await ImportFiguresAsync(request, record, held, progress, ct);
        }, telemetry);
        if (compute is null || !result.Applied) return OperationResult<PublishedImportResult>.Ok(result);
        db.ChangeTracker.Clear();
        return OperationResult<PublishedImportResult>.Ok(
            await new Indicators.RecomputePending(db, compute).RunAsync(ct: ct) is { } recomputed ? result with { Recomputed = recomputed } : result);
    }

    private async Task<PublishedImportResult> ImportFiguresAsync(PublishedImportRequest request, ImportRecord record, HashSet<int>? held,
        IProgress<GiasImportProgress>? progress, CancellationToken ct)
    {
        var year = request.AcademicYear!.Value;
        var file = await PublishedFileReader.ReadAsync(request.Content, new PublishedReadOptions(request.Source, held) { TempFolder = temp ?? ImportTempFolder.Default }, progress, ct);
        record.Checked(file.Check.Sha256);
        var counts = new Counts(file.RowsRead, file.SchoolRows, file.AreaRows, file.SchoolsNotHeld) { LaCodes = PublishedFileCoverage.Describe(file.LaCodes) };
        record.Covers(Describe(request, counts));
        if (file.ErrorCount > 0) return await RejectAsync(request, record, file.Check, counts, file.Errors, file.ErrorCount, file.ColumnsNotInFile, ct);

        progress?.Report(new(GiasImportPhase.Comparing, file.RowsRead, file.Check.Length, file.Check.Length));
        var store = new PublishedFigureStore(db);
        var coverage = new PublishedFileCoverage(record.Id, file.LaCodes);
        return await ApplyAsync(request, record, file.Check, counts, file.ColumnsNotInFile, async () =>
        {
            var existing = await store.LoadAsync(PublishedMeasures.Prefix(request.Source), year, ct);
            var owners = await store.OwnersAsync(existing.Values, ct);
            bool SameFile(PublishedFigureStore.Existing figure) => owners.GetValueOrDefault(figure.ImportId)?.LaCodes == coverage.LaCodes;
            var added = new List<PublishedValue>();
            var changed = new List<(long, PublishedValue)>();
            var replaced = new Dictionary<long, HashSet<(AreaKind, string)>>();
            var unchanged = 0;
            foreach (var figure in file.Figures)
            {
                if (!existing.Remove((figure.AreaKind, figure.AreaCode, figure.Measure), out var before)) added.Add(figure);
                else if (!SameFile(before))
                {
                    // Another file's figure for the same area and measure: the later import replaces it.
                    changed.Add((before.Id, figure));
                    if (!replaced.TryGetValue(before.ImportId, out var areas)) replaced[before.ImportId] = areas = [];
                    areas.Add((figure.AreaKind, figure.AreaCode));
                }
                else if (before.Value != figure.Value || before.Marker != figure.Marker) changed.Add((before.Id, figure));
                else unchanged++;
            }
            // Only this file's own figures that it no longer has are removed; other files' (another LA's) stay.
            var removed = existing.Values.Where(SameFile).Select(e => e.Id).ToList();
            var replacements = replaced.Select(r => new PublishedReplacement(r.Key, owners.TryGetValue(r.Key, out var o) ? o.FileName : "", r.Value.Count))
                .OrderBy(r => r.ImportId).ToList();
            async Task WriteAsync(long importId)
            {
                progress?.Report(new(GiasImportPhase.Saving, file.RowsRead, 0, 3));
                db.PublishedFileCoverages.Add(coverage);
                await db.SaveChangesAsync(ct);
                await store.DeleteAsync(removed, ct);
                progress?.Report(new(GiasImportPhase.Saving, file.RowsRead, 1, 3));
                await store.UpdateAsync(changed, importId, ct);
                progress?.Report(new(GiasImportPhase.Saving, file.RowsRead, 2, 3));
                await store.InsertAsync(added, year, importId, ct);
                progress?.Report(new(GiasImportPhase.Saving, file.RowsRead, 3, 3));
            }
            return (counts with { Added = added.Count, Updated = changed.Count, Removed = removed.Count, Unchanged = unchanged, Replaced = replacements }, WriteAsync);
        }, ct);
    }

    private async Task<PublishedImportResult> ImportOfstedAsync(PublishedImportRequest request, ImportRecord record, HashSet<int>? held,
        IProgress<GiasImportProgress>? progress, CancellationToken ct)
    {
        var file = await OfstedFileReader.ReadAsync(request.Content, held, progress, ct, temp);
        record.Checked(file.Check.Sha256);
        var counts = new Counts(file.RowsRead, file.Rows.Count, 0, file.SchoolsNotHeld);
        record.Covers(Describe(request, counts));
        if (file.ErrorCount > 0) return await RejectAsync(request, record, file.Check, counts, file.Errors, file.ErrorCount, file.ColumnsNotInFile, ct);

        progress?.Report(new(GiasImportPhase.Comparing, file.RowsRead, file.Check.Length, file.Check.Length));
        var urns = file.Rows.Select(r => r.Urn).ToHashSet();
        return await ApplyAsync(request, record, file.Check, counts, file.ColumnsNotInFile, async () =>
        {
            var existing = (await db.OfstedInspections.AsNoTracking().ToListAsync(ct)).Where(i => urns.Contains(i.Urn)).ToDictionary(i => i.Urn);
            var added = file.Rows.Where(r => !existing.ContainsKey(r.Urn)).ToList();
            var changed = file.Rows.Where(r => existing.TryGetValue(r.Urn, out var e) && e.Outcome != r.Outcome).ToList();
            async Task WriteAsync(long importId)
            {
                var steps = added.Select(r => (Row: r, Held: (OfstedInspection?)null)).Concat(changed.Select(r => (Row: r, Held: (OfstedInspection?)existing[r.Urn]))).ToList();
                for (var done = 0; done < steps.Count; done += SaveBatch)
                {
                    progress?.Report(new(GiasImportPhase.Saving, file.RowsRead, done, steps.Count));
                    foreach (var (row, inspection) in steps.Skip(done).Take(SaveBatch))
                    {
                        if (inspection is null)
                        {
                            db.OfstedInspections.Add(new OfstedInspection(row.Urn, row.Outcome, importId));
                            continue;
                        }
                        db.OfstedInspections.Attach(inspection);
                        inspection.Update(row.Outcome, importId);
                    }
                    await db.SaveChangesAsync(ct);
                    db.ChangeTracker.Clear();
                }
                progress?.Report(new(GiasImportPhase.Saving, file.RowsRead, steps.Count, steps.Count));
                await ReplaceNationalCountsAsync(file, importId, ct);
            }
            return (counts with { Added = added.Count, Updated = changed.Count, Unchanged = file.Rows.Count - added.Count - changed.Count }, WriteAsync);
        }, ct);
    }

    /// <summary>A national file (at least <see cref="NationalFileLas"/> LAs) replaces every LA's count of schools in a category.</summary>
    private async Task ReplaceNationalCountsAsync(OfstedFile file, long importId, CancellationToken ct)
    {
        if (file.LaCounts.Count < NationalFileLas) return;
        await db.NationalOfstedCounts.ExecuteDeleteAsync(ct);
        var asAt = db.Today();
        db.NationalOfstedCounts.AddRange(file.LaCounts.Select(c => new NationalOfstedCount(c.LaCode, c.LaName, c.Schools, c.InCategory, asAt, importId)));
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>How many LAs make an Ofsted file national (England has about 150).</summary>
    public const int NationalFileLas = 100;

    private sealed record Counts(int RowsRead, int SchoolRows, int AreaRows, int SchoolsNotHeld)
    {
        public int Added { get; init; }
        public int Updated { get; init; }
        public int Removed { get; init; }
        public int Unchanged { get; init; }
        public IReadOnlyList<PublishedReplacement> Replaced { get; init; } = [];

        /// <summary>The LAs a DfE file covers (<see cref="PublishedFileCoverage.LaCodes"/>); null for Ofsted's.</summary>
        public string? LaCodes { get; init; }
    }

    /// <summary>
    /// Saves the file's hash on the attempt, then in one transaction: takes the source's lock, compares the file with
    /// the figures held (read only now, so an import of the same source that ran meanwhile is seen), records the
    /// outcome, writes the changes and marks the year for recompute. A failure anywhere leaves nothing.
    /// </summary>
    private async Task<PublishedImportResult> ApplyAsync(PublishedImportRequest request, ImportRecord record, GiasFileCheck check, Counts counts,
        IReadOnlyList<string> columnsNotInFile, Func<Task<(Counts Counts, Func<long, Task> Write)>> compare, CancellationToken ct)
    {
        await ImportAttempt.SaveAsync(db, record, ct);
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await using (var transaction = await db.Database.BeginTransactionAsync(ct))
            {
                await ImportAttempt.LockAsync(db, record.Kind, ct);
                (counts, var write) = await compare();
                record.Covers(Describe(request, counts));
                record.Applied(counts.RowsRead, counts.SchoolRows + counts.AreaRows, counts.Added, counts.Updated, 0, counts.Unchanged);
                db.Imports.Update(record);
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                await write(record.Id);
                if (request.Source.NeedsAcademicYear() && counts.Added + counts.Updated + counts.Removed > 0)
                    Indicators.RecomputePending.Mark(db, [request.AcademicYear!.Value], record.Id);
                db.AuditEntries.Add(new AuditEntry(db.UtcNow, db.CurrentUser.UserId, db.CurrentUser.UserName, AuditAction.Imported,
                    nameof(ImportRecord), record.Id.ToString(), JsonSerializer.Serialize(new
                    {
                        Kind = record.Kind.ToString(),
                        record.FileName,
                        record.Sha256,
                        record.Scope,
                        counts.RowsRead,
                        counts.SchoolRows,
                        counts.AreaRows,
                        counts.SchoolsNotHeld,
                        counts.Added,
                        counts.Updated,
                        counts.Removed,
                        counts.Unchanged,
                    })));
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
            }
            return Result(request, record, check, counts, [], columnsNotInFile);
        }
        catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException)
        {
            // Rolled back: nothing of the import was saved. Record the attempt as rejected.
            db.ChangeTracker.Clear();
            return await RejectAsync(request, record, check, counts, [new ImportProblem(null, null,
                $"the database refused the changes, so nothing was imported: {e.GetBaseException().Message}")], 1, columnsNotInFile, ct);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    private async Task<PublishedImportResult> RejectAsync(PublishedImportRequest request, ImportRecord record, GiasFileCheck check, Counts counts,
        IReadOnlyList<ImportProblem> errors, int errorCount, IReadOnlyList<string> columnsNotInFile, CancellationToken ct)
    {
        record.Rejected(counts.RowsRead, errorCount, FirstErrors(errors));
        await ImportAttempt.SaveAsync(db, record, ct);
        return Result(request, record, check, counts with { Added = 0, Updated = 0, Removed = 0, Unchanged = 0, Replaced = [] }, errors, columnsNotInFile) with { ErrorCount = errorCount };
    }

    private static PublishedImportResult Result(PublishedImportRequest request, ImportRecord record, GiasFileCheck check, Counts counts,
        IReadOnlyList<ImportProblem> errors, IReadOnlyList<string> columnsNotInFile) => new()
        {
            ImportId = record.Id,
            Outcome = record.Outcome,
            Source = request.Source,
            AcademicYear = request.Source.NeedsAcademicYear() ? AcademicYear.Format(request.AcademicYear!.Value) : "",
            FileName = record.FileName,
            Sha256 = record.Sha256,
            Scope = record.Scope,
            Encoding = check.EncodingName,
            RowsRead = counts.RowsRead,
            SchoolRows = counts.SchoolRows,
            AreaRows = counts.AreaRows,
            SchoolsNotHeld = counts.SchoolsNotHeld,
            Added = counts.Added,
            Updated = counts.Updated,
            Removed = counts.Removed,
            Unchanged = counts.Unchanged,
            Replaced = counts.Replaced,
            Errors = errors,
            ColumnsNotInFile = columnsNotInFile,
        };

    /// <summary>"KS2 2018/19, LA 850: schools held and LA and England rows; 12 schools not held skipped; 3 figures removed".</summary>
    private static string Describe(PublishedImportRequest request, Counts counts)
    {
        var what = request.Source == PublishedSource.Ofsted
            ? "Ofsted outcomes: " + (request.KeepAllSchools ? "every school" : "schools held")
            : $"{PublishedMeasures.Prefix(request.Source)} {AcademicYear.Format(request.AcademicYear!.Value)}, {PublishedFileCoverage.Words(counts.LaCodes ?? "")}: " +
              (request.KeepAllSchools ? "every school" : "schools held") + " and LA and England rows";
        if (counts.SchoolsNotHeld > 0) what += $"; {counts.SchoolsNotHeld:N0} school{(counts.SchoolsNotHeld == 1 ? "" : "s")} not held skipped";
        if (counts.Removed > 0) what += $"; {counts.Removed:N0} figure{(counts.Removed == 1 ? "" : "s")} no longer in the file removed";
        foreach (var replaced in counts.Replaced) what += "; " + char.ToLowerInvariant(replaced.Text[0]) + replaced.Text[1..];
        return what;
    }

    private static string FirstErrors(IReadOnlyList<ImportProblem> errors)
    {
        var text = new System.Text.StringBuilder();
        foreach (var line in errors.Take(ErrorsKeptOnRecord).Select(e => e.ToString()))
        {
            if (text.Length + line.Length + 1 > FirstErrorsLength) break;
            text.Append(text.Length == 0 ? "" : "\n").Append(line);
        }
        return text.Length > 0 ? text.ToString() : errors[0].ToString()[..Math.Min(FirstErrorsLength, errors[0].ToString().Length)];
    }
}
