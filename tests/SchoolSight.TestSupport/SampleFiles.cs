using System.IO.Compression;
using System.Text;

namespace SchoolSight.TestSupport;

/// <summary>Small but real files of each kind SchoolSight accepts as attachments, and some that only pretend to be.</summary>
public static class SampleFiles
{
    public static byte[] Pdf(string text = "Progress evidence") =>
        Encoding.ASCII.GetBytes($"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% {text}\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    public static byte[] Png => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0];

    public static byte[] Jpeg => [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 0x4A, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xFF, 0xD9];

    public static byte[] Csv => Encoding.UTF8.GetBytes("Pupil group,On track\nReception,64%\n");

    /// <summary>An Office Open XML package whose main part is in <paramref name="folder"/> ("word/", "xl/", "ppt/").</summary>
    public static byte[] OfficeOpenXml(string folder) => Zip(("[Content_Types].xml", "<Types/>", false), ($"{folder}main.xml", "<document/>", false));

    /// <summary>An OpenDocument package: its uncompressed "mimetype" entry first.</summary>
    public static byte[] OpenDocument(string mimeType) => Zip(("mimetype", mimeType, true), ("content.xml", "<office:document-content/>", false));

    /// <summary>A ZIP that is no Office or OpenDocument file.</summary>
    public static byte[] PlainZip => Zip(("notes.txt", "hello", false));

    private static byte[] Zip(params (string Name, string Content, bool Stored)[] entries)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content, stored) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name, stored ? CompressionLevel.NoCompression : CompressionLevel.Optimal).Open(), new UTF8Encoding(false));
                writer.Write(content);
            }
        }
        return memory.ToArray();
    }
}
