using System.Text.Json;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Domain.Auditing;
using SchoolSight.Domain.Imports;
using SchoolSight.Domain.Indicators;

namespace SchoolSight.Core.Imports;

/// <summary>A block SchoolSight holds: its hash and row count, and the import and time that wrote it.</summary>
internal readonly record struct HeldBlock(string Sha256, int Rows, long ImportId, DateTime ImportedAt);

/// <summary>A block the file's reader has just finished, with its encoded bytes.</summary>
internal readonly record struct ClosedBlock(EncodedBlock Block, byte[] Data, byte[] Refs);

/// <summary>
/// Writes the school-year blocks of an import while its file is still being read, inside the import's transaction (which
/// has taken the source's lock): the reader hands each finished block over a bounded channel, and the blocks waiting there
/// are written together (<see cref="BulkTable"/>: binary COPY on PostgreSQL, one prepared statement reused for every row
/// on SQLite), so the database writes one batch while the next is parsed, and memory holds at most the channel's blocks and
/// one batch. A block whose hash is the one held is not written. When the file comes back to a school-year already written,
/// its new version replaces the one written (or, when it is again the one held, the held row is put back as it was), so
/// what is stored at the end is what the file's final blocks make of what was held. The audit rows (one per block added or
/// replaced) are written at the end, when each school-year's final version is known. Nothing is committed here: a problem
/// found later in the file rolls it all back.
/// </summary>
internal sealed class DataBlockWriter(AppDbContext db, IDataBlockKind kind, ImportRecord record, DateTime now, DataImportTimings timings)
{
    /// <summary>Blocks the reader may finish ahead of the writer: with blocks of up to a few hundred KB, tens of MB at most.</summary>
    public const int ChannelBlocks = 256;

    /// <summary>Encoded bytes written together at most.</summary>
    private const long BatchBytes = 16L << 20;

    private readonly BulkTable _blocks = new(db, kind.BlockType);
    private readonly Dictionary<SchoolYear, HeldBlock> _held = [];
    private readonly HashSet<int> _heldYears = [];
    private readonly Dictionary<SchoolYear, bool> _written = [];
    private readonly HashSet<SchoolYear> _pending = [];
    private List<object> _inserts = [];
    private List<(object Row, object[] OriginalTokens)> _updates = [];
    private long _bytes;

    /// <summary>Writes every block the reader hands over until it completes the channel.</summary>
    public async Task WriteAllAsync(ChannelReader<ClosedBlock> blocks, CancellationToken ct)
    {
        var since = System.Diagnostics.Stopwatch.GetTimestamp();
        while (await blocks.WaitToReadAsync(ct))
        {
            since = timings.Add(DataImportPhase.WriterIdle, since);
            while (_bytes < BatchBytes && blocks.TryRead(out var closed)) await AddAsync(closed, ct);
            await FlushAsync(ct);
            since = timings.Add(DataImportPhase.WriterBusy, since);
        }
    }

    /// <summary>Whether the file's final version of this school-year was written (added or replaced).</summary>
    public bool Changed(SchoolYear key) => _written.GetValueOrDefault(key);

    public bool Holds(SchoolYear key) => _held.ContainsKey(key);

    /// <summary>The audit rows of the blocks added or replaced, in the file's order: which school-year, its rows before and after, the import.</summary>
    public async Task AuditAsync(IReadOnlyList<EncodedBlock> changes, CancellationToken ct)
    {
        var audit = new BulkTable(db, typeof(AuditEntry));
        foreach (var part in changes.Chunk(5000))
        {
            await audit.InsertAsync([.. part.Select(block =>
            {
                var replacing = _held.TryGetValue(block.Key, out var before);
                return (object)new AuditEntry(now, db.CurrentUser.UserId, db.CurrentUser.UserName, replacing ? AuditAction.Updated : AuditAction.Created,
                    kind.EntityName, block.Key.ToString(), JsonSerializer.Serialize(new Dictionary<string, object?>
                    {
                        ["AcademicYear"] = AcademicYears.Display(block.Key.AcademicYear),
                        [kind.RowsName] = replacing ? new object?[] { before.Rows, block.Rows } : new object?[] { null, block.Rows },
                        ["ImportId"] = record.Id,
                        ["FileName"] = record.FileName,
                    }), block.Key.Urn);
            })], ct);
        }
    }

    private async Task AddAsync(ClosedBlock closed, CancellationToken ct)
    {
        var (block, data, refs) = closed;
        var key = block.Key;
        if (_heldYears.Add(key.AcademicYear))
            foreach (var (heldKey, held) in await kind.HeldAsync(db, [key.AcademicYear], ct)) _held[heldKey] = held;
        if (_pending.Contains(key)) await FlushAsync(ct);

        var isHeld = _held.TryGetValue(key, out var heldBlock);
        var wasWritten = _written.GetValueOrDefault(key);
        if (isHeld && heldBlock.Sha256 == block.Sha256)
        {
            _written[key] = false;
            if (!wasWritten) return;
            // The file came back to this school-year and made it what is held again: the held row as it was.
            _updates.Add((kind.Block(block, data, refs, heldBlock.ImportId, heldBlock.ImportedAt), []));
        }
        else
        {
            _written[key] = true;
            var row = kind.Block(block, data, refs, record.Id, now);
            if (isHeld || wasWritten) _updates.Add((row, []));
            else _inserts.Add(row);
        }
        _pending.Add(key);
        _bytes += data.Length + refs.Length;
    }

    private async Task FlushAsync(CancellationToken ct)
    {
        await _blocks.InsertAsync(_inserts, ct);
        await _blocks.UpdateAsync(_updates, ct);
        (_inserts, _updates, _bytes) = ([], [], 0);
        _pending.Clear();
    }

    /// <summary>On PostgreSQL, the blocks of this transaction are compressed with LZ4 (<see cref="ToastCompression"/>).</summary>
    public Task PrepareAsync(CancellationToken ct) => ToastCompression.UseLz4Async(db, ct);
}
