using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Core.Imports;
using SchoolSight.Core.Imports.Gias;
using SchoolSight.Core.Imports.Pupils;
using SchoolSight.Core.Imports.Surveys;
using SchoolSight.Core.Published;
using SchoolSight.Domain.Published;
using SchoolSight.TestSupport;

namespace SchoolSight.Core.Tests.Imports;

/// <summary>What any import answered, whatever its source: applied or not, the problems listed and how many there are.</summary>
public sealed record ImportAnswer(bool Applied, int ErrorCount, IReadOnlyList<(int? Line, string? Column, string Problem)> Errors, string Json);

/// <summary>A valid file of one source as editable rows (header, then data rows), written back as CSV.</summary>
public sealed record SampleFile(List<string> Header, List<List<string>> Rows)
{
    public SampleFile Copy() => new([.. Header], [.. Rows.Select(r => r.ToList())]);

    public int Index(string column) => Header.FindIndex(h => string.Equals(h, column, StringComparison.OrdinalIgnoreCase)) is var i and >= 0
        ? i : throw new ArgumentException($"No column {column}");

    public SampleFile Set(int row, string column, string value)
    {
        var fields = Rows[row];
        while (fields.Count <= Index(column)) fields.Add("");
        fields[Index(column)] = value;
        return this;
    }

    public string Text(string newLine = "\r\n") =>
        string.Concat(new[] { Header }.Concat(Rows).Select(r => string.Join(",", r.Select(Quote)) + newLine));

    public byte[] Bytes() => Encoding.UTF8.GetBytes(Text());

    public static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
}

/// <summary>
/// One import source, for the tests that run the same checks over every source: its valid example file (from
/// docs/imports/examples, or the GIAS test extract), how to import a file of it, and the columns the checks change.
/// </summary>
public sealed record ImportSource(string Name, Func<SampleFile> Load, Func<AppDbContext, byte[], Task<ImportAnswer>> Import)
{
    public string Key { get; init; } = "URN";

    /// <summary>A column every file must have (other than the key).</summary>
    public required string Required { get; init; }

    /// <summary>A column SchoolSight reads as a number.</summary>
    public required string Numeric { get; init; }

    /// <summary>A count (negative is wrong), a percentage (over 100 is wrong), a date, a text SchoolSight keeps; null when the source has none.</summary>
    public string? Count { get; init; }
    public string? Percentage { get; init; }
    public string? Date { get; init; }
    public string? BadDate { get; init; }
    public string? KeptText { get; init; }

    /// <summary>The data row the checks change (a school's row).</summary>
    public int Row { get; init; }

    /// <summary>Whether the same row twice is a problem (two rows for one school, one pupil twice); survey respondents have no key.</summary>
    public bool DuplicateRowIsAProblem { get; init; } = true;

    public override string ToString() => Name;

    public static readonly IReadOnlyList<ImportSource> All =
    [
        new("GIAS", GiasSample, (db, bytes) => Gias(db, bytes))
        {
            Required = "EstablishmentName", Numeric = "NumberOfPupils", Count = "SchoolCapacity", Percentage = "PercentageFSM",
            Date = "OpenDate", BadDate = "31-02-2019", KeptText = "EstablishmentName",
        },
        new("KS2", () => Example("ks2_850_2018-19_example.csv"), (db, bytes) => Published(db, PublishedSource.Ks2, bytes, 2018))
        {
            Required = "RECTYPE", Numeric = "PTRWM_EXP", Count = "TELIG", Percentage = "PTRWM_EXP",
        },
        new("KS4", () => Example("ks4_england_provisional_2018-19_example.csv"), (db, bytes) => Published(db, PublishedSource.Ks4, bytes, 2018))
        {
            Required = "RECTYPE", Numeric = "ATT8SCR", Count = "TPUP", Percentage = "PTL2BASICS_94",
        },
        new("census", () => Example("census_2021-22_example.csv"), (db, bytes) => Published(db, PublishedSource.Census, bytes, 2021))
        {
            Required = "Estab", Numeric = "NOR", Count = "NOR", Percentage = "PNUMFSMEVER",
        },
        new("absence", () => Example("absence_2017-18_example.csv"), (db, bytes) => Published(db, PublishedSource.Absence, bytes, 2017))
        {
            Required = "ESTAB", Numeric = "PERCTOT", Percentage = "PERCTOT",
        },
        new("Ofsted", () => Example("ofsted_2025-08-31_example.csv"), (db, bytes) => Published(db, PublishedSource.Ofsted, bytes, null))
        {
            Required = "Overall effectiveness", Numeric = "Quality of education", Date = "Inspection start date", BadDate = "31/02/2024",
            KeptText = "Inspection type",
        },
        new("pupils", () => Example("pupils.csv"), (db, bytes) => Pupils(db, bytes))
        {
            Required = "Gender", Numeric = "SessionsPossible", Count = "Suspensions", Percentage = "EYFS_Points",
            Date = "AcademicYear", BadDate = "2024/26", KeptText = "PupilRef",
        },
        new("surveys", () => Example("surveys.csv"), (db, bytes) => Surveys(db, bytes))
        {
            Required = "RespondentType", Numeric = "FeelSafe", Date = "AcademicYear", BadDate = "2024-25x", DuplicateRowIsAProblem = false,
        },
    ];

