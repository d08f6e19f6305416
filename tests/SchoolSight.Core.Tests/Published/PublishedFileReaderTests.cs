using System.Text;
using SchoolSight.Core.Imports.Gias;
using SchoolSight.Core.Published;
using SchoolSight.Domain.Indicators;
using SchoolSight.Domain.Published;
using SchoolSight.TestSupport;

namespace SchoolSight.Core.Tests.Published;

/// <summary>Reading the real DfE and Ofsted files, and every kind of bad input, with its line and column.</summary>
public sealed class PublishedFileReaderTests
{
    private static async Task<PublishedFile> ReadAsync(PublishedSource source, byte[] content, IReadOnlySet<int>? held = null) =>
        await PublishedFileReader.ReadAsync(new MemoryStream(content), new PublishedReadOptions(source, held));

    private static Task<PublishedFile> ReadAsync(PublishedSource source, string path, IReadOnlySet<int>? held = null) =>
        ReadAsync(source, File.ReadAllBytes(path), held);

    private static decimal? Figure(PublishedFile file, AreaKind kind, string code, string measure) =>
        file.Figures.Single(f => f.AreaKind == kind && f.AreaCode == code && f.Measure == measure).Value;

    private static string? Marker(PublishedFile file, AreaKind kind, string code, string measure) =>
        file.Figures.Single(f => f.AreaKind == kind && f.AreaCode == code && f.Measure == measure).Marker;

    public static TheoryData<string, PublishedSource, int, int, int> RealFiles => new()
    {
        { "performance/850_ks2final_2016-17.csv", PublishedSource.Ks2, 331, 328, 3 },
        { "performance/850_ks2final_2017-18.csv", PublishedSource.Ks2, 331, 328, 3 },
        { "performance/850_ks2final_2018-19.csv", PublishedSource.Ks2, 334, 331, 3 },
        { "performance/850_ks4final_2016-17.csv", PublishedSource.Ks4, 126, 123, 3 },
        { "performance/850_ks4final_2017-18.csv", PublishedSource.Ks4, 124, 121, 3 },
        { "performance/england_ks4provisional_2018-19.csv", PublishedSource.Ks4, 5652, 5495, 157 },
        { "census/england_census_2021-22.csv", PublishedSource.Census, 24448, 24445, 3 },
        { "absence/england_abs_2017-18.csv", PublishedSource.Absence, 21217, 21214, 3 },
    };

