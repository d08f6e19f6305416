using System.Text;
using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Core.Imports;
using SchoolSight.Core.Imports.Gias;
using SchoolSight.Domain.Imports;
using SchoolSight.TestSupport;

namespace SchoolSight.Core.Tests.Imports;

/// <summary>
/// Bad files, each built from the real GIAS extract: the whole file is refused with every problem by line and column,
/// no school or audit row is written, and the attempt is recorded.
/// </summary>
public abstract class GiasRejectionTests(DatabaseProvider provider) : GiasImportTestBase(provider)
{
    private readonly GiasTestFile _file = GiasTestFile.Real();

    /// <summary>Some schools already held, so "nothing changed" means something.</summary>
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var seed = GiasTestFile.Real();
        var first = seed.RowsOf(850).Take(20).ToHashSet();
        await ImportAsync(seed.KeepOnly(first.Contains).ToBytes(), 850);
    }

    private async Task<GiasImportResult> RejectedAsync(byte[] content, params int[] laCodes)
    {
        var before = await CountsAsync();
        var importsBefore = await QueryAsync(db => db.Imports.CountAsync());

        var result = await ImportAsync(content, laCodes.Length == 0 ? [850] : laCodes);

        result.Outcome.ShouldBe(ImportOutcome.Rejected);
        result.Errors.ShouldNotBeEmpty();
        (result.Added, result.Updated, result.Closed).ShouldBe((0, 0, 0));
        (await CountsAsync()).ShouldBe(before, "a rejected file must change no school and write no audit row");
        (await QueryAsync(db => db.Imports.CountAsync())).ShouldBe(importsBefore + 1);
        var record = await ImportRecordAsync(result.ImportId);
        (record.Outcome, record.ErrorCount).ShouldBe((ImportOutcome.Rejected, result.Errors.Count));
        record.FirstErrors!.ShouldStartWith(result.Errors[0].ToString());
        return result;
    }

    private int LineOfRow(int index) => index + 2;

    [Fact]
    public async Task MissingRequiredColumn_IsRejectedOnTheHeaderLine()
    {
        var result = await RejectedAsync(_file.DropColumn("EstablishmentName").ToBytes());

        result.Errors.ShouldHaveSingleItem().ShouldBe(new ImportProblem(1, "EstablishmentName", "the header has no column of this name, and SchoolSight needs it"));
    }

    [Fact]
    public async Task DuplicateHeader_IsRejected()
    {
        _file.Header[_file.ColumnIndex("Street")] = "Town";

        var error = (await RejectedAsync(_file.ToBytes())).Errors.ShouldHaveSingleItem();

        (error.Line, error.Column).ShouldBe((1, "Town"));
        error.Problem.ShouldContain("twice");
    }

    [Fact]
    public async Task DuplicateUrn_IsRejectedOnTheSecondLine_NamingTheFirst()
    {
        var firstUrn = _file.Urn(_file.Rows[1]);
        _file.Rows[30][_file.ColumnIndex("URN")] = firstUrn.ToString();

        var result = await RejectedAsync(_file.ToBytes());

        result.Errors.ShouldHaveSingleItem().ToString().ShouldBe($"Line {LineOfRow(30)}, column URN: URN {firstUrn} is in the file twice: it is also on line {LineOfRow(1)}");
    }

    [Theory]
    [InlineData("", "the URN is blank")]
    [InlineData("12A456", "'12A456' is not a URN")]
    [InlineData("0", "'0' is not a URN: a URN is a positive whole number")]
    public async Task MissingOrNonNumericUrn_IsRejected(string urn, string problem)
    {
        _file.Rows[7][_file.ColumnIndex("URN")] = urn;

        var error = (await RejectedAsync(_file.ToBytes())).Errors.ShouldHaveSingleItem();

        (error.Line, error.Column).ShouldBe((LineOfRow(7), "URN"));
        error.Problem.ShouldStartWith(problem);
    }

    [Fact]
    public async Task ImpossibleDate_IsRejectedWithLineAndColumn()
    {
        var urn = _file.Urn(_file.Rows[55]);
        _file.Set(urn, "OpenDate", "31-02-2019");

        var result = await RejectedAsync(_file.ToBytes());

        result.Errors.ShouldHaveSingleItem().ToString().ShouldBe($"Line {LineOfRow(55)}, column OpenDate: '31-02-2019' is not a real date (expected dd-mm-yyyy)");
    }

    [Fact]
    public async Task DateInAnotherFormat_IsRejected()
    {
        _file.Set(_file.Urn(_file.Rows[3]), "CloseDate", "2019-08-31");

        var error = (await RejectedAsync(_file.ToBytes())).Errors.ShouldHaveSingleItem();

        (error.Line, error.Column, error.Problem).ShouldBe((LineOfRow(3), "CloseDate", "'2019-08-31' is not a date in the form dd-mm-yyyy, such as 01-09-2021"));
    }

    [Fact]
    public async Task NonNumericNumberOfPupils_IsRejected()
    {
        _file.Set(_file.Urn(_file.Rows[12]), "NumberOfPupils", "about 200");

        var error = (await RejectedAsync(_file.ToBytes())).Errors.ShouldHaveSingleItem();

        error.ToString().ShouldBe($"Line {LineOfRow(12)}, column NumberOfPupils: 'about 200' is not a whole number of 0 or more");
    }

    [Fact]
    public async Task UnknownStatus_IsRejected()
    {
        _file.Set(_file.Urn(_file.Rows[4]), "EstablishmentStatus (name)", "Shut");

        var error = (await RejectedAsync(_file.ToBytes())).Errors.ShouldHaveSingleItem();

        (error.Line, error.Column).ShouldBe((LineOfRow(4), "EstablishmentStatus (name)"));
        error.Problem.ShouldStartWith("'Shut' is not a GIAS establishment status");
    }

    /// <summary>The written file as text, cut within its last row: <paramref name="fields"/> whole fields, then <paramref name="extra"/>.</summary>
    private string CutInLastRow(int fields, string extra)
    {
        // Every field is quoted, so fields are separated by "," (with the quotes).
        var text = _file.ToText().TrimEnd('\r', '\n');
        var lastLineStart = text.LastIndexOf('\n') + 1;
        return text[..lastLineStart] + string.Join("\",\"", text[lastLineStart..].Split("\",\"").Take(fields)) + extra;
    }

    [Fact]
    public async Task RowCutShortAfterAField_IsRejectedNamingTheFirstMissingColumn()
    {
        var cut = CutInLastRow(60, "\"");

        var error = (await RejectedAsync(Encoding.UTF8.GetBytes(cut), 850, 936)).Errors.ShouldHaveSingleItem();

        (error.Line, error.Column).ShouldBe((LineOfRow(_file.Rows.Count - 1), _file.Header[60]));
        error.Problem.ShouldContain("the row has 60 fields but the header has 111");
    }

    [Fact]
    public async Task LastLineTruncatedInsideAQuotedField_IsRejected()
    {
        var street = _file.ColumnIndex("Street");
        var cut = CutInLastRow(street, "\",\"Hi");

        var error = (await RejectedAsync(Encoding.UTF8.GetBytes(cut), 850, 936)).Errors.ShouldHaveSingleItem();

        (error.Line, error.Column).ShouldBe((LineOfRow(_file.Rows.Count - 1), "Street"));
        error.Problem.ShouldContain("never closed");
    }

    [Fact]
    public async Task EmptyFile_IsRejected()
    {
        var error = (await RejectedAsync([])).Errors.ShouldHaveSingleItem();

        error.ToString().ShouldBe("The file is empty: it has no header row and no establishments");
    }

    [Fact]
    public async Task HeaderWithoutRows_IsRejected()
    {
        var result = await RejectedAsync(_file.KeepOnly(_ => false).ToBytes());

        result.Errors.ShouldHaveSingleItem().Problem.ShouldBe("the file has a header row but no establishments");
    }

    [Fact]
    public async Task Utf16File_IsRejectedAsTheWrongEncoding()
    {
        var error = (await RejectedAsync([.. Encoding.Unicode.GetPreamble(), .. _file.ToBytes(Encoding.Unicode)])).Errors.ShouldHaveSingleItem();

        error.Line.ShouldBe(1);
        error.Problem.ShouldContain("UTF-16");
    }

    [Fact]
    public async Task NulBytes_AreRejectedAsTheWrongEncoding_OnTheirLine()
    {
        _file.Set(_file.Urn(_file.Rows[9]), "Town", "Al\0ton");

        var error = (await RejectedAsync(_file.ToBytes())).Errors.ShouldHaveSingleItem();

        error.Line.ShouldBe(LineOfRow(9));
        error.Problem.ShouldContain("NUL bytes");
    }

    [Fact]
    public async Task BytesThatAreNeitherUtf8NorWindows1252_AreRejected()
    {
        var bytes = _file.ToBytes();
        var at = Encoding.UTF8.GetBytes(_file.ToText()[..(_file.ToText().IndexOf("Alton Infant School", StringComparison.Ordinal))]).Length;
        bytes[at] = 0x81;

        var error = (await RejectedAsync(bytes)).Errors.ShouldHaveSingleItem();

        error.Line.ShouldBe(2);
        error.Problem.ShouldStartWith("byte 0x81 is not a character in UTF-8 or in Windows-1252");
    }

    [Fact]
    public async Task ExcelWorkbook_IsRejected()
    {
        var error = (await RejectedAsync([(byte)'P', (byte)'K', 3, 4, 20, 0, 6, 0, 8, 0])).Errors.ShouldHaveSingleItem();

        error.Problem.ShouldContain("Excel workbook");
    }

    [Fact]
    public async Task LaCodeNotInFile_IsRejected_SoNoSchoolIsClosedByMistake()
    {
        var error = (await RejectedAsync(_file.ToBytes(), 850, 919)).Errors.ShouldHaveSingleItem();

        (error.Line, error.Column).ShouldBe((null, "LA (code)"));
        error.Problem.ShouldStartWith("no establishment in the file has LA code 919");
    }

    [Fact]
    public async Task SchoolRuleBroken_IsRejectedAgainstItsColumn()
    {
        var urn = _file.Urn(_file.Rows[20]);
        _file.Set(urn, "OpenDate", "01-09-2015").Set(urn, "CloseDate", "31-08-2014");

        var error = (await RejectedAsync(_file.ToBytes())).Errors.ShouldHaveSingleItem();

        error.ToString().ShouldBe($"Line {LineOfRow(20)}, column CloseDate: the close date must be the same as or after the open date");
    }

    [Fact]
    public async Task TextLongerThanTheDatabaseKeeps_IsRejected()
    {
        _file.Set(_file.Urn(_file.Rows[2]), "Postcode", "GU34 1DH GU34 1DH");

        var error = (await RejectedAsync(_file.ToBytes())).Errors.ShouldHaveSingleItem();

        (error.Line, error.Column).ShouldBe((LineOfRow(2), "Postcode"));
        error.Problem.ShouldContain("at most 12");
    }

    [Fact]
    public async Task EveryProblem_IsListedInFileOrder()
    {
        _file.Set(_file.Urn(_file.Rows[3]), "OpenDate", "99-99-9999")
            .Set(_file.Urn(_file.Rows[3]), "NumberOfPupils", "-4")
            .Set(_file.Urn(_file.Rows[10]), "EstablishmentName", "   ")
            .Set(_file.Urn(_file.Rows[200]), "PercentageFSM", "12,5");

        var result = await RejectedAsync(_file.ToBytes());

        result.Errors.Select(e => (e.Line, e.Column)).ShouldBe([
            (LineOfRow(3), "OpenDate"), (LineOfRow(3), "NumberOfPupils"), (LineOfRow(10), "EstablishmentName"), (LineOfRow(200), "PercentageFSM")]);
    }

    [Fact]
    public async Task LineNumbers_CountLineBreaksInsideQuotedFields()
    {
        _file.Set(_file.Urn(_file.Rows[1]), "Street", "Normandy Street\r\nSecond line");
        _file.Set(_file.Urn(_file.Rows[5]), "OpenDate", "32-01-2020");

        var error = (await RejectedAsync(_file.ToBytes())).Errors.ShouldHaveSingleItem();

        error.Line.ShouldBe(LineOfRow(5) + 1);
    }

    [Fact]
    public async Task ExtraFields_AreRejectedUnlessTheLastColumnIsLinkedEstablishments()
    {
        var overflowing = _file.Rows.FindIndex(r => r.Count > 111);

        var result = await RejectedAsync(_file.DropColumn("Linked establishments").ToBytes());

        result.Errors[0].ShouldBe(new ImportProblem(LineOfRow(overflowing), "column 111", $"the row has {_file.Rows[overflowing].Count} fields but the header has 110"));
    }

    [Fact]
    public async Task ExtraFieldThatIsNotALink_IsRejected_EvenAfterLinkedEstablishments()
    {
        var row = _file.Rows[6];
        row.Insert(_file.ColumnIndex("Gender (name)"), "Mixed");

        var error = (await RejectedAsync(_file.ToBytes())).Errors.ShouldHaveSingleItem();

        (error.Line, error.Column).ShouldBe((LineOfRow(6), "column 112"));
        error.Problem.ShouldStartWith("the row has 112 fields but the header has 111: only GIAS's linked establishments");
    }

    [Fact]
    public async Task StructuralProblemInAnotherLasRow_IsStillRejected()
    {
        var surrey = _file.RowsOf(936).ToList();
        surrey[1][_file.ColumnIndex("URN")] = _file.Value(surrey[0], "URN");

        var error = (await RejectedAsync(_file.ToBytes(), 850)).Errors.ShouldHaveSingleItem();

        error.Column.ShouldBe("URN");
    }

    [Fact]
    public async Task ValueProblemInAnotherLasRow_IsNotThisLasToFix()
    {
        var surrey = _file.RowsOf(936).First();
        _file.Set(_file.Urn(surrey), "OpenDate", "31-02-2019");

        var result = await ImportAsync(_file.ToBytes(), 850);

        result.Outcome.ShouldBe(ImportOutcome.Applied);
        (await ImportAsync(_file.ToBytes(), 936)).Outcome.ShouldBe(ImportOutcome.Rejected);
    }
}

public sealed class GiasRejectionTests_Sqlite() : GiasRejectionTests(DatabaseProvider.Sqlite);
public sealed class GiasRejectionTests_Postgres() : GiasRejectionTests(DatabaseProvider.Postgres);
