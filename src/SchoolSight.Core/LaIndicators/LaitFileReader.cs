using System.Globalization;
using SchoolSight.Core.Imports;
using SchoolSight.Core.Imports.Gias;
using SchoolSight.Core.Published;
using SchoolSight.Domain.LaIndicators;

namespace SchoolSight.Core.LaIndicators;

/// <summary>One figure as read from the file, with its line.</summary>
public sealed record LaitRow(int Line, string Measure, string Year, int YearOrder, LaIndicatorArea Area, int AreaCode, string AreaName, string Region,
    decimal? Value, string? Marker);

/// <param name="MeasuresSkipped">The file's other measures (not headline ones), skipped: how many rows of how many measures.</param>
public sealed record LaitFile(GiasFileCheck Check, int RowsRead, int RowsSkipped, int MeasuresSkipped, IReadOnlyList<LaitRow> Rows, IReadOnlyList<ImportProblem> Errors)
{
    public int ErrorCount { get; init; } = Errors.Count;
}

/// <summary>
/// Reads the DfE's Local Authority Interactive Tool file in its long layout (Short Desc, Data item, Years, LA and
/// Regions, Values, LA Number, Region), with the imports' rules (<see cref="PublishedCsv"/>): the whole file is
/// checked, every problem given by line and column, columns SchoolSight does not read never reject it. Only the
/// headline measures (<see cref="HeadlineLaIndicators"/>) are kept, so memory stays bounded whatever the file's size;
/// the rest are counted. Code 970 is England, 980–990 the regions, any other three-digit code an LA (which must name
/// its region). A value is a number, one of the DfE's markers ("-", x, c, z, ..) kept as the marker, or blank (no
/// figure). A year's order is its first place in the file for the measure (the DfE lists years oldest first).
/// </summary>
public static class LaitFileReader
{
    public const string ShortDesc = "Short Desc";
    public const string Years = "Years";
    public const string Name = "LA and Regions";
    public const string Values = "Values";
    public const string Number = "LA Number";
    public const string Region = "Region";
    public const int EnglandCode = 970;

    private static readonly string[] Required = [ShortDesc, Years, Name, Values, Number, Region];

    /// <summary>The markers kept in place of a number: the DfE's published ones and LAIT's "-".</summary>
    public static bool IsMarker(string text) => text == "-" || PublishedValues.Markers.ContainsKey(text);

    public static async Task<LaitFile> ReadAsync(Stream content, IProgress<GiasImportProgress>? progress = null, CancellationToken ct = default, ImportTempFolder? temp = null)
    {
        var handler = new Handler();
        var outcome = await PublishedCsv.ReadAsync(content, handler, temp ?? ImportTempFolder.Default, progress, ct);
        return new LaitFile(outcome.Check, outcome.RowsRead, handler.Skipped, handler.SkippedMeasures.Count, outcome.Errors.Any ? [] : handler.Rows, outcome.Errors.Listed())
        { ErrorCount = outcome.Errors.Count };
    }

    public static LaIndicatorArea AreaOf(int code) => code == EnglandCode ? LaIndicatorArea.England : code is >= 980 and <= 990 ? LaIndicatorArea.Region : LaIndicatorArea.La;

    private sealed class Handler : IPublishedRowHandler
    {
        private readonly Dictionary<string, int> _positions = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<(string, string, int), int> _lineOf = [];
        private readonly Dictionary<string, List<string>> _years = [];

        public List<LaitRow> Rows { get; } = [];
        public HashSet<string> SkippedMeasures { get; } = new(StringComparer.OrdinalIgnoreCase);
        public int Skipped { get; private set; }

        public bool Reads(string column) => Required.Contains(column, StringComparer.OrdinalIgnoreCase);

        public bool ReadHeader(IReadOnlyDictionary<string, int> positions, ProblemList errors)
        {
            foreach (var (name, index) in positions) _positions[name] = index;
            foreach (var column in Required.Where(c => !_positions.ContainsKey(c)))
                errors.Add(1, column, "the header has no column of this name, and SchoolSight needs it from the LA indicators file");
            return !errors.Any;
        }

        public void ReadRow(Func<int, string> field, int line, ProblemList errors)
        {
            string Field(string column) => field(_positions[column]);
            var code = Field(ShortDesc);
            if (code.Length == 0)
            {
                errors.Add(line, ShortDesc, "the measure's short code is blank");
                return;
            }
            if (HeadlineLaIndicators.Find(code) is not { } measure)
            {
                Skipped++;
                SkippedMeasures.Add(code);
                return;
            }
            var before = errors.Count;
            var year = Field(Years);
            if (year.Length is 0 or > LaIndicatorFigure.MaxYearLength)
                errors.Add(line, Years, year.Length == 0 ? "the year is blank" : $"'{PublishedValues.Show(year)}' is not a year: at most {LaIndicatorFigure.MaxYearLength} characters");
            var name = Field(Name);
            if (name.Length is 0 or > LaIndicatorFigure.MaxNameLength)
                errors.Add(line, Name, name.Length == 0 ? "the LA or region's name is blank" : $"the name is longer than {LaIndicatorFigure.MaxNameLength} characters");
            var number = Field(Number);
            var validCode = number.Length == 3 && int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed >= 100;
            var areaCode = validCode ? int.Parse(number, CultureInfo.InvariantCulture) : 0;
            if (!validCode)
                errors.Add(line, Number, $"'{PublishedValues.Show(number)}' is not an LA code: a code is three digits (970 England, 980–990 the regions)");
            var area = AreaOf(areaCode);
            var region = Field(Region);
            if (area == LaIndicatorArea.La && validCode && (region.Length == 0 || region.Equals("NA", StringComparison.OrdinalIgnoreCase)))
                errors.Add(line, Region, "an LA's row needs its region");
            else if (region.Length > LaIndicatorFigure.MaxNameLength)
                errors.Add(line, Region, $"the region is longer than {LaIndicatorFigure.MaxNameLength} characters");
            var text = Field(Values);
            decimal? value = null;
            string? marker = null;
            if (IsMarker(text)) marker = text == "-" ? "-" : PublishedValues.Markers.Keys.First(k => k.Equals(text, StringComparison.OrdinalIgnoreCase));
            else if (text.Length > 0)
            {
                if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number1) && Math.Abs(number1) < 1_000_000_000m) value = number1;
                else errors.Add(line, Values, $"'{PublishedValues.Show(text)}' is not a number or one of the DfE's markers (-, x, c, z, ..)");
            }
            if (errors.Count > before) return;

            if (!_lineOf.TryAdd((measure.Code, year, areaCode), line))
            {
                errors.Add(line, LaitFileReader.Years, $"{measure.Code} {year} for {areaCode} is given twice (first on line {_lineOf[(measure.Code, year, areaCode)]})");
                return;
            }
            if (!_years.TryGetValue(measure.Code, out var years)) _years[measure.Code] = years = [];
            var order = years.IndexOf(year);
            if (order < 0)
            {
                years.Add(year);
                order = years.Count - 1;
            }
            Rows.Add(new LaitRow(line, measure.Code, year, order, area, areaCode, name, area == LaIndicatorArea.La ? region : "", value, marker));
        }
    }
}