    [Theory]
    [MemberData(nameof(RealFiles))]
    public async Task RealFile_IsAcceptedWhole(string file, PublishedSource source, int rows, int schools, int areas)
    {
        var result = await ReadAsync(source, SharedData.Path(file.Split('/')));

        result.Errors.ShouldBeEmpty();
        (result.RowsRead, result.SchoolRows, result.AreaRows, result.SchoolsNotHeld).ShouldBe((rows, schools, areas, 0));
        result.Check.EncodingName.ShouldStartWith("UTF-8");
        result.Figures.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Ks2_KeepsValuesMarkersAndEachAreaRow()
    {
        var file = await ReadAsync(PublishedSource.Ks2, SharedData.Ks2Hampshire(2018));

        Figure(file, AreaKind.LocalAuthority, "850", "KS2.PTRWM_EXP").ShouldBe(68m);
        Figure(file, AreaKind.LocalAuthority, "850", "KS2.TELIG").ShouldBe(14855m);
        Figure(file, AreaKind.LocalAuthority, "850", "KS2.READPROG").ShouldBe(-0.4m);
        Figure(file, AreaKind.England, AreaCodes.England, "KS2.TELIG").ShouldBe(649249m);
        Figure(file, AreaKind.England, AreaCodes.EnglandStateFunded, "KS2.TELIG").ShouldBe(644967m);
        // Alderwood School: "63%" read as 63; its disadvantaged pupils' figures are suppressed, kept as the marker.
        Figure(file, AreaKind.School, "115851", "KS2.PTRWM_EXP").ShouldBe(63m);
        Figure(file, AreaKind.School, "115851", "KS2.READPROG").ShouldBe(-1.9m);
        file.Figures.Count(f => f.Marker == "SUPP").ShouldBeGreaterThan(100);
        // England has no progress scores ("  " in the file): no figure rather than a marker.
        file.Figures.ShouldNotContain(f => f.AreaCode == AreaCodes.England && f.Measure == "KS2.READPROG");
        // PSENELSE is not in the 2018-19 file.
        file.ColumnsNotInFile.ShouldContain("PSENELSE");
    }

    [Fact]
    public async Task Ks2_SuppressedSchool_KeepsTheMarker()
    {
        var file = await ReadAsync(PublishedSource.Ks2, SharedData.Ks2Hampshire(2016));
        // Sun Hill Junior School is new: TOTPUPS "NEW" and its short row has no other fields.
        Marker(file, AreaKind.School, "144882", "KS2.TOTPUPS").ShouldBe("NEW");
        file.Figures.Count(f => f.AreaCode == "144882").ShouldBe(1);
    }

    [Fact]
    public async Task Ks4_ReadsTheStateFundedEnglandRowAndNotPublishedMarkers()
    {
        var file = await ReadAsync(PublishedSource.Ks4, SharedData.Ks4Hampshire(2017));

        Figure(file, AreaKind.LocalAuthority, "850", "KS4.ATT8SCR").ShouldBe(47.2m);
        Figure(file, AreaKind.LocalAuthority, "850", "KS4.PTL2BASICS_95").ShouldBe(45.2m);
        Figure(file, AreaKind.England, AreaCodes.EnglandStateFunded, "KS4.P8MEA").ShouldBe(-0.02m);
        Figure(file, AreaKind.England, AreaCodes.England, "KS4.TPUP").ShouldBe(583615m);
        // An independent school: no Progress 8 published.
        Marker(file, AreaKind.School, "116517", "KS4.P8MEA").ShouldBe("NP");
    }

    [Fact]
    public async Task CensusAndAbsence_KeepNationalRowsByPhase()
    {
        var census = await ReadAsync(PublishedSource.Census, SharedData.CensusEngland2021);
        Figure(census, AreaKind.England, AreaCodes.EnglandPhase("PRI"), "CENSUS.PNUMFSMEVER").ShouldBe(25.5m);
        Figure(census, AreaKind.School, "100000", "CENSUS.NOR").ShouldBe(277m);

        var absence = await ReadAsync(PublishedSource.Absence, SharedData.AbsenceEngland2017);
        Figure(absence, AreaKind.England, AreaCodes.EnglandPhase("SEC"), "ABS.PPERSABS10").ShouldBe(13.7m);
        Figure(absence, AreaKind.School, "100000", "ABS.PERCTOT").ShouldBe(2.6m);
        absence.Figures.Count(f => f.Marker == "SUPP").ShouldBe(864);
    }

    [Fact]
    public async Task SchoolsNotHeld_AreCountedAndSkipped_AreaRowsKept()
    {
        var held = new HashSet<int> { 115851, 115852, 999999 };
        var file = await ReadAsync(PublishedSource.Ks2, SharedData.Ks2Hampshire(2018), held);

        (file.SchoolRows, file.AreaRows, file.SchoolsNotHeld).ShouldBe((2, 3, 329));
        file.Figures.Select(f => f.AreaCode).Distinct().Order().ShouldBe(["115851", "115852", "850", AreaCodes.England, AreaCodes.EnglandStateFunded]);
    }

    [Fact]
    public async Task Ofsted_RealFile_IsAcceptedWhole()
    {
        var file = await OfstedFileReader.ReadAsync(File.OpenRead(SharedData.OfstedAugust2025), heldUrns: null);

        file.Errors.ShouldBeEmpty();
        // 22,005 rows, the last 15 of them empty.
        (file.RowsRead, file.Rows.Count).ShouldBe((21990, 21990));
        var first = file.Rows.Single(r => r.Urn == 100000).Outcome;
        first.InspectionDate.ShouldNotBeNull();
        file.Rows.Count(r => r.Outcome.CategoryOfConcern == CategoryOfConcern.SpecialMeasures).ShouldBe(169);
        file.Rows.Count(r => r.Outcome.CategoryOfConcern == CategoryOfConcern.SeriousWeaknesses).ShouldBe(92);
        file.Rows.Count(r => r.Outcome.OverallEffectiveness == OfstedJudgement.Inadequate).ShouldBe(204);
        file.Rows.Count(r => r.Outcome.OverallNotJudged).ShouldBe(3269);
        file.Rows.Count(r => r.Outcome.InspectionDate is null).ShouldBe(103);
    }

    [Theory]
    [InlineData("ks2_850_2018-19_example.csv", PublishedSource.Ks2, 6, 3)]
    [InlineData("ks4_england_provisional_2018-19_example.csv", PublishedSource.Ks4, 4, 3)]
    [InlineData("census_2021-22_example.csv", PublishedSource.Census, 4, 3)]
    [InlineData("absence_2017-18_example.csv", PublishedSource.Absence, 5, 3)]
    public async Task DocumentedExample_IsAccepted(string example, PublishedSource source, int schools, int areas)
    {
        var result = await ReadAsync(source, ExamplePath(example));

        result.Errors.ShouldBeEmpty();
        (result.SchoolRows, result.AreaRows).ShouldBe((schools, areas));
    }

    [Fact]
    public async Task DocumentedOfstedExample_IsAccepted()
    {
        var result = await OfstedFileReader.ReadAsync(File.OpenRead(ExamplePath("ofsted_2025-08-31_example.csv")), heldUrns: null);

        result.Errors.ShouldBeEmpty();
        result.Rows.Count.ShouldBe(5);
        result.Rows.ShouldContain(r => r.Outcome.OverallNotJudged);
        result.Rows.ShouldContain(r => r.Outcome.CategoryOfConcern == CategoryOfConcern.SpecialMeasures);
    }

    private static string ExamplePath(string name) => Path.Combine(Path.GetDirectoryName(RepoData.Path())!, "..", "docs", "imports", "examples", name);

    // ---- bad input, each with its line and column ----

    private static CsvTestFile Ks2() => CsvTestFile.Load(SharedData.Ks2Hampshire(2018));

    private static int RowOf(CsvTestFile file, string urn) => file.RowIndex(r => file.Value(r, "URN").Trim() == urn);

    [Theory]
    [InlineData("PTRWM_EXP", "sixty", "'sixty' is not a number or one of the DfE's markers")]
    [InlineData("PTRWM_EXP", "101%", "'101%' is not a percentage: a percentage is from 0 to 100")]
    [InlineData("PTREAD_EXP", "-3%", "'-3%' is not a percentage")]
    [InlineData("TELIG", "12.5", "'12.5' is not a number of pupils")]
    [InlineData("TELIG", "-1", "'-1' is not a number of pupils")]
    [InlineData("TELIG", "60%", "'60%' is a percentage, but this column holds a number of pupils")]
    [InlineData("READPROG", "55", "'55' is outside the range of this measure (-40 to 40)")]
    [InlineData("READ_AVERAGE", "140", "'140' is outside the range of this measure (80 to 120)")]
    [InlineData("URN", "11585", "'11585' is not a URN")]
    [InlineData("URN", "", "the URN is blank")]
    [InlineData("RECTYPE", "9", "'9' is not a record type of this file: it must be one of 1, 2, 3, 4, 5")]
    public async Task MalformedValue_IsRefusedWithItsLineAndColumn(string column, string value, string problem)
    {
        var file = Ks2();
        var row = RowOf(file, "115852");
        file.Set(row, column, value);

        var result = await ReadAsync(PublishedSource.Ks2, file.ToBytes());

        var error = result.Errors.ShouldHaveSingleItem();
        (error.Line, error.Column).ShouldBe((CsvTestFile.LineOf(row), column));
        error.Problem.ShouldContain(problem);
        result.Figures.ShouldBeEmpty();
    }

    [Fact]
    public async Task EveryProblem_IsListed_NotOnlyTheFirst()
    {
        var file = Ks2();
        file.Set(RowOf(file, "115851"), "PTRWM_EXP", "n/a").Set(RowOf(file, "115852"), "TELIG", "lots").Set(RowOf(file, "115853"), "MATPROG", "1,5");

        var result = await ReadAsync(PublishedSource.Ks2, file.ToBytes());

        result.Errors.Select(e => (e.Line, e.Column)).ShouldBe([
            (CsvTestFile.LineOf(RowOf(file, "115851")), "PTRWM_EXP"),
            (CsvTestFile.LineOf(RowOf(file, "115852")), "TELIG"),
            (CsvTestFile.LineOf(RowOf(file, "115853")), "MATPROG")]);
    }

    [Fact]
    public async Task BadLaCodeOnTheLaRow_IsRefused()
    {
        var file = Ks2();
        var row = file.RowIndex(r => file.Value(r, "RECTYPE") == "3");
        file.Set(row, "LEA", "Hants");

        var error = (await ReadAsync(PublishedSource.Ks2, file.ToBytes())).Errors.ShouldHaveSingleItem();
        (error.Line, error.Column).ShouldBe((CsvTestFile.LineOf(row), "LEA"));
    }

    [Fact]
    public async Task SameSchoolTwice_IsRefused()
    {
        var file = Ks2();
        var first = RowOf(file, "115851");
        file.Rows.Add([.. file.Rows[first]]);

        var error = (await ReadAsync(PublishedSource.Ks2, file.ToBytes())).Errors.ShouldHaveSingleItem();
        (error.Line, error.Column).ShouldBe((CsvTestFile.LineOf(file.Rows.Count - 1), "URN"));
        error.Problem.ShouldBe($"URN 115851 is in the file twice: it is also on line {CsvTestFile.LineOf(first)}");
    }

    [Theory]
    [InlineData("PTRWM_EXP")]
    [InlineData("TELIG")]
    [InlineData("RECTYPE")]
    [InlineData("URN")]
    public async Task MissingRequiredColumn_IsRefusedNamingIt(string column)
    {
        var result = await ReadAsync(PublishedSource.Ks2, Ks2().DropColumn(column).ToBytes());

        var error = result.Errors.ShouldHaveSingleItem();
        (error.Line, error.Column).ShouldBe((1, column));
        error.Problem.ShouldStartWith("the header has no column of this name");
    }

    [Fact]
    public async Task Ks2FileImportedAsKs4_IsRefusedNamingTheMissingColumns()
    {
        var result = await ReadAsync(PublishedSource.Ks4, SharedData.Ks2Hampshire(2018));

        result.Errors.Select(e => e.Column).ShouldBe(["TPUP", "ATT8SCR", "P8MEA"]);
    }

    [Fact]
    public async Task OptionalColumnMissing_IsNotAProblem()
    {
        var result = await ReadAsync(PublishedSource.Ks2, Ks2().DropColumn("PTRWM_HIGH").ToBytes());

        result.Errors.ShouldBeEmpty();
        result.ColumnsNotInFile.ShouldContain("PTRWM_HIGH");
    }

    [Fact]
    public async Task MarkersInAnyCase_AreKeptAsMarkers()
    {
        var file = Ks2();
        var row = RowOf(file, "115852");
        file.Set(row, "PTRWM_EXP", "supp").Set(row, "PTMAT_EXP", "x").Set(row, "READPROG", "LOWCOV");

        var result = await ReadAsync(PublishedSource.Ks2, file.ToBytes());

        result.Errors.ShouldBeEmpty();
        (Marker(result, AreaKind.School, "115852", "KS2.PTRWM_EXP"), Marker(result, AreaKind.School, "115852", "KS2.PTMAT_EXP"),
            Marker(result, AreaKind.School, "115852", "KS2.READPROG")).ShouldBe(("SUPP", "x", "LOWCOV"));
    }

    [Fact]
    public async Task RowWithMoreFieldsThanTheHeader_IsRefused()
    {
        var file = Ks2();
        var row = RowOf(file, "115852");
        file.Rows[row].Add("surplus");

        var error = (await ReadAsync(PublishedSource.Ks2, file.ToBytes())).Errors.ShouldHaveSingleItem();
        (error.Line, error.Column).ShouldBe((CsvTestFile.LineOf(row), $"column {file.Header.Count + 1}"));
        error.Problem.ShouldBe($"the row has {file.Header.Count + 1} fields but the header has {file.Header.Count}");
    }

    [Fact]
    public async Task UnclosedQuote_IsRefusedWithItsLine()
    {
        var text = Encoding.UTF8.GetString(Ks2().ToBytes(byteOrderMark: false)).Split("\r\n");
        var fields = text[5].Split(',');
        fields[5] = "\"" + fields[5];
        text[5] = string.Join(",", fields);
        var result = await ReadAsync(PublishedSource.Ks2, Encoding.UTF8.GetBytes(string.Join("\r\n", text)));

        result.Errors.ShouldNotBeEmpty();
        result.Errors[0].Line.ShouldBe(6);
    }

    [Fact]
    public async Task EmptyFile_AndUtf16File_AreRefused()
    {
        (await ReadAsync(PublishedSource.Census, [])).Errors.ShouldHaveSingleItem().Problem.ShouldStartWith("the file is empty");
        var utf16 = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("URN,LA,Estab,NOR,PNUMFSMEVER\r\n")).ToArray();
        (await ReadAsync(PublishedSource.Census, utf16)).Errors.ShouldHaveSingleItem().Problem.ShouldContain("UTF-16");
        (await ReadAsync(PublishedSource.Census, Encoding.UTF8.GetBytes("URN,LA,Estab,NOR,PNUMFSMEVER\r\n")))
            .Errors.ShouldHaveSingleItem().Problem.ShouldBe("the file has a header row but no rows");
    }

