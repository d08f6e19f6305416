using System.Globalization;
using System.Runtime.CompilerServices;
using CsvHelper;
using SchoolSight.Core.Imports.Gias;
using SchoolSight.Domain.Indicators;

namespace SchoolSight.Core.Imports;

/// <summary>What reading a pupil-level or survey file found: its problems (the first <see cref="ProblemList.MaxListed"/>, all counted), or its school-year blocks.</summary>
public sealed record DataBlockFile(GiasFileCheck Check, int RowsRead, IReadOnlyList<EncodedBlock> Blocks, IReadOnlyList<ImportProblem> Problems, int ProblemCount);

/// <summary>
/// Reading a pupil-level or survey file, all of it, the way the GIAS import reads establishments: the bytes are
/// checked first (<see cref="GiasFileCheck"/>: hash, UTF-8 or Windows-1252), then every row with CsvHelper, every
/// problem noted with its line and column. This class reads the header and each row's URN and academic year; the
/// file's own reader checks and keeps the other values.
/// </summary>
public abstract partial class DataFileReading(IReadOnlySet<int> heldUrns)
{
    /// <summary>A data row is a few hundred bytes; a "row" past this is a quote that is never closed swallowing the file.</summary>
    private const int MaxRowBytes = 1 << 20;

    private readonly Dictionary<long, MalformedRow> _malformed = [];
    private readonly Dictionary<int, (int FirstLine, int Rows)> _unknownUrns = [];
    private int _urnIndex, _yearIndex;
    private byte[] _lastYearText = [];
    private int? _lastYear;

    public ProblemList Problems { get; private set; } = new();
    public int RowsRead { get; private set; }
    protected string[] Headers { get; private set; } = [];
    protected IReadOnlySet<int> HeldUrns => heldUrns;

    /// <summary>What a row is, for messages: "pupil", "respondent".</summary>
    protected abstract string RowNoun { get; }
    protected abstract IReadOnlyList<string> KnownColumns { get; }
    protected abstract IReadOnlyList<string> RequiredColumns { get; }
    protected abstract string UrnColumn { get; }
    protected abstract string YearColumn { get; }

    /// <summary>Called once the header is sound, with each known column's position (−1 when absent).</summary>
    protected abstract void Bind(Func<string, int> indexOf);

    /// <summary>Checks and keeps the row's other values; <paramref name="key"/> is null when its URN or year is wrong.</summary>
    protected abstract void ReadRow(CsvReader reader, int line, SchoolYear? key);

    protected abstract void Finish();

    /// <summary>
    /// Told each school-year block as soon as it is encoded and spooled, while the rest of the file is still being read
    /// (an import writes it meanwhile); told again, with its new version, when the file comes back to a school-year it had
    /// left. Nothing is told once a problem has been found.
    /// </summary>
    public Action<EncodedBlock, byte[], byte[]>? Closed { get; init; }

    /// <param name="temp">Where a one-way <paramref name="content"/> is copied so it can be read twice.</param>
    public static async Task<GiasFileCheck> ReadAsync(Stream content, DataFileReading reading, ImportTempFolder temp, CancellationToken ct)
    {
        await using var upload = await ImportUpload.OpenAsync(content, temp, null, ct);
        await ReadRowsAsync(upload, reading, ct);
        return upload.Check;
    }

    /// <summary>Reads and checks every row of a file whose bytes <see cref="ImportUpload"/> has checked (or notes its bytes' problem).</summary>
    public static async Task ReadRowsAsync(ImportUpload upload, DataFileReading reading, CancellationToken ct)
    {
        var (stream, check) = (upload.Stream, upload.Check);
        if (check.Error is { } error)
        {
            reading.Problems.Add(error.Line, error.Column, error.Problem.Replace("establishments", $"{reading.RowNoun}s", StringComparison.Ordinal));
            return;
        }
        if (!check.Quoted && check.Encoding is null && stream.CanSeek && await ReadInRangesAsync(stream, reading, ct)) return;
        var options = MalformedRow.ReaderOptions(check.Encoding, MaxRowBytes, reading._malformed) with { BufferSize = 1 << 20 };
        await using var reader = CsvReader.Create(stream, options, leaveOpen: true);
        try
        {
            await reader.ReadHeaderAsync(ct);
            if (reading.ReadHeader(reader.Headers))
            {
                while (reader.Read())
                {
                    reading.Row(reader);
                    if ((reading.RowsRead & 0xFFFF) == 0) ct.ThrowIfCancellationRequested();
                }
            }
        }
        catch (CsvFormatException e)
        {
            reading.Problems.Add(CannotReadPast(e.LineNumber > 0 ? (int)e.LineNumber : null));
        }
        reading.End();
    }

    private static ImportProblem CannotReadPast(int? line) => new(line, null,
        $"the file cannot be read past this point: a row is longer than {MaxRowBytes / (1 << 20)} MB, which usually means a quoted field is never closed");

