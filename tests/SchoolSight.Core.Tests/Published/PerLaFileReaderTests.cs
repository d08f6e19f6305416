using SchoolSight.Core.Published;
using SchoolSight.Domain.Indicators;
using SchoolSight.Domain.Published;
using SchoolSight.TestSupport;

namespace SchoolSight.Core.Tests.Published;

/// <summary>An LA's own downloads (LA rows, half-pupil counts, markers) and columns SchoolSight does not use, in every source.</summary>
public sealed class PerLaFileReaderTests
{
    private static async Task<PublishedFile> ReadAsync(PublishedSource source, CsvTestFile file) =>
        await PublishedFileReader.ReadAsync(new MemoryStream(file.ToBytes()), new PublishedReadOptions(source, null));

    private static PublishedValue Figure(PublishedFile file, AreaKind kind, string code, string measure) =>
        file.Figures.Single(f => f.AreaKind == kind && f.AreaCode == code && f.Measure == measure);

    [Fact]
    public async Task Census_PerLaFile_ReadsItsLaRowsByPhase_WithHalfPupilCountsAsPublished()
    {
        var file = PerLaFiles.Census(815);
        var schools = file.Rows.Count - 6;

        var result = await ReadAsync(PublishedSource.Census, file);

        result.Errors.ShouldBeEmpty();
        (result.SchoolRows, result.AreaRows).ShouldBe((schools, 6));
        result.LaCodes.ShouldBe([815]);
        // North Yorkshire's 10 state-funded special schools and 1 non-maintained one: 446 pupils ever on FSM, and the half.
        Figure(result, AreaKind.LocalAuthority, "815-SPE", "CENSUS.NUMFSMEVER").Value.ShouldBe(446.5m);
        Figure(result, AreaKind.LocalAuthority, "815-PRI", "CENSUS.NOR").Value.ShouldBe(44586m);
        Figure(result, AreaKind.LocalAuthority, "815-SEC", "CENSUS.NUMFSMEVER").Value.ShouldBe(5430m);
        Figure(result, AreaKind.England, AreaCodes.EnglandPhase("PRI"), "CENSUS.PNUMFSMEVER").Value.ShouldBe(25.5m);
        Figure(result, AreaKind.School, "121293", "CENSUS.NUMFSMEVER").Value.ShouldBe(7m);
        result.Figures.ShouldNotContain(f => f.AreaKind == AreaKind.LocalAuthority && f.AreaCode == "815");
    }

    [Theory]
    [InlineData("SUPP")]
    [InlineData("NE")]
    [InlineData("x")]
    [InlineData("c")]
    [InlineData("NP")]
    public async Task Census_Marker_IsKeptAsTheMarker_NotZero(string marker)
    {
        var file = PerLaFiles.Census(815);
        var la = file.RowIndex(r => file.Value(r, "URN") == "LA" && file.Value(r, "Estab") == "SEC");
        file.Set(la, "TSENELSE", marker).Set(file.RowIndex(r => file.Value(r, "URN") == "121293"), "NUMFSMEVER", marker);

        var result = await ReadAsync(PublishedSource.Census, file);

        result.Errors.ShouldBeEmpty();
        (Figure(result, AreaKind.LocalAuthority, "815-SEC", "CENSUS.TSENELSE").Value, Figure(result, AreaKind.LocalAuthority, "815-SEC", "CENSUS.TSENELSE").Marker).ShouldBe((null, marker));
        Figure(result, AreaKind.School, "121293", "CENSUS.NUMFSMEVER").Marker.ShouldBe(marker);
    }

    [Fact]
    public async Task Census_CountThatIsNotAWholeNumberOrAHalf_IsRefusedWithItsLineAndColumn()
    {
        var file = PerLaFiles.Census(815, halfPupils: 0.25m);
        var row = file.RowIndex(r => file.Value(r, "URN") == "LA" && file.Value(r, "Estab") == "SPE");

        var error = (await ReadAsync(PublishedSource.Census, file)).Errors.ShouldHaveSingleItem();

        (error.Line, error.Column).ShouldBe((CsvTestFile.LineOf(row), "NUMFSMEVER"));
        error.Problem.ShouldContain("a whole number or a half");
    }

