using System.Text;
using SchoolSight.Core.Exports;

namespace SchoolSight.Core.Tests.Exports;

public sealed class TableExportTests
{
    private static readonly ExportTable Table = new("Key stage 2, 2024/25",
        ["School", "URN", "Value"],
        [
            ["Brookmere Primary School", 999101, ExportNumber.Of(61.26, 1)],
            ["=HYPERLINK(\"http://example.com\")", 999102, null],
            ["St Mary's, \"The Meadows\"", 999103, 4.5],
        ],
        ["Figures for fewer than 6 pupils are hidden."]);

    [Fact]
    public void Csv_IsUtf8WithItsMark_QuotedAsRfc4180_FormulaSafe_WithItsNotesAfterAnEmptyLine()
    {
        var bytes = TableExport.Csv(Table);

        bytes.AsSpan(0, 3).ToArray().ShouldBe(Encoding.UTF8.GetPreamble());
        Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).ShouldBe(
            "School,URN,Value\r\n" +
            "Brookmere Primary School,999101,61.3\r\n" +
            "\"'=HYPERLINK(\"\"http://example.com\"\")\",999102,\r\n" +
            "\"St Mary's, \"\"The Meadows\"\"\",999103,4.5\r\n" +
            "\r\n" +
            "Note,Figures for fewer than 6 pupils are hidden.\r\n");
    }

    [Fact]
    public void SeveralTablesInOneCsv_HaveOneMark_AndEachOpensWithItsTitle()
    {
        var text = Encoding.UTF8.GetString(TableExport.Csv([Table, Table with { Title = "Second" }]));

        text.Count(c => c == '\uFEFF').ShouldBe(1);
        text.ShouldStartWith("\uFEFF\"Key stage 2, 2024/25\"\r\nSchool,URN,Value\r\n");
        text.ShouldContain("\r\n\r\nSecond\r\nSchool,URN,Value\r\n");
    }

    [Fact]
    public void Xlsx_IsAWorkbook_ThatOpensAsAZip()
    {
        var bytes = TableExport.Xlsx(Table);

        bytes.AsSpan(0, 2).ToArray().ShouldBe("PK"u8.ToArray());
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(bytes));
        zip.Entries.Select(e => e.FullName).ShouldContain("xl/workbook.xml");
    }

    [Theory]
    [InlineData(61.25, 1)]
    [InlineData(0.125, 2)]
    [InlineData(12.5, 0)]
    [InlineData(-3.45, 1)]
    [InlineData(99.96, 1)]
    public void ANumber_IsTheSameInTheWorkbookAsTheTextThePageShows(double value, int decimals)
    {
        var number = ExportNumber.Of(value, decimals);

        number.Text.ShouldBe(value.ToString("F" + decimals, System.Globalization.CultureInfo.InvariantCulture));
        number.Value.ToString("F" + decimals, System.Globalization.CultureInfo.InvariantCulture).ShouldBe(number.Text);
        number.Value.ShouldBe(double.Parse(number.Text, System.Globalization.CultureInfo.InvariantCulture));
    }
}