    [Fact]
    public async Task Census_BadNationalPhase_IsRefused()
    {
        var file = CsvTestFile.Load(SharedData.CensusEngland2021);
        var row = file.RowIndex(r => file.Value(r, "URN") == "NAT");
        file.Set(row, "Estab", "");
        var error = (await ReadAsync(PublishedSource.Census, file.ToBytes())).Errors.ShouldHaveSingleItem();
        (error.Line, error.Column).ShouldBe((CsvTestFile.LineOf(row), "Estab"));
    }

    // ---- Ofsted ----

    private static async Task<OfstedFile> OfstedAsync(CsvTestFile file) =>
        await OfstedFileReader.ReadAsync(new MemoryStream(file.ToBytes()), heldUrns: null);

    [Theory]
    [InlineData(OfstedFileReader.OverallEffectiveness, "5", "'5' is not one of Ofsted's judgement codes")]
    [InlineData(OfstedFileReader.QualityOfEducation, "Good", "'Good' is not one of Ofsted's judgement codes")]
    [InlineData(OfstedFileReader.CategoryOfConcern, "RI", "'RI' is not a category of concern")]
    [InlineData(OfstedFileReader.InspectionDate, "2024-10-01", "'2024-10-01' is not a date as Ofsted writes them (dd/mm/yyyy)")]
    [InlineData(OfstedFileReader.PublicationDate, "31/02/2024", "'31/02/2024' is not a date")]
    [InlineData(OfstedFileReader.Safeguarding, "Maybe", "'Maybe' is not Yes, No or 9")]
    [InlineData(OfstedFileReader.Urn, "URN100000", "'URN100000' is not a URN")]
    public async Task Ofsted_MalformedValue_IsRefusedWithItsLineAndColumn(string column, string value, string problem)
    {
        var file = CsvTestFile.Load(SharedData.OfstedAugust2025).Keep(_ => true);
        file.Rows.RemoveRange(200, file.Rows.Count - 200);
        file.Set(120, column, value);

        var result = await OfstedAsync(file);

        var error = result.Errors.ShouldHaveSingleItem();
        (error.Line, error.Column).ShouldBe((CsvTestFile.LineOf(120), column));
        error.Problem.ShouldContain(problem);
    }

    [Fact]
    public async Task Ofsted_MissingRequiredColumn_IsRefusedNamingIt()
    {
        var file = CsvTestFile.Load(SharedData.OfstedAugust2025).DropColumn(OfstedFileReader.OverallEffectiveness);
        file.Rows.RemoveRange(50, file.Rows.Count - 50);

        var error = (await OfstedAsync(file)).Errors.ShouldHaveSingleItem();
        (error.Line, error.Column).ShouldBe((1, OfstedFileReader.OverallEffectiveness));
    }
}