    [Fact]
    public async Task Census_LaRowWithoutAnLaCode_IsRefused()
    {
        var file = PerLaFiles.Census(815);
        var row = file.RowIndex(r => file.Value(r, "URN") == "LA");
        file.Set(row, "LA", "");

        var error = (await ReadAsync(PublishedSource.Census, file)).Errors.ShouldHaveSingleItem();

        (error.Line, error.Column).ShouldBe((CsvTestFile.LineOf(row), "LA"));
    }

    [Fact]
    public async Task Absence_LaRowsByPhase_AreReadAsTheLasRows()
    {
        var national = CsvTestFile.Load(SharedData.AbsenceEngland2017);
        var file = national.Copy().Keep(r => national.Value(r, "LA") is "850" or "NAT");
        // Two ways an LA's row by phase may come: a blank URN beside the LA's code, or "LA" in the URN column as the census has it.
        file.Rows.Add(["850", "PRI", "", "3.9", "7.6"]);
        file.Rows.Add(["850", "SEC", "LA", "5.4", "SUPP"]);

        var result = await ReadAsync(PublishedSource.Absence, file);

        result.Errors.ShouldBeEmpty();
        result.LaCodes.ShouldBe([850]);
        Figure(result, AreaKind.LocalAuthority, "850-PRI", "ABS.PPERSABS10").Value.ShouldBe(7.6m);
        Figure(result, AreaKind.LocalAuthority, "850-SEC", "ABS.PPERSABS10").Marker.ShouldBe("SUPP");
        Figure(result, AreaKind.England, AreaCodes.EnglandPhase("PRI"), "ABS.PPERSABS10").Value.ShouldBe(8.2m);
    }

    public static TheoryData<PublishedSource, string> EverySource => new()
    {
        { PublishedSource.Ks2, "performance/850_ks2final_2018-19.csv" },
        { PublishedSource.Ks4, "performance/850_ks4final_2017-18.csv" },
        { PublishedSource.Ks4, "performance/england_ks4provisional_2018-19.csv" },
        { PublishedSource.Census, "census/england_census_2021-22.csv" },
        { PublishedSource.Absence, "absence/england_abs_2017-18.csv" },
    };

    [Theory]
    [MemberData(nameof(EverySource))]
    public async Task UnknownColumns_NeverRejectAFile_AndChangeNoFigure(PublishedSource source, string path)
    {
        var file = CsvTestFile.Load(SharedData.Path(path.Split('/')));

        var plain = await ReadAsync(source, file);
        var extra = await ReadAsync(source, PerLaFiles.WithUnusedColumns(file));

        extra.Errors.ShouldBeEmpty();
        (extra.SchoolRows, extra.AreaRows).ShouldBe((plain.SchoolRows, plain.AreaRows));
        extra.Figures.ShouldBe(plain.Figures);
    }

    [Fact]
    public async Task Census_PerLaFileWithUnknownColumns_IsAccepted()
    {
        var result = await ReadAsync(PublishedSource.Census, PerLaFiles.WithUnusedColumns(PerLaFiles.Census(815)));

        result.Errors.ShouldBeEmpty();
        result.AreaRows.ShouldBe(6);
    }

    [Fact]
    public async Task Ofsted_UnknownColumns_NeverRejectTheFile()
    {
        var file = CsvTestFile.Load(SharedData.OfstedAugust2025).Keep(_ => true);
        file.Rows.RemoveRange(300, file.Rows.Count - 300);

        var plain = await OfstedFileReader.ReadAsync(new MemoryStream(file.ToBytes()), heldUrns: null);
        var extra = await OfstedFileReader.ReadAsync(new MemoryStream(PerLaFiles.WithUnusedColumns(file).ToBytes()), heldUrns: null);

        extra.Errors.ShouldBeEmpty();
        extra.Rows.ShouldBe(plain.Rows);
    }
}
