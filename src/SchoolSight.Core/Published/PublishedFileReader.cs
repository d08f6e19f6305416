using SchoolSight.Core.Imports;
using SchoolSight.Core.Imports.Gias;
using SchoolSight.Domain.Indicators;
using SchoolSight.Domain.Published;

namespace SchoolSight.Core.Published;

/// <summary>One figure read from a file, for an area, before it is stored.</summary>
public sealed record PublishedValue(AreaKind AreaKind, string AreaCode, string Measure, decimal? Value, string? Marker);

/// <param name="HeldUrns">The schools SchoolSight holds; other schools' rows are counted and skipped. Null keeps every school.</param>
public sealed record PublishedReadOptions(PublishedSource Source, IReadOnlySet<int>? HeldUrns)
{
    /// <summary>Where a one-way stream is copied so it can be read twice.</summary>
    public ImportTempFolder TempFolder { get; init; } = ImportTempFolder.Default;
}

/// <summary>What reading a DfE published file found: its problems (the first <see cref="ProblemList.MaxListed"/>, all counted), or the figures to store.</summary>
public sealed record PublishedFile(GiasFileCheck Check, int RowsRead, int SchoolRows, int AreaRows, int SchoolsNotHeld,
    IReadOnlyList<PublishedValue> Figures, IReadOnlyList<string> ColumnsNotInFile, IReadOnlyList<ImportProblem> Errors)
{
    public int ErrorCount { get; init; } = Errors.Count;

    /// <summary>The LAs the file covers: the codes of its LA rows and of every school row's LA, held or not.</summary>
    public IReadOnlySet<int> LaCodes { get; init; } = new HashSet<int>();
}

/// <summary>
/// Reads a DfE school-level file (KS2, KS4, census, absence) in its real published layout and checks all of it.
/// Every row must say which area it is about (a valid record type, URN or LA code) and no area may appear twice; the
/// headline columns (<see cref="PublishedMeasures"/>) of the rows kept are read as numbers or DfE markers, each
/// problem reported with its line and column. Rows of schools SchoolSight does not hold are counted, not read.
/// </summary>
public static class PublishedFileReader
{
    public static async Task<PublishedFile> ReadAsync(Stream content, PublishedReadOptions options, IProgress<GiasImportProgress>? progress = null, CancellationToken ct = default)
    {
        var handler = new Handler(options);
        var outcome = await PublishedCsv.ReadAsync(content, handler, options.TempFolder, progress, ct);
        var errors = outcome.Errors;
        return new PublishedFile(outcome.Check, outcome.RowsRead, handler.SchoolRows, handler.AreaRows, handler.SchoolsNotHeld,
            errors.Any ? [] : handler.Figures, handler.ColumnsNotInFile, errors.Listed())
        { ErrorCount = errors.Count, LaCodes = handler.LaCodes };
    }

    private sealed class Handler(PublishedReadOptions options) : IPublishedRowHandler
    {
        private readonly PublishedLayout _layout = PublishedLayout.For(options.Source);
        private readonly Dictionary<(AreaKind, string), int> _lineOfArea = [];
        private readonly List<(PublishedMeasure Measure, string Name, int Index)> _columns = [];
        private IReadOnlyDictionary<string, int> _positions = new Dictionary<string, int>();

        public List<PublishedValue> Figures { get; } = [];
        public List<string> ColumnsNotInFile { get; } = [];
        public HashSet<int> LaCodes { get; } = [];
        public int SchoolRows { get; private set; }
        public int AreaRows { get; private set; }
        public int SchoolsNotHeld { get; private set; }

        public bool Reads(string column) =>
            _layout.IdentityColumns.Contains(column, StringComparer.OrdinalIgnoreCase)
            || PublishedMeasures.For(options.Source).Any(m => string.Equals(m.Column, column, StringComparison.OrdinalIgnoreCase));

        public bool ReadHeader(IReadOnlyDictionary<string, int> positions, ProblemList errors)
        {
            _positions = positions;
            foreach (var column in _layout.IdentityColumns.Where(c => !positions.ContainsKey(c)))
                errors.Add(1, column, $"the header has no column of this name, and every {options.Source.Title()} file has it: is this the right file for {options.Source.Slug().ToUpperInvariant()}?");
            foreach (var measure in PublishedMeasures.For(options.Source))
            {
                if (positions.TryGetValue(measure.Column, out var index))
                    _columns.Add((measure, PublishedMeasures.Name(options.Source, measure.Column), index));
                else if (measure.Required)
                    errors.Add(1, measure.Column, $"the header has no column of this name, and SchoolSight needs it from every {options.Source.Title()} file");
                else ColumnsNotInFile.Add(measure.Column);
            }
            return !errors.Any;
        }

        public void ReadRow(Func<int, string> field, int line, ProblemList errors)
        {
            var area = _layout.Classify(name => field(_positions[name]));
            if (area.Failed)
            {
                errors.Add(line, area.ProblemColumn, area.Problem!);
                return;
            }
            if (!_lineOfArea.TryAdd((area.Kind, area.Code), line))
            {
                var what = area.Kind switch
                {
                    AreaKind.School => $"URN {area.Code}",
                    AreaKind.LocalAuthority => $"LA {area.Code}",
                    AreaKind.England => $"England's row {area.Code}",
                    AreaKind.Locality => $"Locality {area.Code}",
                };
                errors.Add(line, area.Kind == AreaKind.School ? "URN" : _layout.IdentityColumns[0],
                    $"{what} is in the file twice: it is also on line {_lineOfArea[(area.Kind, area.Code)]}");
                return;
            }
            if (area.La is { } la) LaCodes.Add(la);
            if (area.Kind == AreaKind.School)
            {
                if (options.HeldUrns is { } held && !held.Contains(int.Parse(area.Code)))
                {
                    SchoolsNotHeld++;
                    return;
                }
                SchoolRows++;
            }
            else AreaRows++;

            foreach (var (measure, name, index) in _columns)
            {
                var reading = PublishedValues.Read(field(index), measure);
                if (reading.Problem is { } problem) errors.Add(line, measure.Column, problem);
                else if (!reading.IsBlank && !errors.Any) Figures.Add(new PublishedValue(area.Kind, area.Code, name, reading.Value, reading.Marker));
            }
        }
    }
}
