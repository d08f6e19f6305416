using System.IO.Compression;
using System.Text;

namespace SchoolSight.Domain.Attachments;

/// <summary>A kind of file SchoolSight accepts: its extensions, the content type it is stored and served as, and how its first bytes are recognised.</summary>
public sealed record AttachmentType(string Name, string ContentType, IReadOnlyList<string> Extensions, Func<Stream, bool> Recognises);

/// <summary>
/// The kinds of file that may be attached, each recognised from its content as well as its name: a file called
/// ".pdf" that does not begin as a PDF does is refused. Office Open XML and OpenDocument files are ZIP packages and
/// are recognised by the parts they must hold; older Office files by the compound file signature; text and CSV by
/// holding text only.
/// </summary>
public static class AttachmentTypes
{
    private const int TextSample = 8192;
    private static readonly byte[] CompoundFile = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];

    public static readonly IReadOnlyList<AttachmentType> All =
    [
        new("PDF", "application/pdf", [".pdf"], s => Contains(Head(s, 1024), "%PDF-"u8)),
        new("Word", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", [".docx"], s => OfficeOpenXml(s, "word/")),
        new("Word 97-2003", "application/msword", [".doc"], s => StartsWith(s, CompoundFile)),
        new("Excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [".xlsx"], s => OfficeOpenXml(s, "xl/")),
        new("Excel 97-2003", "application/vnd.ms-excel", [".xls"], s => StartsWith(s, CompoundFile)),
        new("PowerPoint", "application/vnd.openxmlformats-officedocument.presentationml.presentation", [".pptx"], s => OfficeOpenXml(s, "ppt/")),
        new("PowerPoint 97-2003", "application/vnd.ms-powerpoint", [".ppt"], s => StartsWith(s, CompoundFile)),
        new("OpenDocument text", "application/vnd.oasis.opendocument.text", [".odt"], s => OpenDocument(s, "application/vnd.oasis.opendocument.text")),
        new("OpenDocument spreadsheet", "application/vnd.oasis.opendocument.spreadsheet", [".ods"], s => OpenDocument(s, "application/vnd.oasis.opendocument.spreadsheet")),
        new("OpenDocument presentation", "application/vnd.oasis.opendocument.presentation", [".odp"], s => OpenDocument(s, "application/vnd.oasis.opendocument.presentation")),
        new("PNG", "image/png", [".png"], s => StartsWith(s, Png)),
        new("JPEG", "image/jpeg", [".jpg", ".jpeg"], s => StartsWith(s, Jpeg)),
        new("text", "text/plain", [".txt"], IsText),
        new("CSV", "text/csv", [".csv"], IsText),
    ];

    /// <summary>Every extension SchoolSight knows, without dots: the default list of allowed types.</summary>
    public static IReadOnlyList<string> KnownExtensions => [.. All.SelectMany(t => t.Extensions).Select(e => e[1..])];

    public static AttachmentType? ForExtension(string extension) =>
        All.FirstOrDefault(t => t.Extensions.Contains(extension.ToLowerInvariant(), StringComparer.Ordinal));

    /// <summary>Whether <paramref name="content"/> (seekable) is what <paramref name="type"/> says; the position is put back to the start.</summary>
    public static bool Matches(AttachmentType type, Stream content)
    {
        try
        {
            content.Position = 0;
            return type.Recognises(content);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or DecoderFallbackException)
        {
            return false;
        }
        finally
        {
            content.Position = 0;
        }
    }

    private static byte[] Head(Stream s, int count)
    {
        var buffer = new byte[count];
        var read = s.ReadAtLeast(buffer, count, throwOnEndOfStream: false);
        return buffer[..read];
    }

    private static bool StartsWith(Stream s, byte[] signature) => Head(s, signature.Length).AsSpan().SequenceEqual(signature);

    private static bool Contains(byte[] bytes, ReadOnlySpan<byte> text) => bytes.AsSpan().IndexOf(text) >= 0;

    private static bool OfficeOpenXml(Stream s, string mainFolder)
    {
        if (!StartsWith(s, Zip)) return false;
        s.Position = 0;
        using var zip = new ZipArchive(s, ZipArchiveMode.Read, leaveOpen: true);
        return zip.GetEntry("[Content_Types].xml") is not null && zip.Entries.Any(e => e.FullName.StartsWith(mainFolder, StringComparison.Ordinal));
    }

    /// <summary>An OpenDocument package begins with an uncompressed "mimetype" entry naming its type (ODF 1.2 part 3, 3.3).</summary>
    private static bool OpenDocument(Stream s, string mimeType)
    {
        var head = Head(s, 38 + mimeType.Length);
        return head.Length == 38 + mimeType.Length && head.AsSpan(0, 4).SequenceEqual(Zip)
            && head.AsSpan(30, 8).SequenceEqual("mimetype"u8) && head.AsSpan(38).SequenceEqual(Encoding.ASCII.GetBytes(mimeType));
    }

    /// <summary>Text: no NUL or other control characters but tab, line breaks and form feed in the first 8 KB.</summary>
    private static bool IsText(Stream s)
    {
        var head = Head(s, TextSample);
        return head.Length > 0 && head.All(b => b >= 0x20 || b is (byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0C) && !head.Contains((byte)0x7F);
    }
}
