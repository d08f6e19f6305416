using CsvHelper;

namespace SchoolSight.TestSupport;

/// <summary>
/// A whole LA's GIAS download, as GIAS gives it, built from real rows: the real GIAS extract's rows of the LA (its
/// primary, middle and all-through schools, in the 111-column layout), every other establishment of the LA from the
/// DfE's school list (secondary, special, independent, non-maintained special, colleges…) written in the same layout
/// with GIAS's type and type group names, and children's centres and their linked sites under real five-digit URNs.
/// </summary>
public static class WholeLaGiasFile
{
    /// <summary>Children's centres (GIAS type 47) and linked sites (48) under real five-digit URNs.</summary>
    public static readonly IReadOnlyList<(int Urn, string Type)> ChildrensCentres =
    [
        (23306, "Children's centre"), (21081, "Children's centre"), (22461, "Children's centre"), (20646, "Children's centre"),
        (20912, "Children's centre"), (23575, "Children's centre"), (21462, "Children's centre linked site"),
        (23571, "Children's centre linked site"), (23454, "Children's centre linked site"),
    ];

    /// <summary>One establishment of the DfE's school list (2021-22), with the DfE's own grouping.</summary>
    public sealed record SchoolListRow(int Urn, string LaName, int La, string Name, string MinorGroup, string SchoolType, IReadOnlyDictionary<string, string> Fields);

    /// <summary>The establishments of one LA, or of every LA when <paramref name="laCode"/> is null.</summary>
    public static IReadOnlyList<SchoolListRow> SchoolList(int? laCode)
    {
        using var reader = CsvReader.FromFile(SharedData.Path("school-list", "2021-2022_england_school_information.csv"), CsvReaderOptions.Default with { Separator = ',' });
        var header = reader.Headers.Select(h => h.Trim('\uFEFF')).ToList();
        var rows = new List<SchoolListRow>();
        while (reader.Read())
        {
            var fields = header.Select((h, i) => (h, v: reader.GetString(i))).ToDictionary(p => p.h, p => p.v);
            if (laCode is not null && fields["LA"] != laCode.ToString()) continue;
            rows.Add(new SchoolListRow(int.Parse(fields["URN"]), fields["LANAME"], int.Parse(fields["LA"]), fields["SCHNAME"], fields["MINORGROUP"], fields["SCHOOLTYPE"], fields));
        }
        return rows;
    }

    /// <summary>The LA's whole file: the real GIAS rows, then the school list's other establishments, then the children's centres.</summary>
    public static GiasTestFile Build(int laCode)
    {
        var file = GiasTestFile.Real().KeepOnly(r => r[1] == laCode.ToString());
        var held = file.Rows.Select(file.Urn).ToHashSet();
        var laName = file.Value(file.Rows[0], "LA (name)");
        foreach (var school in SchoolList(laCode).Where(s => !held.Contains(s.Urn)))
            file.Rows.Add(RowOf(file, school));
        foreach (var (urn, type) in ChildrensCentres)
            file.Rows.Add(Row(file, new()
            {
                ["URN"] = urn.ToString(),
                ["LA (code)"] = laCode.ToString(),
                ["LA (name)"] = laName,
                ["EstablishmentName"] = $"Children's centre {urn}",
                ["TypeOfEstablishment (name)"] = type,
                ["EstablishmentTypeGroup (name)"] = "Children's centres",
                ["EstablishmentStatus (name)"] = "Open",
                ["PhaseOfEducation (name)"] = "Not applicable",
                ["StatutoryLowAge"] = "0",
                ["StatutoryHighAge"] = "5",
            }));
        return file;
    }

    /// <summary>GIAS's type name and type group for a school list row (the list uses GIAS's type names, its own groups).</summary>
    public static (string Type, string Group) GiasTypeOf(SchoolListRow school) => school.SchoolType switch
    {
        "Community school" or "Voluntary aided school" or "Voluntary controlled school" or "Foundation school" or "Pupil referral unit"
            or "Local authority nursery school" => (school.SchoolType, "Local authority maintained schools"),
        "Community special school" or "Foundation special school" or "Non-maintained special school" or "Other independent special school"
            => (school.SchoolType, "Special schools"),
        "Other independent school" => (school.SchoolType, "Independent schools"),
        "Further education" or "Sixth form centres" => (school.SchoolType, "Colleges"),
        "Service children's education" or "Institution funded by other government department" => (school.SchoolType, "Other types"),
        "Free schools" or "Free schools special" or "Free schools alternative provision" or "Free schools 16 to 19" or "Studio schools"
            or "University technical college" => (school.SchoolType, "Free Schools"),
        _ => (school.SchoolType, "Academies"),
    };

    private static List<string> RowOf(GiasTestFile file, SchoolListRow school)
    {
        var f = school.Fields;
        var (type, group) = GiasTypeOf(school);
        var phase = (f["ISPRIMARY"], f["ISSECONDARY"], f["ISPOST16"]) switch
        {
            _ when school.MinorGroup == "Special school" => "Not applicable",
            ("1", "1", _) => "All-through",
            (_, "1", _) => "Secondary",
            ("1", _, _) => "Primary",
            (_, _, "1") => "16 plus",
            _ => "Not applicable",
        };
        return Row(file, new()
        {
            ["URN"] = school.Urn.ToString(),
            ["LA (code)"] = school.La.ToString(),
            ["LA (name)"] = school.LaName,
            ["EstablishmentNumber"] = f["ESTAB"],
            ["EstablishmentName"] = school.Name,
            ["TypeOfEstablishment (name)"] = type,
            ["EstablishmentTypeGroup (name)"] = group,
            ["EstablishmentStatus (name)"] = f["SCHSTATUS"],
            ["OpenDate"] = f["OPENDATE"],
            ["CloseDate"] = f["CLOSEDATE"],
            ["PhaseOfEducation (name)"] = phase,
            ["StatutoryLowAge"] = f["AGELOW"],
            ["StatutoryHighAge"] = f["AGEHIGH"],
            ["Gender (name)"] = f["GENDER"],
            ["ReligiousCharacter (name)"] = f["RELCHAR"],
            ["AdmissionsPolicy (name)"] = f["ADMPOL"],
            ["Street"] = f["STREET"],
            ["Locality"] = f["LOCALITY"],
            ["Address3"] = f["ADDRESS3"],
            ["Town"] = f["TOWN"],
            ["Postcode"] = f["POSTCODE"],
            ["OfstedRating (name)"] = f["OFSTEDRATING"],
            ["OfstedLastInsp"] = f["OFSTEDLASTINSP"],
        });
    }

    /// <summary>A row in the file's layout: the values given, "Not applicable" in GIAS's lookup columns, blank elsewhere.</summary>
    private static List<string> Row(GiasTestFile file, Dictionary<string, string> values) =>
        [.. file.Header.Select(h => values.TryGetValue(h, out var v) ? v : h.EndsWith("(name)", StringComparison.Ordinal) ? "Not applicable" : "")];
}
