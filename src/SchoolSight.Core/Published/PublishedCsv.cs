using CsvHelper;
using SchoolSight.Core.Imports;
using SchoolSight.Core.Imports.Gias;

namespace SchoolSight.Core.Published;

/// <summary>What a published file's reader does with its header and each of its rows.</summary>
internal interface IPublishedRowHandler
{
    /// <summary>Checks the header (trimmed names, any case); adds problems to <paramref name="errors"/> and returns false to stop.</summary>
    /// <summary>Whether the reader uses this column (any case): a column it does not use may be anything, even repeated.</summary>
    bool Reads(string column);

    bool ReadHeader(IReadOnlyDictionary<string, int> positions, ProblemList errors);

    /// <summary>One row that is not blank, at <paramref name="line"/>; field values are trimmed, missing trailing fields are blank.</summary>
    void ReadRow(Func<int, string> field, int line, ProblemList errors);
}

/// <summary>
/// The shared reading of a published CSV file, with the same rules as the GIAS import: the file's bytes are checked
/// first (<see cref="GiasFileCheck"/>: SHA-256, UTF-8 or Windows-1252, not a workbook), then every row is read with
/// its real line number. The DfE leaves trailing empty fields off short rows, so a row may have fewer fields than the
/// header (the rest are blank); more fields than the header is a problem unless they are empty. Rows with nothing in
/// them (such as the empty rows at the end of Ofsted's file) are skipped.
/// </summary>
internal static class PublishedCsv
{
    public const int MaxRowBytes = 4 << 20;

    /// <param name="Errors">The problems found: the first <see cref="ProblemList.MaxListed"/> listed, all counted.</param>
    public sealed record Outcome(GiasFileCheck Check, int RowsRead, ProblemList Errors);

    /// <param name="temp">Where a one-way <paramref name="content"/> is copied so it can be read twice.</param>
    public static async Task<Outcome> ReadAsync(Stream content, IPublishedRowHandler handler, ImportTempFolder temp, IProgress<GiasImportProgress>? progress, CancellationToken ct)
    {
        await using var upload = await ImportUpload.OpenAsync(content, temp, (read, all) => progress?.Report(new(GiasImportPhase.CheckingFile, 0, read, all)), ct);
        var (stream, check, total) = (upload.Stream, upload.Check, upload.Check.Length);
        var errors = new ProblemList();
        if (check.Error is not null)
        {
            errors.Add(check.Error.Problem.StartsWith("the file is empty", StringComparison.Ordinal)
                ? new ImportProblem(null, null, "the file is empty: it has no header row and no rows")
                : check.Error);
            return new Outcome(check, 0, errors);
        }

        var malformed = new Dictionary<long, MalformedRow>();
        var options = MalformedRow.ReaderOptions(check.Encoding, MaxRowBytes, malformed);
        var rows = 0;
        await using var reader = CsvReader.Create(stream, options, leaveOpen: true);
        try
        {
            await reader.ReadHeaderAsync(ct);
            var headers = reader.Headers.Select(h => h.Trim()).ToArray();
            if (headers.All(h => h.Length == 0))
            {
                errors.Add(null, null, "the file has no header row: it holds nothing but blank lines");
                return new Outcome(check, 0, errors);
            }
            var positions = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < headers.Length; i++)
            {
                if (headers[i].Length == 0) continue;
                if (!positions.TryAdd(headers[i], i) && handler.Reads(headers[i]))
                    errors.Add(1, headers[i],
                        $"the header has this column twice (columns {positions[headers[i]] + 1} and {i + 1}), so SchoolSight cannot tell which one to read");
            }
            if (errors.Any || !handler.ReadHeader(positions, errors)) return new Outcome(check, 0, errors);

            var values = new string[headers.Length];
            while (await reader.ReadAsync(ct))
            {
                var line = (int)reader.LineNumber;
                if (malformed.Remove(line, out var fault))
                {
                    errors.Add(line, fault.Column(headers), fault.Problem);
                    rows++;
                    continue;
                }
                var count = reader.FieldCount;
                var blank = true;
                for (var i = 0; i < headers.Length; i++)
                {
                    values[i] = i < count ? reader.GetString(i).Trim() : "";
                    if (values[i].Length > 0) blank = false;
                }
                var extra = false;
                for (var i = headers.Length; i < count; i++)
                    if (reader.GetSpan(i).Trim(" \t"u8).Length > 0) extra = true;
                if (blank && !extra) continue;
                if (++rows % 1000 == 0) progress?.Report(new(GiasImportPhase.ReadingRows, rows, reader.ByteOffset, total));
                if (extra)
                {
                    errors.Add(line, $"column {headers.Length + 1}", $"the row has {count} fields but the header has {headers.Length}");
                    continue;
                }
                handler.ReadRow(i => values[i], line, errors);
            }
        }
        catch (CsvFormatException e)
        {
            errors.Add(e.LineNumber > 0 ? (int)e.LineNumber : null, null,
                $"the file cannot be read past this point: a row is longer than {MaxRowBytes / (1 << 20)} MB, which usually means a quoted field is never closed");
        }
        if (!errors.Any && rows == 0) errors.Add(null, null, "the file has a header row but no rows");
        progress?.Report(new(GiasImportPhase.ReadingRows, rows, total, total));
        return new Outcome(check, rows, errors);
    }
}
