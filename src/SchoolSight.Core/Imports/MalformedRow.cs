using CsvHelper;

namespace SchoolSight.Core.Imports;

/// <summary>
/// A row CsvHelper could not read as well-formed CSV, with the field where the fault is (found in the row's raw
/// text), so that every import names the line and the column of a stray or unclosed quote.
/// </summary>
internal readonly record struct MalformedRow(CsvMalformedReason Reason, int Field)
{
    /// <summary>
    /// How every import reads its CSV file: RFC 4180 with a header row and line numbers, quoted line breaks allowed,
    /// blank lines skipped, rows no longer than <paramref name="maxRowBytes"/>, and each malformed row kept in
    /// <paramref name="malformed"/> by its line so that the row's problem can name its column.
    /// </summary>
    public static CsvReaderOptions ReaderOptions(System.Text.Encoding? encoding, int maxRowBytes, Dictionary<long, MalformedRow> malformed) =>
        CsvReaderOptions.Default with
        {
            Separator = ',',
            HasHeader = true,
            Mode = CsvMode.Rfc4180,
            Encoding = encoding,
            TrackLineNumbers = true,
            AllowLineBreaksInQuotes = true,
            SkipEmptyLines = true,
            DetectSeparatorHint = false,
            MaxRecordSize = maxRowBytes,
            OnMalformedRecord = record => malformed.TryAdd(record.LineNumber, Of(record)),
        };

    public static MalformedRow Of(CsvMalformedRecord record) => new(record.Reason, FaultyField(record.RawRecord ?? ""));

    /// <summary>The header's name for the faulty field (the last column when the fault runs past the header).</summary>
    public string Column(IReadOnlyList<string> headers) =>
        headers.Count == 0 ? "column 1" : headers[Math.Min(Field, headers.Count - 1)] is { Length: > 0 } name ? name : $"column {Field + 1}";

    public string Problem => Reason switch
    {
        CsvMalformedReason.UnterminatedQuote => "this field starts with a quote that is never closed (is the file cut short?)",
        CsvMalformedReason.StrayQuote => "a double quote is inside a field that is not quoted: a field holding quotes must be in quotes, with each quote doubled",
        CsvMalformedReason.TextAfterClosingQuote => "there is text after the closing quote of a quoted field",
        CsvMalformedReason.LineBreakInQuotes or CsvMalformedReason.FieldCountMismatch or CsvMalformedReason.TrailingEscape =>
            "the row is not well-formed CSV",
    };

    /// <summary>The 0-based field of the first quote out of place: a quote inside an unquoted field, text after a closing quote, or a quote never closed.</summary>
    private static int FaultyField(string raw)
    {
        var field = 0;
        var i = 0;
        while (i < raw.Length)
        {
            if (raw[i] == '"')
            {
                for (i++; ; i++)
                {
                    if (i >= raw.Length) return field;
                    if (raw[i] != '"') continue;
                    if (i + 1 < raw.Length && raw[i + 1] == '"') i++;
                    else break;
                }
                i++;
                if (i < raw.Length && raw[i] is not (',' or '\r' or '\n')) return field;
            }
            else
            {
                for (; i < raw.Length && raw[i] is not (',' or '\r' or '\n'); i++)
                    if (raw[i] == '"') return field;
            }
            if (i >= raw.Length || raw[i] != ',') return field;
            field++;
            i++;
        }
        return field;
    }
}
