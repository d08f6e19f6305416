using System.Globalization;
using CsvHelper;
using SchoolSight.Domain.Register;

namespace SchoolSight.Core.Imports.Gias;

/// <summary>
/// Where an import of an LA's GIAS file finds the localities to put its schools in: the LA's own mapping file (a CSV
/// with the columns <c>URN</c> and <c>Locality</c>, other columns ignored), or a column of the GIAS file itself such
/// as <c>DistrictAdministrative (name)</c>. Without either, no school's locality is touched.
/// </summary>
public sealed record GiasLocalities
{
    private GiasLocalities(Stream? mappingFile, string? mappingFileName, string? column) =>
        (MappingFile, MappingFileName, Column) = (mappingFile, mappingFileName, column);

    public Stream? MappingFile { get; }
    public string? MappingFileName { get; }

    /// <summary>The GIAS column whose value is each school's locality.</summary>
    public string? Column { get; }

    public static GiasLocalities FromFile(Stream content, string fileName) => new(content, ImportUpload.FileName(fileName), null);

    public static GiasLocalities FromColumn(string column) =>
        string.IsNullOrWhiteSpace(column) ? throw new ArgumentException("Name the column.", nameof(column)) : new(null, null, column.Trim());

    /// <summary>The mapping file when there is one, else the column when one is named, else null (localities left alone).</summary>
    public static GiasLocalities? From(Stream? mappingFile, string? mappingFileName, string? column) =>
        mappingFile is not null ? FromFile(mappingFile, mappingFileName ?? "") : string.IsNullOrWhiteSpace(column) ? null : FromColumn(column);

    public const string UrnHeader = "URN";
    public const string LocalityHeader = "Locality";

    /// <summary>The longest locality name SchoolSight keeps.</summary>
    public const int MaxName = 100;

    /// <summary>A mapping file of more rows than this is not an LA's list of its schools.</summary>
    public const int MaxRows = 100_000;

    /// <summary>
    /// Reads a mapping file: each row's URN (a positive whole number, once) and locality (not blank, up to 100
    /// characters). Its problems name the file's line and column, as the GIAS file's do, with "(localities file)".
    /// </summary>
    public static async Task<(IReadOnlyDictionary<int, string> ByUrn, ProblemList Problems)> ReadMappingAsync(Stream content, CancellationToken ct)
    {
        var problems = new ProblemList();
        var byUrn = new Dictionary<int, string>();
        await using var reader = CsvReader.Create(content, CsvReaderOptions.Default with { Separator = ',', TrackLineNumbers = true }, leaveOpen: true);
        await reader.ReadHeaderAsync(ct);
        var headers = reader.Headers.Select(h => h.Trim().TrimStart('\uFEFF')).ToList();
        var urnIndex = headers.FindIndex(h => h.Equals(UrnHeader, StringComparison.OrdinalIgnoreCase));
        var localityIndex = headers.FindIndex(h => h.Equals(LocalityHeader, StringComparison.OrdinalIgnoreCase));
        if (urnIndex < 0) problems.Add(1, InFile(UrnHeader), "the localities file's header has no column of this name: it needs URN and Locality");
        if (localityIndex < 0) problems.Add(1, InFile(LocalityHeader), "the localities file's header has no column of this name: it needs URN and Locality");
        if (problems.Any) return (byUrn, problems);

        try
        {
            await ReadRowsAsync(reader, urnIndex, localityIndex, byUrn, problems, ct);
        }
        catch (CsvFormatException e)
        {
            problems.Add(e.LineNumber > 0 ? (int)e.LineNumber : null, null, "the localities file cannot be read past this point: a quoted field is never closed");
        }
        if (!problems.Any && byUrn.Count == 0) problems.Add(null, null, "the localities file has a header row but no schools");
        return (byUrn, problems);
    }

    private static async Task ReadRowsAsync(CsvReader reader, int urnIndex, int localityIndex, Dictionary<int, string> byUrn, ProblemList problems, CancellationToken ct)
    {
        var lineOf = new Dictionary<int, int>();
        while (await reader.ReadAsync(ct))
        {
            var line = (int)reader.LineNumber;
            if (lineOf.Count >= MaxRows)
            {
                problems.Add(line, null, $"the localities file has more than {MaxRows:N0} rows: it should list the LA's schools, one a line");
                break;
            }
            if (reader.FieldCount <= Math.Max(urnIndex, localityIndex))
            {
                problems.Add(line, null, $"the row of the localities file has {reader.FieldCount} fields but needs {Math.Max(urnIndex, localityIndex) + 1}");
                continue;
            }
            var urnText = reader.GetString(urnIndex).Trim();
            var name = reader.GetString(localityIndex).Trim();
            if (!int.TryParse(urnText, NumberStyles.None, CultureInfo.InvariantCulture, out var urn) || !Urns.IsUrn(urn))
                problems.Add(line, InFile(UrnHeader), $"'{urnText}' is not a URN: a URN is a positive whole number, such as 115850");
            else if (!lineOf.TryAdd(urn, line))
                problems.Add(line, InFile(UrnHeader), $"URN {urn} is in the localities file twice: it is also on line {lineOf[urn]}");
            else if (name.Length == 0)
                problems.Add(line, InFile(LocalityHeader), "the locality is blank: give the name of the locality the school is in");
            else if (name.Length > MaxName)
                problems.Add(line, InFile(LocalityHeader), $"the value is {name.Length} characters long; SchoolSight keeps at most {MaxName}");
            else byUrn[urn] = name;
        }
    }

    private static string InFile(string header) => $"{header} (localities file)";
}
