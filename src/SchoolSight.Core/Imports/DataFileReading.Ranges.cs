using CsvHelper;

namespace SchoolSight.Core.Imports;

/// <summary>
/// Reading a file in ranges on every core. A file with no double quote anywhere (the bytes' check says so) has no field
/// that spans lines, so every line break ends a row: the file is cut after a line break into ranges of about
/// <see cref="RangeBytes"/>, each range read and checked on a thread of its own by a fresh reader of the same kind
/// (<see cref="NewRange"/>) that keeps its school-years' rows as they are, and the ranges are taken over here one after
/// the other in the file's order (<see cref="TakeRows"/>), so the outcome is the one of reading the rows in order: the
/// same blocks, each school-year that runs across ranges joined, and the same problems with their lines (each range
/// knows the line it starts on). A few ranges are in hand at once, so memory does not grow with the file. A file with
/// quotes, in Windows-1252, or starting with a blank line is read in order.
/// </summary>
public abstract partial class DataFileReading
{
    /// <summary>About 60,000 pupil rows: enough work per range that handing it over costs nothing, small enough that a 17 MB file is a few ranges.</summary>
    public const int RangeBytes = 4 << 20;

    private static readonly AsyncLocal<int?> RangeBytesHere = new();

    private int _lineOffset;
    private ImportProblem? _stoppedAt;

    /// <summary>Whether this reader reads one range of a file for another (<see cref="TakeRows"/>) rather than the file.</summary>
    protected bool IsRange { get; private set; }

    /// <summary>A fresh reader of this kind for one range of the file.</summary>
    protected abstract DataFileReading NewRange();

    /// <summary>Takes over the school-years' rows of the range that follows the rows read so far, as if this reader had read them.</summary>
    protected abstract void TakeRows(DataFileReading range);