    /// <summary>A finished school-year block, spooled, and told to <see cref="Closed"/> while no problem has been found.</summary>
    protected EncodedBlock Keep(BlockSpool spool, SchoolYear key, int rows, string sha256, byte[] data, byte[] refs)
    {
        var block = spool.Append(key, rows, sha256, data, refs);
        Closed?.Invoke(block, data, refs);
        return block;
    }

    private bool ReadHeader(IReadOnlyList<string> headers)
    {
        Headers = [.. headers.Select(h => h.Trim())];
        if (Headers.All(h => h.Length == 0))
        {
            Problems.Add(null, null, "the file has no header row: it holds nothing but blank lines");
            return false;
        }
        var positions = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Headers.Length; i++)
        {
            var name = Headers[i];
            if (name.Length == 0) continue;
            if (!positions.TryAdd(name, i) && KnownColumns.Contains(name, StringComparer.OrdinalIgnoreCase))
                Problems.Add(1, name, $"the header has this column twice (columns {positions[name] + 1} and {i + 1}), so SchoolSight cannot tell which one to read");
        }
        // A column SchoolSight does not read (the school's own notes, a name) never stops the import: it is left alone.
        foreach (var column in RequiredColumns)
            if (!positions.ContainsKey(column)) Problems.Add(1, column, "the header has no column of this name, and SchoolSight needs it");
        if (Problems.Any) return false;
        int IndexOf(string column) => positions.GetValueOrDefault(column, -1);
        _urnIndex = IndexOf(UrnColumn);
        _yearIndex = IndexOf(YearColumn);
        Bind(IndexOf);
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Row(CsvReader reader)
    {
        var readerLine = (int)reader.LineNumber;
        var line = readerLine + _lineOffset;
        RowsRead++;
        var count = reader.FieldCount;
        if (_malformed.Remove(readerLine, out var malformed))
        {
            Problems.Add(line, malformed.Column(Headers), malformed.Problem);
            return;
        }
        if (count != Headers.Length)
        {
            if (count < Headers.Length)
                Problems.Add(line, Headers[count], $"the row has {count} fields but the header has {Headers.Length}: it stops before this column (is the file cut short?)");
            else Problems.Add(line, $"column {Headers.Length + 1}", $"the row has {count} fields but the header has {Headers.Length}");
            return;
        }
        var urn = ReadUrn(Field(reader, _urnIndex), line);
        var year = ReadYear(Field(reader, _yearIndex), line);
        ReadRow(reader, line, urn is { } u && year is { } y ? new SchoolYear(u, y) : null);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int? ReadUrn(ReadOnlySpan<byte> value, int line)
    {
        if (value.IsEmpty)
        {
            Problems.Add(line, UrnColumn, "the URN is blank: every row needs the unique reference number of its school");
            return null;
        }
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var urn) || urn is < 100000 or > 9999999)
        {
            Problems.Add(line, UrnColumn, $"'{Show(value)}' is not a URN: a URN is a whole number of 6 or 7 digits");
            return null;
        }
        if (heldUrns.Contains(urn)) return urn;
        _unknownUrns[urn] = _unknownUrns.TryGetValue(urn, out var seen) ? (seen.FirstLine, seen.Rows + 1) : (line, 1);
        return null;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int? ReadYear(ReadOnlySpan<byte> value, int line)
    {
        if (!value.SequenceEqual(_lastYearText))
        {
            _lastYearText = value.ToArray();
            _lastYear = AcademicYears.Parse(System.Text.Encoding.UTF8.GetString(value));
        }
        if (_lastYear is null)
            Problems.Add(line, YearColumn, value.IsEmpty
                ? "the academic year is blank: write it like 2024/25"
                : $"'{Show(value)}' is not an academic year: write it like 2024/25");
        return _lastYear;
    }

    private void End()
    {
        foreach (var (urn, (firstLine, rows)) in _unknownUrns.OrderBy(u => u.Value.FirstLine))
            Problems.Add(firstLine, UrnColumn, $"URN {urn} is not a school SchoolSight holds" +
                                               (rows > 1 ? $" ({rows:N0} rows have it, this is the first)" : "") +
                                               ": import the establishment list (GIAS) first, or correct the URN");
        if (!Problems.Any && RowsRead == 0) Problems.Add(null, null, $"the file has a header row but no {RowNoun}s");
        Finish();
    }

    /// <summary>
    /// The field at <paramref name="index"/> without the spaces and tabs around it (as <c>Trim(" \t"u8)</c>, with no
    /// search of the characters to trim for each end of each of millions of fields).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected static ReadOnlySpan<byte> Field(CsvReader reader, int index)
    {
        var value = reader.GetSpan(index);
        if (value.IsEmpty || (value[0] is not ((byte)' ' or (byte)'\t') && value[^1] is not ((byte)' ' or (byte)'\t'))) return value;
        return value.Trim(" \t"u8);
    }

    /// <summary>A value as it can be quoted in a message: at most 40 characters.</summary>
    protected static string Show(ReadOnlySpan<byte> value)
    {
        var text = System.Text.Encoding.UTF8.GetString(value);
        return text.Length <= 40 ? text : text[..40] + "…";
    }
}
