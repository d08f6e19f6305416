using System.Globalization;
using CsvHelper;
using Microsoft.EntityFrameworkCore.Metadata;
using SchoolSight.Domain.Register;

namespace SchoolSight.Core.Imports.Gias;

/// <summary>One establishment of a kept LA, read and checked: its URN, the line its row starts on, its GIAS details.</summary>
public sealed record GiasRow(int Urn, int Line, SchoolDetails Details);

public sealed record GiasReadOptions(GiasImportScope Scope)
{
    /// <summary>
    /// URNs SchoolSight already holds for a kept LA. Their rows are read whatever LA the file now gives them, so a
    /// school that moved LA is updated rather than taken for missing and closed.
    /// </summary>
    public IReadOnlySet<int> HeldUrns { get; init; } = new HashSet<int>();

    /// <summary>The longest text the database keeps for a <see cref="SchoolDetails"/> property, by property name.</summary>
    public IReadOnlyDictionary<string, int> MaxLengths { get; init; } = new Dictionary<string, int>();

    /// <summary>A column of the file whose value puts each school in a locality (e.g. <c>DistrictAdministrative (name)</c>); null for none.</summary>
    public string? LocalityColumn { get; init; }

    /// <summary>Where a one-way stream is copied so it can be read twice.</summary>
    public ImportTempFolder TempFolder { get; init; } = ImportTempFolder.Default;

    /// <summary>The maximum lengths the EF model gives the school's GIAS details, for <see cref="MaxLengths"/>.</summary>
    public static IReadOnlyDictionary<string, int> MaxLengthsOf(IModel model) =>
        model.FindEntityType(typeof(School))!.FindComplexProperty(nameof(School.Details))!.ComplexType.GetProperties()
            .Where(p => p.GetMaxLength() is not null)
            .ToDictionary(p => p.Name, p => p.GetMaxLength()!.Value);
}

/// <summary>What reading a GIAS file found: its problems (the first <see cref="ProblemList.MaxListed"/>, all counted), or the rows to import.</summary>
/// <param name="Notices">Values of sound rows that SchoolSight could not keep exactly as GIAS gives them; they do not stop the import.</param>
public sealed record GiasFile(GiasFileCheck Check, int RowsRead, int RowsInScope, IReadOnlyList<GiasRow> Rows,
    IReadOnlySet<int> LaCodesInFile, IReadOnlyList<GiasColumn> ColumnsNotInFile, IReadOnlyList<ImportProblem> Errors,
    IReadOnlyList<ImportProblem> Notices)
{
    public int ErrorCount { get; init; } = Errors.Count;
    public int NoticeCount { get; init; } = Notices.Count;

    /// <summary>Establishments of the kept LAs that SchoolSight does not monitor (<see cref="EstablishmentTypes"/>), counted by GIAS type.</summary>
    public IReadOnlyList<GiasSkipped> Skipped { get; init; } = [];

    /// <summary>The URNs of <see cref="Skipped"/>: in the file, so never taken for schools that have gone from it.</summary>
    public IReadOnlySet<int> SkippedUrns { get; init; } = new HashSet<int>();

    /// <summary>Each kept LA's name as the file gives it (<c>LA (name)</c>), by LA code.</summary>
    public IReadOnlyDictionary<int, string> LaNames { get; init; } = new Dictionary<int, string>();

    /// <summary>The value of <see cref="GiasReadOptions.LocalityColumn"/> for each school read, by URN (blank values left out).</summary>
    public IReadOnlyDictionary<int, string> LocalityByUrn { get; init; } = new Dictionary<int, string>();
}

/// <summary>How many establishments of one GIAS type an import left out, because SchoolSight does not monitor them.</summary>
public sealed record GiasSkipped(string TypeOfEstablishment, int Count)
{
    public override string ToString() => $"{Count:N0} {TypeOfEstablishment}";
}

/// <summary>
/// Reads a GIAS "all establishment data" CSV and checks all of it. The shape of every row is checked (field count,
/// quoting, URN present, numeric and unique, LA code present and numeric), whichever LA it belongs to: a damaged
/// file is refused whole. The values (dates, numbers, status, the school rules) are checked on the rows of the kept
/// LAs, the only ones imported: another LA's oddities are not this LA's to fix.
/// </summary>
public static class GiasFileReader
{
    /// <summary>A GIAS row is about 1.2 KB; a "row" past this is a quote that is never closed swallowing the file.</summary>
    public const int MaxRowBytes = 4 << 20;

