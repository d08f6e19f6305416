using System.Globalization;
using CsvHelper;
using SchoolSight.Core.Data;
using SchoolSight.Core.Imports.Gias;
using SchoolSight.Domain.Register;
using SchoolSight.TestSupport;

namespace SchoolSight.Core.Tests.Indicators;

/// <summary>
/// A whole LA's register as its full GIAS extract has it, built from real rows: the real GIAS extract's rows for the LA
/// (primary schools only, see the shared data's README) plus a GIAS row for every other school of the DfE's own
/// performance tables for that LA — secondary, special, independent, independent special and non-maintained special
/// schools, with the GIAS type of establishment their <c>NFTYPE</c> stands for.
/// </summary>
public static class WholeLaRegister
{
    public sealed record PerformanceSchool(int Urn, string Name, string NfType, bool Special);

    /// <summary>GIAS's type of establishment and type group for a performance tables <c>NFTYPE</c>.</summary>
    public static (string Type, string Group) Gias(string nfType) => nfType.Trim() switch
    {
        "CY" => ("Community school", "Local authority maintained schools"),
        "VA" => ("Voluntary aided school", "Local authority maintained schools"),
        "VC" => ("Voluntary controlled school", "Local authority maintained schools"),
        "FD" => ("Foundation school", "Local authority maintained schools"),
        "AC" => ("Academy sponsor led", "Academies"),
        "ACC" => ("Academy converter", "Academies"),
        "F" => ("Free schools", "Free Schools"),
        "UTC" => ("University technical college", "Free Schools"),
        "SS" => ("Studio schools", "Free Schools"),
        "CTC" => ("City technology college", "Independent schools"),
        "FESI" => ("Further education", "Colleges"),
        "CYS" => ("Community special school", "Special schools"),
        "FDS" => ("Foundation special school", "Special schools"),
        "ACS" => ("Academy special sponsor led", "Special schools"),
        "ACCS" => ("Academy special converter", "Special schools"),
        "FS" => ("Free schools special", "Free Schools"),
        "IND" => ("Other independent school", "Independent schools"),
        "INDSPEC" => ("Other independent special school", "Independent schools"),
        "NMSS" => ("Non-maintained special school", "Special schools"),
        var other => throw new ArgumentException($"Unknown NFTYPE '{other}'."),
    };

    /// <summary>The school rows (RECTYPE 1 and 2) of an LA in a DfE performance tables file.</summary>
    public static List<PerformanceSchool> SchoolsIn(string file, int laCode)
    {
        using var reader = CsvReader.FromFile(file, CsvReaderOptions.Default with { Separator = ',' });
        var header = reader.Headers.Select(h => h.Trim().TrimStart('\uFEFF')).ToList();
        string Field(string column) => reader.GetString(header.IndexOf(column)).Trim();
        var schools = new List<PerformanceSchool>();
        while (reader.Read())
        {
            var type = Field("RECTYPE");
            if (type is not ("1" or "2") || Field("LEA") != laCode.ToString(CultureInfo.InvariantCulture)) continue;
            if (!int.TryParse(Field("URN"), out var urn)) continue;
            schools.Add(new PerformanceSchool(urn, Field("SCHNAME"), Field("NFTYPE"), type == "2"));
        }
        return schools;
    }

    /// <summary>The LA's real GIAS rows plus a row for each of <paramref name="schools"/> GIAS does not list, as one extract.</summary>
    public static GiasTestFile Extract(int laCode, IEnumerable<PerformanceSchool> schools, string phase)
    {
        var file = GiasTestFile.Real();
        file.KeepOnly(r => file.Value(r, "LA (code)") == laCode.ToString(CultureInfo.InvariantCulture));
        var template = file.RowsOf(laCode).First();
        var held = file.Rows.Select(file.Urn).ToHashSet();
        foreach (var school in schools.DistinctBy(s => s.Urn).Where(s => !held.Contains(s.Urn)))
        {
            var row = new List<string>(template);
            var (type, group) = Gias(school.NfType);
            void Set(string column, string value) => row[file.ColumnIndex(column)] = value;
            Set("URN", school.Urn.ToString(CultureInfo.InvariantCulture));
            Set("EstablishmentName", school.Name);
            Set("EstablishmentNumber", "");
            Set("TypeOfEstablishment (name)", type);
            Set("EstablishmentTypeGroup (name)", group);
            Set("EstablishmentStatus (name)", "Open");
            Set("PhaseOfEducation (name)", school.Special ? "Not applicable" : phase);
            file.Rows.Add(row);
        }
        return file;
    }

    /// <summary>Imports the extract through the GIAS import and registers the LA itself.</summary>
    public static async Task ImportAsync(AppDbContext db, int laCode, string laName, GiasTestFile extract)
    {
        GiasImportScope.TryParse(laCode.ToString(CultureInfo.InvariantCulture), out var scope, out _);
        await using var stream = new MemoryStream(extract.ToBytes());
        var result = (await new ImportGias(db).RunAsync(new GiasImportRequest(stream, "edubasealldata.csv", scope))).Value!;
        if (!result.Applied) throw new InvalidOperationException("The whole-LA GIAS extract was refused: " + string.Join("; ", result.Errors.Take(5)));
        if (!db.LocalAuthorities.Any(l => l.Code == laCode)) db.LocalAuthorities.Add(new LocalAuthority(laCode, laName));
        await db.SaveChangesAsync();
    }
}
