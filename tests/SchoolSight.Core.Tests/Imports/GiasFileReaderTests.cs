using System.Text;
using SchoolSight.Core.Imports;
using SchoolSight.Core.Imports.Gias;
using SchoolSight.TestSupport;

namespace SchoolSight.Core.Tests.Imports;

/// <summary>Reading and checking a GIAS file, without a database.</summary>
public sealed class GiasFileReaderTests
{
    private static Task<GiasFile> ReadAsync(Stream content, GiasImportScope? scope = null) =>
        GiasFileReader.ReadAsync(content, new GiasReadOptions(scope ?? GiasImportScope.EveryLa));

    [Fact]
    public async Task RealFile_IsReadWhole_IncludingRowsWithLinkedEstablishmentsOverflow()
    {
        await using var stream = File.OpenRead(SharedData.GiasHampshireSurrey);

        var file = await ReadAsync(stream);

        file.Errors.ShouldBeEmpty();
        (file.RowsRead, file.RowsInScope, file.Rows.Count).ShouldBe((1096, 1096, 1096));
        file.LaCodesInFile.ShouldBe([850, 936], ignoreOrder: true);
        file.ColumnsNotInFile.ShouldBeEmpty();
        file.Rows[0].ShouldSatisfyAllConditions(r => r.Urn.ShouldBe(115850), r => r.Line.ShouldBe(2));
        file.Rows[^1].Line.ShouldBe(1097);
    }

    [Fact]
    public async Task KeptLa_ReadsOnlyItsRows_ButHeldUrnsOfOtherLasToo()
    {
        await using var stream = File.OpenRead(SharedData.GiasHampshireSurrey);
        var surreyUrn = GiasTestFile.Real().Urn(GiasTestFile.Real().RowsOf(936).First());

        var file = await GiasFileReader.ReadAsync(stream, new GiasReadOptions(GiasImportScope.Only(850)) { HeldUrns = new HashSet<int> { surreyUrn } });

        file.RowsInScope.ShouldBe(GiasTestFile.Real().RowsOf(850).Count() + 1);
        file.Rows.ShouldContain(r => r.Urn == surreyUrn);
    }

    [Fact]
    public async Task OneWayStream_IsCopiedAndReadTheSame()
    {
        var bytes = await File.ReadAllBytesAsync(SharedData.GiasHampshireSurrey);

        var file = await ReadAsync(new OneWayStream(bytes));

        file.Errors.ShouldBeEmpty();
        file.RowsRead.ShouldBe(1096);
        file.Check.Length.ShouldBe(bytes.Length);
    }

    [Fact]
    public async Task CarriageReturnOnlyLineEnds_AreCountedAsLines()
    {
        var text = GiasTestFile.Real().KeepOnly(r => true).ToText().Replace("\r\n", "\r");
        var broken = text.Replace("\"Alton Infant School\"", "\"Alton Infant School\"\r\"x\"");

        var file = await ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(broken)));

        file.Errors.First().Line.ShouldBe(2);
        file.Errors.Skip(1).First().Line.ShouldBe(3);
    }

    [Theory]
    [InlineData("850", new[] { 850 })]
    [InlineData(" 850, 936 ", new[] { 850, 936 })]
    [InlineData("850 936;919", new[] { 850, 936, 919 })]
    public void Scope_ReadsLaCodesAsTyped(string text, int[] codes)
    {
        GiasImportScope.TryParse(text, out var scope, out _).ShouldBeTrue();

        scope.LaCodes.ShouldBe(codes, ignoreOrder: true);
        scope.Describe().ShouldBe($"LA {string.Join(", ", codes.Order())}");
    }

    [Theory]
    [InlineData("", "Enter the LA codes to import, like 850 or 850, 936")]
    [InlineData("85", "'85' is not an LA code: LA codes are three-digit numbers, like 850")]
    [InlineData("850, Hampshire", "'Hampshire' is not an LA code: LA codes are three-digit numbers, like 850")]
    [InlineData("085", "'085' is not an LA code: LA codes are three-digit numbers, like 850")]
    public void Scope_RefusesWhatIsNotAnLaCode(string text, string message)
    {
        GiasImportScope.TryParse(text, out _, out var error).ShouldBeFalse();

        error.ShouldBe(message);
    }

    [Fact]
    public void Error_ReadsAsLineColumnAndProblem()
    {
        new ImportProblem(57, "OpenDate", "'31-02-2019' is not a real date (expected dd-mm-yyyy)").ToString()
            .ShouldBe("Line 57, column OpenDate: '31-02-2019' is not a real date (expected dd-mm-yyyy)");
        new ImportProblem(3, null, "the row has 2 fields").ToString().ShouldBe("Line 3: the row has 2 fields");
        new ImportProblem(null, null, "the file is empty").ToString().ShouldBe("The file is empty");
        new ImportProblem(9, "URN", "the URN is blank").Sentence.ShouldBe("The URN is blank");
    }

    private sealed class OneWayStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