    public static async Task<GiasFile> ReadAsync(Stream content, GiasReadOptions options, IProgress<GiasImportProgress>? progress = null, CancellationToken ct = default)
    {
        // Two passes (check, then read) need to go back to the start: a one-way stream is copied to a private file.
        await using var upload = await ImportUpload.OpenAsync(content, options.TempFolder, (read, all) => progress?.Report(new(GiasImportPhase.CheckingFile, 0, read, all)), ct);
        var (stream, check, total) = (upload.Stream, upload.Check, upload.Check.Length);
        if (check.Error is not null)
            return new GiasFile(check, 0, 0, [], new HashSet<int>(), [], [check.Error], []);

        var reading = new Reading(options, check, progress, total);
        var readerOptions = MalformedRow.ReaderOptions(check.Encoding, MaxRowBytes, reading.Malformed) with { PoolStrings = true };
        await using var reader = CsvReader.Create(stream, readerOptions, leaveOpen: true);
        try
        {
            await reader.ReadHeaderAsync(ct);
            if (reading.ReadHeader(reader.Headers))
                while (await reader.ReadAsync(ct))
                    reading.ReadRow(reader);
        }
        catch (CsvFormatException e)
        {
            reading.Stop(e.LineNumber > 0 ? (int)e.LineNumber : null,
                $"the file cannot be read past this point: a row is longer than {MaxRowBytes / (1 << 20)} MB, which usually means a quoted field is never closed");
        }
        return reading.Result();
    }

    private sealed class Reading(GiasReadOptions options, GiasFileCheck check, IProgress<GiasImportProgress>? progress, long total)
    {
        private readonly ProblemList _errors = new();
        private readonly ProblemList _notices = new();
        private readonly List<GiasRow> _rows = [];
        private readonly HashSet<int> _laCodes = [];
        private readonly Dictionary<int, int> _lineOfUrn = [];
        public Dictionary<long, MalformedRow> Malformed { get; } = [];
        private readonly List<GiasColumn> _absent = [];
        private readonly SortedDictionary<string, int> _skipped = new(StringComparer.OrdinalIgnoreCase);
        private readonly HashSet<int> _skippedUrns = [];
        private readonly Dictionary<int, string> _laNames = [];
        private readonly Dictionary<int, string> _localities = [];
        private string[] _headers = [];
        private int _urnIndex, _laIndex, _laNameIndex, _typeIndex, _groupIndex, _localityIndex = -1, _rowsRead, _rowsInScope;
        private bool _linksOverflow;
        private GiasRowMapper? _mapper;

        public bool ReadHeader(IReadOnlyList<string> headers)
        {
            _headers = [.. headers.Select(h => h.Trim())];
            if (_headers.All(h => h.Length == 0))
            {
                _errors.Add(null, null, "the file has no header row: it holds nothing but blank lines");
                return false;
            }
            var positions = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < _headers.Length; i++)
            {
                if (_headers[i].Length == 0) continue;
                if (!positions.TryAdd(_headers[i], i) && GiasColumns.All.Any(c => string.Equals(c.Header, _headers[i], StringComparison.OrdinalIgnoreCase)))
                    _errors.Add(1, _headers[i],
                        $"the header has this column twice (columns {positions[_headers[i]] + 1} and {i + 1}), so SchoolSight cannot tell which one to read");
            }
            var indexes = new Dictionary<GiasColumn, int>(ReferenceEqualityComparer.Instance);
            foreach (var column in GiasColumns.All)
            {
                var index = positions.GetValueOrDefault(column.Header, -1);
                if (index < 0 && column.Required)
                    _errors.Add(1, column.Header, "the header has no column of this name, and SchoolSight needs it");
                else if (index < 0) _absent.Add(column);
                indexes[column] = index;
            }
            if (options.LocalityColumn is { } localityColumn)
            {
                _localityIndex = positions.GetValueOrDefault(localityColumn.Trim(), -1);
                if (_localityIndex < 0)
                    _errors.Add(1, localityColumn, "the header has no column of this name, and it was chosen to give the schools' localities");
            }
            if (_errors.Any) return false;

            _urnIndex = indexes[GiasColumns.Urn];
            _laIndex = indexes[GiasColumns.LaCode];
            _laNameIndex = indexes[GiasColumns.LaName];
            _typeIndex = indexes[GiasColumns.Type];
            _groupIndex = indexes[GiasColumns.TypeGroup];
            _linksOverflow = string.Equals(_headers[^1], GiasColumns.LinkedEstablishments, StringComparison.OrdinalIgnoreCase);
            _mapper = new GiasRowMapper(indexes, options.MaxLengths);
            return true;
        }

