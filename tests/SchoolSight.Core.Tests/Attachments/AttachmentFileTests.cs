using System.Text;
using SchoolSight.Domain.Attachments;
using SchoolSight.TestSupport;

namespace SchoolSight.Core.Tests.Attachments;

/// <summary>What a file is, judged by its first bytes as well as its name, and the safe name it is kept under: no database needed.</summary>
public sealed class AttachmentFileTests
{
    private static bool Recognised(string extension, byte[] content)
    {
        using var stream = new MemoryStream(content);
        return AttachmentTypes.Matches(AttachmentTypes.ForExtension(extension)!, stream);
    }

    public static TheoryData<string, byte[]> RealFiles => new()
    {
        { ".pdf", SampleFiles.Pdf() },
        { ".png", SampleFiles.Png },
        { ".jpg", SampleFiles.Jpeg },
        { ".jpeg", SampleFiles.Jpeg },
        { ".csv", SampleFiles.Csv },
        { ".txt", Encoding.UTF8.GetBytes("Minutes of the programme meeting\r\n\tItem 1: phonics — 64% on track\n") },
        { ".docx", SampleFiles.OfficeOpenXml("word/") },
        { ".xlsx", SampleFiles.OfficeOpenXml("xl/") },
        { ".pptx", SampleFiles.OfficeOpenXml("ppt/") },
        { ".doc", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0] },
        { ".xls", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0] },
        { ".ppt", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0] },
        { ".odt", SampleFiles.OpenDocument("application/vnd.oasis.opendocument.text") },
        { ".ods", SampleFiles.OpenDocument("application/vnd.oasis.opendocument.spreadsheet") },
        { ".odp", SampleFiles.OpenDocument("application/vnd.oasis.opendocument.presentation") },
    };

    [Theory]
    [MemberData(nameof(RealFiles))]
    public void ARealFile_IsRecognisedByItsFirstBytes(string extension, byte[] content) => Recognised(extension, content).ShouldBeTrue();

    public static TheoryData<string, byte[]> Pretenders => new()
    {
        { ".pdf", Encoding.ASCII.GetBytes("This is not a PDF at all") },
        { ".pdf", SampleFiles.Png },
        { ".png", SampleFiles.Jpeg },
        { ".jpg", SampleFiles.Pdf() },
        { ".docx", SampleFiles.OfficeOpenXml("xl/") },
        { ".xlsx", SampleFiles.PlainZip },
        { ".docx", Encoding.ASCII.GetBytes("PK\u0003\u0004 but no central directory") },
        { ".odt", SampleFiles.OpenDocument("application/vnd.oasis.opendocument.spreadsheet") },
        { ".doc", SampleFiles.Pdf() },
        { ".csv", [0x4D, 0x5A, 0x90, 0x00, 0x03] },
        { ".txt", SampleFiles.Png },
        { ".txt", [] },
    };

    [Theory]
    [MemberData(nameof(Pretenders))]
    public void AFileWhoseContentsAreNotWhatItsNameSays_IsNotRecognised(string extension, byte[] content) => Recognised(extension, content).ShouldBeFalse();

    [Theory]
    [InlineData("report.pdf", "report.pdf")]
    [InlineData("../../etc/passwd.pdf", "passwd.pdf")]
    [InlineData(@"C:\Users\head\Documents\Phonics data.xlsx", "Phonics data.xlsx")]
    [InlineData("minutes\u0000\u0007\r\n.docx", "minutes.docx")]
    [InlineData("invoice\u202Efdp.exe", "invoicefdp.exe")]
    [InlineData("  ..hidden  file.pdf. . ", "hidden file.pdf")]
    [InlineData("a<b>c:d\"e|f?g*h.pdf", "abcdefgh.pdf")]
    [InlineData("CON.pdf", "_CON.pdf")]
    [InlineData("", "attachment")]
    [InlineData("/", "attachment")]
    [InlineData(".pdf", "pdf")]
    public void AnUploadedName_IsMadeSafe(string uploaded, string safe) => SafeFileName.From(uploaded).ShouldBe(safe);

    [Fact]
    public void AVeryLongName_IsCut_KeepingItsExtension()
    {
        var safe = SafeFileName.From(new string('x', 500) + "👩‍🏫.pdf");
        safe.Length.ShouldBeLessThanOrEqualTo(SafeFileName.MaxLength);
        safe.ShouldEndWith(".pdf");
        SafeFileName.From(new string('é', 200) + ".docx").ShouldBe(new string('é', SafeFileName.MaxLength - 5) + ".docx");
    }
}
