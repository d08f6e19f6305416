using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Core.Imports.Gias;
using SchoolSight.Core.Observability;
using SchoolSight.Domain.Auditing;
using SchoolSight.Domain.Imports;
using SchoolSight.Domain.Indicators;

namespace SchoolSight.Core.Imports;

/// <summary>How one kind of school-year block (pupil-level or survey) is found, added and replaced.</summary>
internal interface IDataBlockKind
{
    ImportKind Kind { get; }

    /// <summary>What the file holds, for the refusal of a role that may not import it: "pupil-level data".</summary>
    string What { get; }
    string EntityName { get; }

    /// <summary>What a row is, plural, for the audit detail: "pupils", "respondents".</summary>
    string RowsName { get; }

    /// <summary>Reads and checks the whole file, spooling its encoded blocks.</summary>
    Task<DataBlockFile> ReadAsync(Stream content, IReadOnlySet<int> heldUrns, BlockSpool spool, CancellationToken ct);

    /// <summary>The hash and row count of each block SchoolSight holds for these academic years.</summary>
    Task<Dictionary<SchoolYear, (string Sha256, int Rows)>> HeldAsync(AppDbContext db, IReadOnlyCollection<int> academicYears, CancellationToken ct);

    /// <summary>The entity a block is stored as (its table is written in bulk).</summary>
    Type BlockType { get; }

    /// <summary>The stored record of a block, new or replacing the one held (every column is written either way).</summary>
    object Block(EncodedBlock block, byte[] data, byte[] refs, long importId, DateTime at);
}

/// <summary>
/// The shared end of the pupil and survey imports, with the GIAS import's rules: the attempt is recorded before the
/// file is read; a rejected file is recorded with its problems and changes nothing; an accepted one is saved in one
/// transaction, in bulk batches (no tracking of millions of rows): each school-year in the file replaces SchoolSight's block
/// for that school-year unless its hash is the same (then it is left alone, so importing the same file again changes
/// nothing), with one audit entry per block added or replaced, the import's outcome, the years to recompute, and an
/// audit entry for the import itself.
/// </summary>
internal static class DataBlockSaving
{
    private const int FirstErrorsLength = 4000;

    /// <summary>Encoded bytes saved per SaveChanges.</summary>
    private const long BatchBytes = 32L << 20;

    /// <summary>Records the attempt (committed on its own), then reads and saves the file with <paramref name="import"/>,
    /// recording a failure if it throws; then, with <paramref name="compute"/> (as the app, API and CLI have it), finishes
    /// the recomputes waiting (this import's, and any an earlier, stopped one left).</summary>
    public static async Task<DataImportResult> RunAsync(AppDbContext db, IDataBlockKind kind, string fileName, Indicators.ComputeIndicators? compute,
        SchoolSightTelemetry? telemetry, Func<ImportRecord, Task<DataImportResult>> import, CancellationToken ct)
    {
        var record = await ImportAttempt.StartAsync(db, kind.Kind, fileName, db.UtcNow, "", ct, telemetry);
        var result = await ImportAttempt.RunAsync(db, record, () => import(record), telemetry);
        if (compute is null || !result.Applied) return result;
        db.ChangeTracker.Clear();
        return await new Indicators.RecomputePending(db, compute).RunAsync(ct: ct) is { } recomputed ? result with { Recomputed = recomputed } : result;
    }

    public static async Task<DataImportResult> RejectAsync(AppDbContext db, IDataBlockKind kind, ImportRecord record, GiasFileCheck check,
        int rowsRead, IReadOnlyList<ImportProblem> problems, int problemCount, CancellationToken ct)
    {
        record.Checked(check.Sha256);
        record.Rejected(rowsRead, problemCount, FirstErrors(problems));
        await ImportAttempt.SaveAsync(db, record, ct);
        return new DataImportResult
        {
            ImportId = record.Id,
            Kind = kind.Kind,
            Outcome = ImportOutcome.Rejected,
            FileName = record.FileName,
            Sha256 = check.Sha256,
            Encoding = check.EncodingName,
            RowsRead = rowsRead,
            ErrorCount = problemCount,
            Errors = problems,
        };
    }