        public void ReadRow(CsvReader reader)
        {
            var line = (int)reader.LineNumber;
            if (++_rowsRead % 1000 == 0) progress?.Report(new(GiasImportPhase.ReadingRows, _rowsRead, reader.ByteOffset, total));
            var count = reader.FieldCount;
            if (Malformed.Remove(line, out var malformed))
            {
                _errors.Add(line, malformed.Column(_headers), malformed.Problem);
                return;
            }
            if (count < _headers.Length)
            {
                _errors.Add(line, _headers[count],
                    $"the row has {count} fields but the header has {_headers.Length}: it stops before this column (is the file cut short?)");
                return;
            }
            if (count > _headers.Length && !IsLinksOverflow(reader))
            {
                _errors.Add(line, $"column {_headers.Length + 1}", _linksOverflow
                    ? $"the row has {count} fields but the header has {_headers.Length}: only GIAS's linked establishments (such as '148215 Successor') may run past the last column"
                    : $"the row has {count} fields but the header has {_headers.Length}");
                return;
            }

            var urn = ReadUrn(reader.GetSpan(_urnIndex).Trim(" \t"u8), line);
            var laCode = ReadLaCode(reader.GetSpan(_laIndex).Trim(" \t"u8), line);
            if (urn is not { } u || laCode is not { } la) return;
            _laCodes.Add(la);
            if (!options.Scope.Keeps(la) && !options.HeldUrns.Contains(u)) return;
            if (_laNameIndex >= 0 && !_laNames.ContainsKey(la) && reader.GetString(_laNameIndex).Trim() is { Length: > 0 } laName && laName != GiasColumns.NotApplicable)
                _laNames[la] = laName;

            // An establishment SchoolSight does not monitor (a children's centre, a college…) is counted and read no further.
            var type = reader.GetString(_typeIndex).Trim();
            if (!EstablishmentTypes.IsMonitored(type, _groupIndex < 0 ? null : reader.GetString(_groupIndex)))
            {
                _skipped[type] = _skipped.GetValueOrDefault(type) + 1;
                _skippedUrns.Add(u);
                return;
            }

            _rowsInScope++;
            if (_localityIndex >= 0 && reader.GetString(_localityIndex).Trim() is { Length: > 0 } locality && locality != GiasColumns.NotApplicable)
            {
                if (locality.Length <= GiasLocalities.MaxName) _localities[u] = locality;
                else _errors.Add(line, _headers[_localityIndex], $"the value is {locality.Length} characters long; SchoolSight keeps at most {GiasLocalities.MaxName} for a locality's name");
            }
            // Once the file is refused its rows are not kept: only its problems matter, and a wrong file can be large.
            if (_mapper!.Map(reader, line, la, _errors, _notices) is { } details && !_errors.Any) _rows.Add(new GiasRow(u, line, details));
        }

        /// <summary>Fields past the header are GIAS links ("148215 Successor") spilling out of the last column, and nothing else.</summary>
        private bool IsLinksOverflow(CsvReader reader)
        {
            if (!_linksOverflow) return false;
            for (var i = _headers.Length - 1; i < reader.FieldCount; i++)
                if (!IsLink(reader.GetSpan(i))) return false;
            return true;
        }

        private static bool IsLink(ReadOnlySpan<byte> field)
        {
            var digits = field.IndexOfAnyExceptInRange((byte)'0', (byte)'9');
            return digits > 0 && field.Length > digits + 1 && field[digits] == (byte)' ';
        }

        private int? ReadUrn(ReadOnlySpan<byte> value, int line)
        {
            if (value.IsEmpty)
            {
                _errors.Add(line, GiasColumns.Urn.Header, "the URN is blank: every establishment needs its unique reference number");
                return null;
            }
            if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var urn) || !Urns.IsUrn(urn))
            {
                _errors.Add(line, GiasColumns.Urn.Header, $"'{GiasRowMapper.Show(value)}' is not a URN: a URN is a positive whole number, such as 115850");
                return null;
            }
            if (!_lineOfUrn.TryAdd(urn, line))
            {
                _errors.Add(line, GiasColumns.Urn.Header, $"URN {urn} is in the file twice: it is also on line {_lineOfUrn[urn]}");
                return null;
            }
            return urn;
        }

        private int? ReadLaCode(ReadOnlySpan<byte> value, int line)
        {
            if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var code)) return code;
            _errors.Add(line, GiasColumns.LaCode.Header, value.IsEmpty
                ? "the LA code is blank: every establishment belongs to an LA"
                : $"'{GiasRowMapper.Show(value)}' is not an LA code: LA codes are three-digit numbers");
            return null;
        }

        public void Stop(int? line, string problem) => _errors.Add(line, null, problem);

        public GiasFile Result()
        {
            if (!_errors.Any && _rowsRead == 0)
                _errors.Add(null, null, "the file has a header row but no establishments");
            progress?.Report(new(GiasImportPhase.ReadingRows, _rowsRead, total, total));
            return new GiasFile(check, _rowsRead, _rowsInScope, _errors.Any ? [] : _rows, _laCodes, _absent, _errors.Listed(), _notices.Listed())
            {
                ErrorCount = _errors.Count,
                NoticeCount = _notices.Count,
                Skipped = [.. _skipped.Select(s => new GiasSkipped(s.Key, s.Value))],
                SkippedUrns = _skippedUrns,
                LaNames = _laNames,
                LocalityByUrn = _localities,
            };
        }
    }
}
