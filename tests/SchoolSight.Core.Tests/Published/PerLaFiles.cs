using System.Globalization;
using SchoolSight.TestSupport;

namespace SchoolSight.Core.Tests.Published;

/// <summary>
/// An LA's own downloads, built from the real national files' rows (read in place) the way the DfE cuts them: the
/// LA's school rows, its LA rows and the national rows.
/// </summary>
internal static class PerLaFiles
{
    /// <summary>The phases of the census's LA and national rows, and the school types each adds up.</summary>
    private static readonly (string Phase, string Type, string[] Schools)[] CensusPhases =
    [
        ("PRI", "State-funded primary", ["State-funded primary"]),
        ("SEC", "State-funded secondary", ["State-funded secondary"]),
        ("SPE", "Special school", ["State-funded special school", "Non-maintained special school"]),
    ];

    private static readonly string[] CensusCounts =
        ["NOR", "NORG", "NORB", "TSENELSE", "TSENELK", "NUMEAL", "NUMENGFL", "NUMUNCFL", "NUMFSM", "NUMFSMEVER", "NORFSMEVER"];

    private static readonly (string Percent, string Count, string Of)[] CensusShares =
    [
        ("PNORG", "NORG", "NOR"), ("PNORB", "NORB", "NOR"), ("PSENELSE", "TSENELSE", "NOR"), ("PSENELK", "TSENELK", "NOR"),
        ("PNUMEAL", "NUMEAL", "NOR"), ("PNUMENGFL", "NUMENGFL", "NOR"), ("PNUMUNCFL", "NUMUNCFL", "NOR"), ("PNUMFSMEVER", "NUMFSMEVER", "NORFSMEVER"),
    ];

    /// <summary>
    /// One LA's census download: its school rows from the national file, one LA row per phase (<c>LA,815,PRI</c>) with
    /// the LA-level fields the census metadata marks (the counts added up, the shares worked out from them), and the
    /// national rows. <paramref name="halfPupils"/> is added to the special schools' row's <c>NUMFSMEVER</c>, as the
    /// DfE publishes some LA counts in halves.
    /// </summary>
    public static CsvTestFile Census(int la, decimal halfPupils = 0.5m)
    {
        var national = CsvTestFile.Load(SharedData.CensusEngland2021);
        var file = national.Copy().Keep(r => national.Value(r, "LA") == la.ToString(CultureInfo.InvariantCulture));
        var laLevel = CsvTestFile.Load(SharedData.Path("census", "census_meta_2021-22.csv"));
        var laFields = laLevel.Rows.Where(r => laLevel.Value(r, "LA level field?") == "Yes").Select(r => laLevel.Value(r, "Field Reference")).ToHashSet(StringComparer.OrdinalIgnoreCase);
        laFields.ShouldContain("NUMFSMEVER");

        foreach (var (phase, type, schoolTypes) in CensusPhases)
        {
            var schools = file.Rows.Where(r => schoolTypes.Contains(file.Value(r, "SCHOOLTYPE"))).ToList();
            var sums = CensusCounts.ToDictionary(c => c, c => schools.Sum(r => decimal.TryParse(file.Value(r, c), CultureInfo.InvariantCulture, out var v) ? v : 0));
            if (phase == "SPE") sums["NUMFSMEVER"] += halfPupils;
            var row = file.Header.Select(_ => "").ToList();
            file.Rows.Add(row);
            var index = file.Rows.Count - 1;
            file.Set(index, "URN", "LA").Set(index, "LA", la.ToString(CultureInfo.InvariantCulture)).Set(index, "Estab", phase);
            if (laFields.Contains("SCHOOLTYPE")) file.Set(index, "SCHOOLTYPE", type);
            foreach (var (column, sum) in sums.Where(s => laFields.Contains(s.Key)))
                file.Set(index, column, sum.ToString(CultureInfo.InvariantCulture));
            foreach (var (percent, count, of) in CensusShares.Where(s => laFields.Contains(s.Percent)))
                file.Set(index, percent, sums[of] == 0 ? "0" : Math.Round(sums[count] * 100 / sums[of], 2).ToString("0.00", CultureInfo.InvariantCulture));
        }
        file.Rows.AddRange(national.Rows.Where(r => national.Value(r, "URN") == "NAT").Select(r => r.ToList()));
        return file;
    }

    /// <summary>One LA's KS4 download cut from the national 2018-19 provisional file: its schools (RECTYPE 1, 2), its LA row (4) and England's (5, 7).</summary>
    public static CsvTestFile Ks4(int la)
    {
        var national = CsvTestFile.Load(SharedData.Ks4EnglandProvisional2018);
        return national.Keep(r => national.Value(r, "LEA") == la.ToString(CultureInfo.InvariantCulture) || national.Value(r, "RECTYPE") is "5" or "7");
    }

    /// <summary>The rows of one LA's schools (not its LA row) in a performance-table file.</summary>
    public static IEnumerable<List<string>> Schools(CsvTestFile file, int la) =>
        file.Rows.Where(r => file.Value(r, "LEA") == la.ToString(CultureInfo.InvariantCulture) && file.Value(r, "RECTYPE") is "1" or "2");

    /// <summary>The file with three more columns SchoolSight does not use: one of junk, one with no name, and one repeated.</summary>
    public static CsvTestFile WithUnusedColumns(CsvTestFile file)
    {
        var copy = file.Copy();
        copy.Header.AddRange(["SCHOOLSIGHT_DOES_NOT_READ", "", "SCHOOLSIGHT_DOES_NOT_READ"]);
        foreach (var row in copy.Rows)
        {
            while (row.Count < file.Header.Count) row.Add("");
            row.AddRange(["?? 12,5 % n/a", "x", "not a number"]);
        }
        return copy;
    }
}