    /// <summary>The URNs of the pupil and survey examples: schools SchoolSight must hold for those files to be accepted.</summary>
    public static IReadOnlyList<int> DataFileUrns() =>
        [.. new[] { "pupils.csv", "surveys.csv" }.SelectMany(f => Example(f).Rows.Select(r => int.Parse(r[0]))).Distinct()];

    public static string ExamplesFolder { get; } = FindExamples();

    private static SampleFile Example(string file)
    {
        var loaded = CsvTestFile.Load(Path.Combine(ExamplesFolder, file));
        return new SampleFile([.. loaded.Header], [.. loaded.Rows.Select(r => r.ToList())]);
    }

    /// <summary>The first dozen establishments of LA 850 in the real GIAS extract, every column.</summary>
    private static SampleFile GiasSample()
    {
        var real = GiasTestFile.Real();
        return new SampleFile([.. real.Header], [.. real.RowsOf(850).Take(12).Select(r => r.Take(real.Header.Count).ToList())]);
    }

    private static async Task<ImportAnswer> Gias(AppDbContext db, byte[] bytes)
    {
        var result = (await new ImportGias(db).RunAsync(new GiasImportRequest(new MemoryStream(bytes), "edubasealldata.csv", GiasImportScope.Only([850])))).Value!;
        return new(result.Applied, result.ErrorCount, [.. result.Errors.Select(e => (e.Line, e.Column, e.Problem))], JsonSerializer.Serialize(result));
    }

    private static async Task<ImportAnswer> Published(AppDbContext db, PublishedSource source, byte[] bytes, int? year)
    {
        var result = (await new ImportPublished(db).RunAsync(new PublishedImportRequest(source, new MemoryStream(bytes), $"{source}.csv", year, KeepAllSchools: true))).Value!;
        return new(result.Applied, result.ErrorCount, [.. result.Errors.Select(e => (e.Line, e.Column, e.Problem))], JsonSerializer.Serialize(result));
    }

    private static async Task<ImportAnswer> Pupils(AppDbContext db, byte[] bytes)
    {
        var result = (await new ImportPupils(db).RunAsync(new DataImportRequest(new MemoryStream(bytes), "pupils.csv"))).Value!;
        return new(result.Applied, result.ErrorCount, [.. result.Errors.Select(e => (e.Line, e.Column, e.Problem))], JsonSerializer.Serialize(result));
    }

    private static async Task<ImportAnswer> Surveys(AppDbContext db, byte[] bytes)
    {
        var result = (await new ImportSurveys(db).RunAsync(new DataImportRequest(new MemoryStream(bytes), "surveys.csv"))).Value!;
        return new(result.Applied, result.ErrorCount, [.. result.Errors.Select(e => (e.Line, e.Column, e.Problem))], JsonSerializer.Serialize(result));
    }

    /// <summary>What an import may change, as one comparable string: a rejected file must leave it exactly as it was.</summary>
    public static async Task<string> DataSnapshotAsync(AppDbContext db) => string.Join(" | ",
        $"schools {await db.Schools.IgnoreQueryFilters().CountAsync()}/{await db.Schools.IgnoreQueryFilters().SumAsync(s => s.Version)}",
        $"pupil blocks {string.Join(",", await db.PupilDataBlocks.OrderBy(b => b.Urn).ThenBy(b => b.AcademicYear).Select(b => b.Sha256).ToListAsync())}",
        $"survey blocks {string.Join(",", await db.SurveyDataBlocks.OrderBy(b => b.Urn).ThenBy(b => b.AcademicYear).Select(b => b.Sha256).ToListAsync())}",
        $"figures {await db.PublishedFigures.CountAsync()}/{await db.PublishedFigures.SumAsync(f => f.ImportId)}",
        $"inspections {await db.OfstedInspections.CountAsync()}/{await db.OfstedInspections.SumAsync(i => i.ImportId)}",
        $"audit {await db.AuditEntries.CountAsync(a => a.EntityType != nameof(Domain.Imports.ImportRecord))}");

    private static string FindExamples()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "docs", "imports", "examples");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException("docs/imports/examples not found above the test folder.");
    }
}