    /// <summary>Files read in the calling flow are cut into ranges of <paramref name="bytes"/> (0: read in order) until disposed, so a small file can cross many ranges.</summary>
    public static IDisposable ReadInRangesOf(int bytes)
    {
        var before = RangeBytesHere.Value;
        RangeBytesHere.Value = bytes;
        return new Restore(() => RangeBytesHere.Value = before);
    }

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }

    /// <summary>Reads the rows in ranges, or returns false, the stream where it was, when the file is to be read in order.</summary>
    private static async Task<bool> ReadInRangesAsync(Stream stream, DataFileReading reading, CancellationToken ct)
    {
        var size = RangeBytesHere.Value ?? RangeBytes;
        if (size <= 0) return false;
        var start = stream.Position;
        var ranges = new FileRanges(stream, size);
        if (ranges.Header() is not { } header)
        {
            stream.Position = start;
            return false;
        }
        var options = MalformedRow.ReaderOptions(null, MaxRowBytes, reading._malformed);
        await using (var headerReader = CsvReader.Create(header, options))
        {
            await headerReader.ReadHeaderAsync(ct);
            if (!reading.ReadHeader(headerReader.Headers))
            {
                reading.End();
                return true;
            }
        }

        var inHand = new Queue<(Task<DataFileReading> Range, byte[] Buffer)>();
        var most = Environment.ProcessorCount + 1;
        var (line, stopped) = (2, false);
        try
        {
            while (!stopped && ranges.Next() is { } range)
            {
                // A range starts with the line break before its first row (a byte order mark there is then a value, as in order).
                var lineOffset = line - 2;
                line += LineBreaks(range.Bytes.Span[1..]);
                inHand.Enqueue((Task.Run(() => reading.ReadRange(range.Bytes, lineOffset, ct), ct), range.Buffer));
                while (!stopped && inHand.Count >= most) stopped = reading.Take(await TakeFirstAsync(inHand, ranges));
            }
            while (!stopped && inHand.Count > 0) stopped = reading.Take(await TakeFirstAsync(inHand, ranges));
        }
        finally
        {
            // Ranges read past a row that stops the file (or past a failure) are not taken; their threads are let finish.
            foreach (var (range, _) in inHand)
            {
                try
                {
                    await range;
                }
                catch (Exception)
                {
                    // The failure that stopped the reading is the one that counts.
                }
            }
        }
        reading.End();
        return true;
    }

    private static async Task<DataFileReading> TakeFirstAsync(Queue<(Task<DataFileReading> Range, byte[] Buffer)> inHand, FileRanges ranges)
    {
        var (range, buffer) = inHand.Peek();
        var read = await range;
        inHand.Dequeue();
        ranges.Reuse(buffer);
        return read;
    }

    /// <summary>Line breaks as CsvHelper counts lines: CR, LF and CR LF each one.</summary>
    private static int LineBreaks(ReadOnlySpan<byte> bytes) => bytes.Count((byte)'\n') + bytes.Count((byte)'\r') - bytes.Count("\r\n"u8);

    /// <summary>On a thread of its own: a fresh reader of this kind reads the rows of one range, numbering lines from <paramref name="lineOffset"/> + 1.</summary>
    private DataFileReading ReadRange(ReadOnlyMemory<byte> bytes, int lineOffset, CancellationToken ct)
    {
        var range = NewRange();
        (range.IsRange, range._lineOffset) = (true, lineOffset);
        range.ReadHeader(Headers);
        range.Problems = new ProblemList();
        var options = MalformedRow.ReaderOptions(null, MaxRowBytes, range._malformed) with { HasHeader = false };
        using var reader = CsvReader.Create(bytes, options);
        try
        {
            while (reader.Read())
            {
                range.Row(reader);
                if ((range.RowsRead & 0xFFFF) == 0) ct.ThrowIfCancellationRequested();
            }
        }
        catch (CsvFormatException e)
        {
            range._stoppedAt = CannotReadPast(e.LineNumber > 0 ? (int)e.LineNumber + lineOffset : null);
        }
        return range;
    }

    /// <summary>Takes over a range read on another thread, the next in the file; true when the file cannot be read past it.</summary>
    private bool Take(DataFileReading range)
    {
        RowsRead += range.RowsRead;
        Problems.AddAll(range.Problems);
        foreach (var (urn, (firstLine, rows)) in range._unknownUrns)
            _unknownUrns[urn] = _unknownUrns.TryGetValue(urn, out var seen) ? (seen.FirstLine, seen.Rows + rows) : (firstLine, rows);
        TakeRows(range);
        if (range._stoppedAt is not { } stop) return false;
        Problems.Add(stop);
        return true;
    }

    /// <summary>
    /// The file after its header, cut after a line break every <see cref="RangeBytes"/> or so. A line longer than a range
    /// makes its range longer, up to a row longer than any row may be (that range is the last: its reader stops there).
    /// </summary>
    private sealed class FileRanges(Stream stream, int size)
    {
        private readonly Stack<byte[]> _free = [];
        private byte[] _rest = new byte[size];
        private int _restLength;
        private bool _ended;

        /// <summary>
        /// The header line; null when the file starts with a blank line or its first line is
        /// longer than a range (such a file is read in order).
        /// </summary>
        public ReadOnlyMemory<byte>? Header()
        {
            _restLength = Fill(_rest, 0);
            var head = _rest.AsSpan(0, _restLength);
            var bom = head.StartsWith("\uFEFF"u8) ? 3 : 0;
            var end = head[bom..].IndexOfAny((byte)'\r', (byte)'\n');
            if (end == 0 || (end < 0 && !_ended)) return null;
            end = end < 0 ? head.Length : end + bom;
            var next = end;
            if (end < head.Length && head[end] == '\n') next = end + 1;
            else if (end + 1 < head.Length) next = head[end + 1] == '\n' ? end + 2 : end + 1;
            else if (end < head.Length && !_ended) return null;
            else next = head.Length;
            var header = head[..end].ToArray();
            next = Math.Max(next - 1, end);
            head[next..].CopyTo(_rest);
            _restLength -= next;
            return header;
        }

        /// <summary>The next range, from the line break before its first row: its bytes and the buffer that holds them (to <see cref="Reuse"/> once read); null at the file's end.</summary>
        public (ReadOnlyMemory<byte> Bytes, byte[] Buffer)? Next()
        {
            if (_ended && _restLength <= 1) return null;
            var buffer = _free.TryPop(out var free) ? free : new byte[size];
            if (_restLength > buffer.Length) buffer = new byte[_restLength * 2];
            _rest.AsSpan(0, _restLength).CopyTo(buffer);
            var length = _ended ? _restLength : Fill(buffer, _restLength);
            int end;
            while (true)
            {
                if (_ended)
                {
                    end = length;
                    break;
                }
                // After the line break the range starts with, and before the last byte (a CR there may be half of a CR LF).
                var cut = length > 2 ? buffer.AsSpan(1, length - 2).LastIndexOfAny((byte)'\r', (byte)'\n') : -1;
                if (cut++ >= 0)
                {
                    end = buffer[cut] == '\r' && buffer[cut + 1] == '\n' ? cut + 2 : cut + 1;
                    break;
                }
                if (buffer.Length >= size + MaxRowBytes)
                {
                    // A row longer than any row may be: its range is the last, its reader stops on it.
                    (end, _ended) = (length, true);
                    break;
                }
                Array.Resize(ref buffer, buffer.Length * 2);
                length = Fill(buffer, length);
            }
            var rest = _ended ? length : end - 1;
            _restLength = length - rest;
            if (_restLength > _rest.Length) _rest = new byte[_restLength];
            buffer.AsSpan(rest, _restLength).CopyTo(_rest);
            return (buffer.AsMemory(0, end), buffer);
        }

        public void Reuse(byte[] buffer)
        {
            if (buffer.Length == size) _free.Push(buffer);
        }

        /// <summary>Reads into <paramref name="buffer"/> from <paramref name="from"/> until it is full or the file ends; the length filled.</summary>
        private int Fill(byte[] buffer, int from)
        {
            while (from < buffer.Length)
            {
                var read = stream.Read(buffer, from, buffer.Length - from);
                if (read == 0)
                {
                    _ended = true;
                    break;
                }
                from += read;
            }
            return from;
        }
    }
}
