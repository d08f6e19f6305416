using System.Text;
using SchoolSight.Core.Imports;
using SchoolSight.Core.Imports.Pupils;
using SchoolSight.Core.Imports.Surveys;
using SchoolSight.TestSupport;

namespace SchoolSight.Core.Tests.Imports;

/// <summary>Reading pupil and survey files: every kind of bad input rejected with its line and column; sound files read whole.</summary>
public sealed class PupilFileReaderTests
{
    private static readonly int[] Urns = [100001, 100002];
    private static readonly HashSet<int> Held = [.. Urns];

    private static async Task<DataBlockFile> ReadAsync(byte[] bytes, ISet<int>? held = null)
    {
        using var spool = new BlockSpool();
        return await PupilFileReader.ReadAsync(new MemoryStream(bytes), (IReadOnlySet<int>?)held ?? Held, spool);
    }

    private static async Task<DataBlockFile> ReadSurveyAsync(byte[] bytes)
    {
        using var spool = new BlockSpool();
        return await SurveyFileReader.ReadAsync(new MemoryStream(bytes), Held, spool);
    }

    private static (int?, string?) At(ImportProblem p) => (p.Line, p.Column);

    [Theory]
    [InlineData("0")]
    [InlineData("7")]
    [InlineData("007")]
    [InlineData("319")]
    [InlineData("9999999")]
    [InlineData("16777217")]
    [InlineData("123456789012")]
    [InlineData("3.5")]
    [InlineData("-4")]
    [InlineData("+4")]
    [InlineData("-0")]
    [InlineData("12.")]
    [InlineData(".5")]
    [InlineData("0.1")]
    [InlineData("1e3")]
    [InlineData("4a")]
    [InlineData("a4")]
    [InlineData(" 4")]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("99999999999999999999999999999999999999999")]
    [InlineData("NaN")]
    [InlineData("٣")]
    public void ANumber_IsReadAsFloatTryParseReadsIt_FastForPlainDigits(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var expected = float.TryParse(bytes, System.Globalization.NumberStyles.AllowLeadingSign | System.Globalization.NumberStyles.AllowDecimalPoint,
            System.Globalization.CultureInfo.InvariantCulture, out var parsed) && float.IsFinite(parsed);

        PupilFileReader.TryNumber(bytes, out var number).ShouldBe(expected);
        if (expected) BitConverter.SingleToInt32Bits(number).ShouldBe(BitConverter.SingleToInt32Bits(parsed));
    }

    [Fact]
    public async Task EveryCode_InEitherCase_IsStoredAsItsColumnsCode()
    {
        var file = DataFile.Pupils([Urns[0]]);
        var codeFields = SchoolSight.Domain.Indicators.PupilFields.All.Where(f => f.Kind == SchoolSight.Domain.Indicators.PupilFieldKind.Code && f.Required).ToList();
        var given = new List<(int Row, SchoolSight.Domain.Indicators.PupilField Field, string Value)>();
        var row = 0;
        foreach (var field in codeFields.Where(f => f != SchoolSight.Domain.Indicators.PupilFields.NcYear))
            foreach (var code in field.AllowedCodes)
                foreach (var value in new[] { code.ToUpperInvariant(), code.ToLowerInvariant() })
                {
                    file.Set(row % file.Rows.Count, field.Name, value);
                    given.Add((row % file.Rows.Count, field, value));
                    row++;
                }

        var read = await ReadAsync(file.ToBytes());

        read.Problems.ShouldBeEmpty();
        var pupils = SchoolSight.Core.Indicators.Storage.PupilBlockCodec.Decode(await BlockBytesAsync(file.ToBytes()));
        var last = given.GroupBy(g => (g.Row, g.Field)).Select(g => g.Last());
        foreach (var (r, field, value) in last) pupils.Code(field, r).ShouldBe(field.CodeOf(value), $"{field.Name} {value}");
    }

    [Theory]
    [InlineData("FSM", "X")]
    [InlineData("Gender", "1")]
    [InlineData("NCYear", "Y")]
    [InlineData("SEN", "é")]
    public async Task AOneCharacterValue_ThatIsNoCodeOfItsColumn_IsAProblem(string column, string value)
    {
        var file = DataFile.Pupils([Urns[0]]).Set(0, column, value);

        var read = await ReadAsync(file.ToBytes());

        read.Problems.Select(At).ShouldContain((2, column));
    }

    private static async Task<byte[]> BlockBytesAsync(byte[] file)
    {
        byte[]? data = null;
        using var spool = new BlockSpool();
        await using var upload = await ImportUpload.OpenAsync(new MemoryStream(file), spool.Folder, null, CancellationToken.None);
        await PupilFileReader.ReadAsync(upload, Held, spool, (_, bytes, _) => data = bytes);
        return data!;
    }

    [Fact]
    public async Task AGeneratedFile_IsReadWhole_OneBlockPerSchoolYear()
    {
        var file = DataFile.Pupils(Urns, 2023, 2);

        var read = await ReadAsync(file.ToBytes());

        read.Problems.ShouldBeEmpty();
        read.RowsRead.ShouldBe(file.Rows.Count);
        read.Blocks.Select(b => (b.Key.Urn, b.Key.AcademicYear)).ShouldBe([(100001, 2023), (100001, 2024), (100002, 2023), (100002, 2024)]);
        read.Blocks.Sum(b => b.Rows).ShouldBe(file.Rows.Count);
    }

    [Fact]
    public async Task RowsOfASchoolYear_SplitAcrossTheFile_AreOneBlock_AndCodesMayBeLowerCase()
    {
        var file = DataFile.Pupils(Urns);
        var whole = await ReadAsync(file.ToBytes());
        var moved = file.Rows[0];
        file.Rows.RemoveAt(0);
        file.Rows.Add(moved);
        file.Set(3, "FSM", file.Value(3, "FSM").ToLowerInvariant());

        var read = await ReadAsync(file.ToBytes());

        read.Problems.ShouldBeEmpty();
        read.Blocks.Count.ShouldBe(2);
        read.Blocks.Sum(b => b.Rows).ShouldBe(whole.Blocks.Sum(b => b.Rows));
    }

    [Fact]
    public async Task ValueProblems_AreEachListedWithTheirLineAndColumn()
    {
        var file = DataFile.Pupils(Urns);
        var year4 = file.RowWhere("NCYear", "4");
        var year6 = file.RowWhere("NCYear", "6");
        var reception = file.RowWhere("NCYear", "R");
        file.Set(0, "FSM", "X")                                        // not a code
            .Set(1, "SessionsPossible", "600")                        // out of range
            .Set(2, "Gender", "")                                     // required value missing
            .Set(year4, "KS2_RWM_EXP", "Y")                           // KS2 on a year 4 row
            .Set(year6, "SessionsMissed", "400").Set(year6, "SessionsPossible", "320").Set(year6, "SicknessSessions", "0") // missed > possible
            .Set(reception, "SicknessSessions", "999")                // out of range
            .Set(4, "AcademicYear", "2024/26")                        // not a year
            .Set(5, "PupilRef", file.Value(6, "PupilRef"))            // duplicate within the school-year
            .Set(7, "Suspensions", "two")                             // not a number
            .Set(8, "SessionsPossible", "320.5")                      // not whole
            .Set(9, "URN", "999999");                                 // a school SchoolSight does not hold

        var read = await ReadAsync(file.ToBytes());

        read.Blocks.ShouldBeEmpty();
        var at = read.Problems.Select(At).ToList();
        at.ShouldContain((2, "FSM"));
        at.ShouldContain((3, "SessionsPossible"));
        at.ShouldContain((4, "Gender"));
        at.ShouldContain((DataFile.LineOf(year4), "KS2_RWM_EXP"));
        at.ShouldContain((DataFile.LineOf(year6), "SessionsMissed"));
        at.ShouldContain((DataFile.LineOf(reception), "SicknessSessions"));
        at.ShouldContain((6, "AcademicYear"));
        at.ShouldContain((8, "PupilRef"));
        at.ShouldContain((9, "Suspensions"));
        at.ShouldContain((10, "SessionsPossible"));
        at.ShouldContain((11, "URN"));
        read.Problems.Single(p => p is { Line: 11, Column: "URN" }).Problem.ShouldContain("import the establishment list");
        read.Problems.Single(p => p is { Line: 8, Column: "PupilRef" }).Problem.ShouldContain("also on line 7");
        read.ProblemCount.ShouldBe(read.Problems.Count);
    }

    [Fact]
    public async Task SicknessMoreThanMissed_AndResultsThatDisagree_AreRejected()
    {
        var file = DataFile.Pupils(Urns);
        var row = file.RowWhere("NCYear", "3");
        var year6 = file.RowWhere("NCYear", "6");
        file.Set(row, "SessionsMissed", "10").Set(row, "SicknessSessions", "11")
            .Set(year6, "KS2_RWM_EXP", "Y").Set(year6, "KS2_LOW", "Y");

        var read = await ReadAsync(file.ToBytes());

        read.Problems.Select(At).ShouldBe([(DataFile.LineOf(row), "SicknessSessions"), (DataFile.LineOf(year6), "KS2_LOW")], ignoreOrder: true);
    }

    [Fact]
    public async Task HeaderProblems_AreListedAgainstLineOne()
    {
        var file = DataFile.Pupils(Urns).DropColumn("FSM");
        file.Header[file.Column("EAL")] = "EAL_FLAG";

        var read = await ReadAsync(file.ToBytes());

        read.Problems.Select(At).ShouldBe([(1, "FSM"), (1, "EAL")], ignoreOrder: true);
        read.RowsRead.ShouldBe(0);
    }

    [Fact]
    public async Task AColumnSchoolSightDoesNotRead_IsLeftAlone_EvenBlankOrRepeated()
    {
        var file = DataFile.Pupils(Urns);
        file.Header.AddRange(["Notes", "notes", ""]);
        for (var i = 0; i < file.Rows.Count; i++) file.Rows[i] = [.. file.Rows[i], "=cmd()", "y", ""];

        (await ReadAsync(file.ToBytes())).Problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task OptionalColumns_MayBeLeftOut()
    {
        var file = DataFile.Pupils(Urns).DropColumn("PE2Hours").DropColumn("SchoolMeals").DropColumn("Destination");

        (await ReadAsync(file.ToBytes())).Problems.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("", null, null, "empty")]
    [InlineData("URN,AcademicYear\r\n", 1, "PupilRef", "no column")]
    public async Task AnEmptyFileOrAShortHeader_IsRejected(string text, int? line, string? column, string words)
    {
        var read = await ReadAsync(Encoding.UTF8.GetBytes(text));

        read.Problems.ShouldNotBeEmpty();
        read.Problems.ShouldContain(p => p.Line == line && p.Column == column && p.Problem.Contains(words));
    }

    [Fact]
    public async Task AShortRowAndAStrayQuote_AreRejectedWithTheirLines()
    {
        var lines = DataFile.Pupils(Urns).ToText().Split("\r\n").ToList();
        lines[2] = lines[2][..lines[2].LastIndexOf(',')];
        lines[4] = lines[4].Replace("P1", "P\"1");

        var read = await ReadAsync(Encoding.UTF8.GetBytes(string.Join("\r\n", lines)));

        read.Problems.Select(p => p.Line).ShouldBe([3, 5]);
        read.Problems[0].Column.ShouldBe("SchoolMeals");
    }

    [Fact]
    public async Task ManyProblems_AreAllCounted_AndTheFirstThousandListed()
    {
        var file = DataFile.Pupils(Urns, 2022, 3);
        for (var i = 0; i < file.Rows.Count; i++) file.Set(i, "Gender", "?").Set(i, "FSM", "?");

        var read = await ReadAsync(file.ToBytes());

        read.ProblemCount.ShouldBe(2 * file.Rows.Count);
        read.Problems.Count.ShouldBe(ProblemList.MaxListed);
        read.Problems.ShouldAllBe(p => p.Line != null && p.Column != null);
        ProblemList.More(read.ProblemCount, read.Problems.Count).ShouldBe($"… and {2 * file.Rows.Count - ProblemList.MaxListed:N0} more problems: correct those listed and import the file again to see the rest");
    }

    [Fact]
    public async Task AGeneratedSurveyFile_IsReadWhole_AndNumbersOrWordsAreAnswers()
    {
        var file = DataFile.Surveys(Urns);
        file.Set(0, "FeelSafe", "1").Set(1, "FeelSafe", "don't know").Set(2, "FeelSafe", "Don\u2019t know").Set(3, "YearGroup", "");

        var read = await ReadSurveyAsync(file.ToBytes());

        read.Problems.ShouldBeEmpty();
        read.Blocks.Sum(b => b.Rows).ShouldBe(file.Rows.Count);
    }

    [Fact]
    public async Task SurveyProblems_AreListedWithTheirLineAndColumn()
    {
        var file = DataFile.Surveys(Urns);
        file.Set(0, "RespondentType", "Teacher").Set(1, "EnjoySchool", "Maybe").Set(2, "YearGroup", "14").Set(3, "URN", "123").Set(4, "AcademicYear", "");

        var read = await ReadSurveyAsync(file.ToBytes());

        read.Problems.Select(At).ShouldBe([(2, "RespondentType"), (3, "EnjoySchool"), (4, "YearGroup"), (5, "URN"), (6, "AcademicYear")]);
    }

    [Fact]
    public async Task ASurveyFileWithNoQuestionColumns_IsRejected()
    {
        var read = await ReadSurveyAsync(Encoding.UTF8.GetBytes("URN,AcademicYear,RespondentType\r\n100001,2024/25,Pupil\r\n"));

        read.Problems.Single().Problem.ShouldContain("none of the question columns");
    }
}