    /// <summary>
    /// Saves the blocks in one transaction that first takes the source's lock and only then reads the blocks held, so
    /// that two imports of the same file run one after the other and the second finds nothing to change. The years
    /// whose blocks changed are marked for recompute in the same transaction.
    /// </summary>
    public static async Task<DataImportResult> SaveAsync(AppDbContext db, IDataBlockKind kind, ImportRecord record, GiasFileCheck check,
        int rowsRead, IReadOnlyList<EncodedBlock> blocks, BlockSpool spool, CancellationToken ct)
    {
        var years = blocks.Select(b => b.Key.AcademicYear).Distinct().Order().ToList();
        var scope = Scope(blocks, years);
        record.Checked(check.Sha256);
        record.Covers(scope);
        await ImportAttempt.SaveAsync(db, record, ct);
        var fileName = record.FileName;

        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        List<EncodedBlock> changes;
        int added;
        try
        {
            await using (var transaction = await db.Database.BeginTransactionAsync(ct))
            {
                await ImportAttempt.LockAsync(db, kind.Kind, ct);
                var held = await kind.HeldAsync(db, years, ct);
                changes = [.. blocks.Where(b => !held.TryGetValue(b.Key, out var h) || h.Sha256 != b.Sha256)];
                added = changes.Count(b => !held.ContainsKey(b.Key));
                record.Applied(rowsRead, rowsRead, added, changes.Count - added, 0, blocks.Count - changes.Count);
                db.Imports.Update(record);
                await db.SaveChangesAsync(ct);
                var now = db.UtcNow;
                await SaveBlocksAsync(db, kind, record, changes, held, spool, now, ct);
                Indicators.RecomputePending.Mark(db, changes.Select(c => c.Key.AcademicYear), record.Id);
                db.AuditEntries.Add(new AuditEntry(now, db.CurrentUser.UserId, db.CurrentUser.UserName, AuditAction.Imported,
                    nameof(ImportRecord), record.Id.ToString(), JsonSerializer.Serialize(new
                    {
                        Kind = record.Kind.ToString(),
                        record.FileName,
                        record.Sha256,
                        record.Scope,
                        record.RowsRead,
                        SchoolYears = blocks.Count,
                        record.Added,
                        Replaced = record.Updated,
                        record.Unchanged,
                    })));
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                await transaction.CommitAsync(ct);
            }
        }
        catch (DbUpdateException e)
        {
            db.ChangeTracker.Clear();
            var problem = $"the database refused the changes, so nothing was imported: {e.GetBaseException().Message}";
            return await RejectAsync(db, kind, record, check, rowsRead, [new ImportProblem(null, null, problem)], 1, ct);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
        return new DataImportResult
        {
            ImportId = record.Id,
            Kind = kind.Kind,
            Outcome = ImportOutcome.Applied,
            FileName = fileName,
            Sha256 = check.Sha256,
            Encoding = check.EncodingName,
            Scope = scope,
            RowsRead = rowsRead,
            SchoolYears = blocks.Count,
            Added = added,
            Replaced = changes.Count - added,
            Unchanged = blocks.Count - changes.Count,
            Changed = [.. changes.Select(c => c.Key)],
        };
    }

    /// <summary>
    /// Writes the changed blocks and their audit rows in bulk (<see cref="BulkTable"/>: binary COPY on PostgreSQL, one
    /// prepared statement reused for every row on SQLite), about <see cref="BatchBytes"/> of blocks at a time read back
    /// from the spool, so memory stays bounded whatever the file's size. Each block added or replaced has its audit row:
    /// which school-year, its row count before and after, and the import it came from.
    /// </summary>
    private static async Task SaveBlocksAsync(AppDbContext db, IDataBlockKind kind, ImportRecord record, IReadOnlyList<EncodedBlock> changes,
        IReadOnlyDictionary<SchoolYear, (string Sha256, int Rows)> held, BlockSpool spool, DateTime now, CancellationToken ct)
    {
        var blockRows = new BulkTable(db, kind.BlockType);
        var auditRows = new BulkTable(db, typeof(AuditEntry));
        var (added, replaced, entries) = (new List<object>(), new List<(object Row, object[] OriginalTokens)>(), new List<object>());
        long bytes = 0;
        async Task WriteAsync()
        {
            await blockRows.InsertAsync(added, ct);
            await blockRows.UpdateAsync(replaced, ct);
            await auditRows.InsertAsync(entries, ct);
            (bytes, added, replaced, entries) = (0, [], [], []);
        }

        foreach (var block in changes)
        {
            var (data, refs) = spool.Read(block);
            var row = kind.Block(block, data, refs, record.Id, now);
            var replacing = held.TryGetValue(block.Key, out var before);
            if (replacing) replaced.Add((row, []));
            else added.Add(row);
            entries.Add(new AuditEntry(now, db.CurrentUser.UserId, db.CurrentUser.UserName, replacing ? AuditAction.Updated : AuditAction.Created,
                kind.EntityName, block.Key.ToString(), JsonSerializer.Serialize(new Dictionary<string, object?>
                {
                    ["AcademicYear"] = AcademicYears.Display(block.Key.AcademicYear),
                    [kind.RowsName] = replacing ? new object?[] { before.Rows, block.Rows } : new object?[] { null, block.Rows },
                    ["ImportId"] = record.Id,
                    ["FileName"] = record.FileName,
                }), block.Key.Urn));
            bytes += data.Length + refs.Length;
            if (bytes >= BatchBytes) await WriteAsync();
        }
        await WriteAsync();
    }

    /// <summary>"79 schools, 2022/23 to 2024/25".</summary>
    private static string Scope(IReadOnlyList<EncodedBlock> blocks, IReadOnlyList<int> years)
    {
        var schools = blocks.Select(b => b.Key.Urn).Distinct().Count();
        var span = years.Count == 0 ? "" : years.Count == 1 ? AcademicYears.Display(years[0]) : $"{AcademicYears.Display(years[0])} to {AcademicYears.Display(years[^1])}";
        return $"{schools:N0} school{(schools == 1 ? "" : "s")}, {span}";
    }

    private static string FirstErrors(IReadOnlyList<ImportProblem> problems)
    {
        var text = new StringBuilder();
        foreach (var line in problems.Take(40).Select(e => e.ToString()))
        {
            if (text.Length + line.Length + 1 > FirstErrorsLength) break;
            text.Append(text.Length == 0 ? "" : "\n").Append(line);
        }
        return text.Length > 0 || problems.Count == 0 ? text.ToString() : problems[0].ToString()[..Math.Min(FirstErrorsLength, problems[0].ToString().Length)];
    }
}
