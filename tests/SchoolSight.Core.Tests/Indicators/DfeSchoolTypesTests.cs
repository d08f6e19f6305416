using SchoolSight.Domain.Indicators;
using SchoolSight.TestSupport;

namespace SchoolSight.Core.Tests.Indicators;

/// <summary>
/// Which schools each measure's area figures count, checked on every establishment of England's 2021-22 school list
/// (26,545 real rows with their type of establishment and type group).
/// </summary>
public sealed class DfeSchoolTypesTests
{
    /// <summary>The school list's MINORGROUP as GIAS names the type group.</summary>
    private static string Group(string minorGroup) => minorGroup switch
    {
        "Academy" => "Academies",
        "Maintained school" => "Local authority maintained schools",
        "Independent school" => "Independent schools",
        "Special school" => "Special schools",
        "College" => "Colleges",
        _ => "Other types",
    };

    // Every type of establishment in the list: counted in KS2, KS4, census and absence, and the LA's own measures.
    public static TheoryData<string, bool, bool, bool, bool> Types => new()
    {
        { "Community school", true, true, true, true },
        { "Voluntary aided school", true, true, true, true },
        { "Voluntary controlled school", true, true, true, true },
        { "Foundation school", true, true, true, true },
        { "Academy converter", true, true, true, true },
        { "Academy sponsor led", true, true, true, true },
        { "Free schools", true, true, true, true },
        { "Studio schools", true, true, true, true },
        { "University technical college", true, true, true, true },
        { "City technology college", true, true, true, true },
        { "Academy 16-19 converter", true, true, true, true },
        { "Academy 16 to 19 sponsor led", true, true, true, true },
        { "Free schools 16 to 19", true, true, true, true },
        { "Community special school", true, true, true, true },
        { "Foundation special school", true, true, true, true },
        { "Academy special converter", true, true, true, true },
        { "Academy special sponsor led", true, true, true, true },
        { "Free schools special", true, true, true, true },
        { "Further education", false, true, false, false },
        { "Sixth form centres", false, true, false, false },
        { "Other independent school", false, false, false, false },
        { "Other independent special school", false, false, false, false },
        { "Non-maintained special school", false, false, false, false },
        { "Service children's education", false, false, false, false },
        { "Institution funded by other government department", false, false, false, false },
        { "Pupil referral unit", false, false, false, true },
        { "Academy alternative provision converter", false, false, false, true },
        { "Free schools alternative provision", false, false, false, true },
        { "Children's centre", false, false, false, false },
    };

    [Theory]
    [MemberData(nameof(Types))]
    public void EachTypeOfEstablishment_IsCountedAsTheDfECountsIt(string type, bool ks2, bool ks4, bool censusAndAbsence, bool laOwn)
    {
        var school = DfeSchoolTypes.FromRegister(type, null);
        AreaSchoolTypes.KeyStage2.Counts(school).ShouldBe(ks2);
        AreaSchoolTypes.KeyStage4.Counts(school).ShouldBe(ks4);
        AreaSchoolTypes.CensusAndAbsence.Counts(school).ShouldBe(censusAndAbsence);
        AreaSchoolTypes.StateFunded.Counts(school).ShouldBe(laOwn);
    }

    [Fact]
    public void EveryRealEstablishment_IsCountedByItsTypeAndGroup_AndNoIndependentOrNonMaintainedSchoolEver()
    {
        var rows = CsvRows.Read(File.ReadAllBytes(SharedData.Path("school-list", "2021-2022_england_school_information.csv")));
        var header = rows[0];
        int Column(string name) => header.IndexOf(name);
        var (typeAt, groupAt, laAt) = (Column("SCHOOLTYPE"), Column("MINORGROUP"), Column("LA"));
        var expected = Types.ToDictionary(t => (string)t[0], t => (Ks2: (bool)t[1], Ks4: (bool)t[2]));
        var schools = rows.Skip(1).Where(r => r.Count > groupAt).ToList();
        schools.Count.ShouldBe(26545);
        foreach (var row in schools)
        {
            var school = DfeSchoolTypes.FromRegister(row[typeAt], Group(row[groupAt]));
            var (ks2, ks4) = expected[row[typeAt]];
            AreaSchoolTypes.KeyStage2.Counts(school).ShouldBe(ks2, row[typeAt]);
            AreaSchoolTypes.KeyStage4.Counts(school).ShouldBe(ks4, row[typeAt]);
            if (row[typeAt].Contains("independent", StringComparison.OrdinalIgnoreCase) || row[typeAt].StartsWith("Non-maintained", StringComparison.Ordinal))
                Enum.GetValues<AreaSchoolTypes>().ShouldAllBe(rule => !rule.Counts(school));
        }
        // Hampshire's 607 establishments: the DfE's KS4 LA figure leaves out its independent and non-maintained schools.
        var hampshire = schools.Where(r => r[laAt] == "850").Select(r => DfeSchoolTypes.FromRegister(r[typeAt], Group(r[groupAt]))).ToList();
        hampshire.Count.ShouldBe(607);
        hampshire.Count(t => t is DfeSchoolType.Independent or DfeSchoolType.IndependentSpecial or DfeSchoolType.NonMaintainedSpecial).ShouldBe(
            schools.Count(r => r[laAt] == "850" && (r[groupAt] == "Independent school" && r[typeAt] != "City technology college" || r[typeAt] is "Other independent special school" or "Non-maintained special school")));
    }

    [Fact]
    public void AnUnknownTypeOfEstablishment_FallsBackOnItsGroup()
    {
        DfeSchoolTypes.FromRegister("Some new kind of academy trust school", "Academies").ShouldBe(DfeSchoolType.StateFundedMainstream);
        DfeSchoolTypes.FromRegister("Something else", "Independent schools").ShouldBe(DfeSchoolType.Independent);
        DfeSchoolTypes.FromRegister("", "").ShouldBe(DfeSchoolType.Other);
    }
}
