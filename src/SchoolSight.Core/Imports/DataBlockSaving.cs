using System.Text;
using System.Text.Json;
using System.Threading.Channels;
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

    /// <summary>Reads and checks every row of the file whose bytes are checked, spooling its encoded blocks and telling <paramref name="closed"/> each as it is finished.</summary>
    Task<DataBlockFile> ReadAsync(ImportUpload upload, IReadOnlySet<int> heldUrns, BlockSpool spool, Action<EncodedBlock, byte[], byte[]> closed, CancellationToken ct);

    /// <summary>The hash, row count, import and time of each block SchoolSight holds for these academic years.</summary>
    Task<Dictionary<SchoolYear, HeldBlock>> HeldAsync(AppDbContext db, IReadOnlyCollection<int> academicYears, CancellationToken ct);

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
    /// Reads the file and saves its blocks at the same time, in one transaction that first takes the source's lock and
    /// only then reads the blocks held, so that two imports of the same file run one after the other and the second finds
    /// nothing to change. The file's hash is saved (committed) first; then a reader on its own thread checks every row and
    /// hands each finished school-year block to <see cref="DataBlockWriter"/> over a bounded channel, which writes it
    /// meanwhile. A problem anywhere in the file (its last line included) rolls back everything written and rejects the
    /// file with every problem, as if nothing had been written. The years whose blocks changed are marked for recompute in
    /// the same transaction.
    /// </summary>
    public static async Task<DataImportResult> ImportAsync(AppDbContext db, IDataBlockKind kind, ImportRecord record, ImportUpload upload,
        IReadOnlySet<int> heldUrns, BlockSpool spool, DataImportTimings timings, CancellationToken ct)
    {
        var check = upload.Check;
        if (check.Error is not null)
        {
            var unreadable = await kind.ReadAsync(upload, heldUrns, spool, static (_, _, _) => { }, ct);
            return await RejectAsync(db, kind, record, check, unreadable.RowsRead, unreadable.Problems, unreadable.ProblemCount, ct);
        }
        record.Checked(check.Sha256);
        await ImportAttempt.SaveAsync(db, record, ct);
        var fileName = record.FileName;

        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        DataBlockFile file;
        List<EncodedBlock> changes = [];
        var (added, scope, rowsRead) = (0, "", 0);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await ImportAttempt.LockAsync(db, kind.Kind, ct);
            var now = db.UtcNow;
            var writer = new DataBlockWriter(db, kind, record, now, timings);
            await writer.PrepareAsync(ct);
            file = await ReadWhileWritingAsync(kind, upload, heldUrns, spool, writer, timings, ct);
            rowsRead = file.RowsRead;
            if (file.ProblemCount == 0)
            {
                changes = [.. file.Blocks.Where(b => writer.Changed(b.Key))];
                added = changes.Count(b => !writer.Holds(b.Key));
                var since = System.Diagnostics.Stopwatch.GetTimestamp();
                await writer.AuditAsync(changes, ct);
                since = timings.Add(DataImportPhase.AuditRows, since);
                scope = Scope(file.Blocks, [.. file.Blocks.Select(b => b.Key.AcademicYear).Distinct().Order()]);
                record.Covers(scope);
                record.Applied(file.RowsRead, file.RowsRead, added, changes.Count - added, 0, file.Blocks.Count - changes.Count);
                db.Imports.Update(record);
                Indicators.RecomputePending.Mark(db, changes.Select(c => c.Key.AcademicYear), record.Id);
                db.AuditEntries.Add(new AuditEntry(now, db.CurrentUser.UserId, db.CurrentUser.UserName, AuditAction.Imported,
                    nameof(ImportRecord), record.Id.ToString(), JsonSerializer.Serialize(new
                    {
                        Kind = record.Kind.ToString(),
                        record.FileName,
                        record.Sha256,
                        record.Scope,
                        record.RowsRead,
                        SchoolYears = file.Blocks.Count,
                        record.Added,
                        Replaced = record.Updated,
                        record.Unchanged,
                    })));
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                await transaction.CommitAsync(ct);
                timings.Add(DataImportPhase.Commit, since);
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
        // A rejected file: its transaction, and every block written in it, has been rolled back.
        if (file.ProblemCount > 0) return await RejectAsync(db, kind, record, check, file.RowsRead, file.Problems, file.ProblemCount, ct);
        return new DataImportResult
        {
            ImportId = record.Id,
            Kind = kind.Kind,
            Outcome = ImportOutcome.Applied,
            FileName = fileName,
            Sha256 = check.Sha256,
            Encoding = check.EncodingName,
            Scope = scope,
            RowsRead = file.RowsRead,
            SchoolYears = file.Blocks.Count,
            Added = added,
            Replaced = changes.Count - added,
            Unchanged = file.Blocks.Count - changes.Count,
            Changed = [.. changes.Select(c => c.Key)],
            Timings = timings,
        };
    }

    /// <summary>
    /// The reader on a thread of its own, handing finished blocks over a bounded channel (it waits when the writer is
    /// <see cref="DataBlockWriter.ChannelBlocks"/> behind); the writer here. Either one failing stops the other.
    /// </summary>
    private static async Task<DataBlockFile> ReadWhileWritingAsync(IDataBlockKind kind, ImportUpload upload, IReadOnlySet<int> heldUrns, BlockSpool spool,
        DataBlockWriter writer, DataImportTimings timings, CancellationToken ct)
    {
        var channel = Channel.CreateBounded<ClosedBlock>(new BoundedChannelOptions(DataBlockWriter.ChannelBlocks) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        long readEnded = 0;
        var reading = Task.Run(async () =>
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            try
            {
                return await kind.ReadAsync(upload, heldUrns, spool, (block, data, refs) => Post(channel.Writer, new ClosedBlock(block, data, refs), stop.Token), stop.Token);
            }
            catch (Exception e)
            {
                channel.Writer.TryComplete(e);
                throw;
            }
            finally
            {
                readEnded = timings.Add(DataImportPhase.Reading, started);
                channel.Writer.TryComplete();
            }
        }, CancellationToken.None);
        try
        {
            await writer.WriteAllAsync(channel.Reader, ct);
            timings.Add(DataImportPhase.WriterAfterReading, readEnded);
        }
        catch
        {
            await stop.CancelAsync();
            try
            {
                await reading;
            }
            catch (Exception)
            {
                // The writer's failure is the one reported; the reader stopped because of it.
            }
            throw;
        }
        return await reading;
    }

    /// <summary>Hands a block to the writer from the reader's thread, waiting while the channel is full.</summary>
    private static void Post(ChannelWriter<ClosedBlock> channel, ClosedBlock block, CancellationToken ct)
    {
        while (!channel.TryWrite(block))
            if (!channel.WaitToWriteAsync(ct).AsTask().GetAwaiter().GetResult())
                throw new InvalidOperationException("The import's writer stopped before the file was read.");
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
