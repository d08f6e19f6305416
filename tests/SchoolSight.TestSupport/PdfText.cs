using System.Diagnostics;

namespace SchoolSight.TestSupport;

/// <summary>
/// Checks a PDF is real and reads its text with poppler's <c>pdftotext</c> (Debian's poppler-utils, installed by the
/// test script), so tests can check what a generated document says.
/// </summary>
public static class PdfText
{
    public static bool LooksLikePdf(byte[] bytes) => bytes.Length > 100 && bytes.AsSpan(0, 5).SequenceEqual("%PDF-"u8);

    public static async Task<string> ExtractAsync(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), $"schoolsight-pdf-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            var start = new ProcessStartInfo("pdftotext", ["-enc", "UTF-8", file, "-"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start) ?? throw new InvalidOperationException("pdftotext could not be started (install poppler-utils).");
            var text = await process.StandardOutput.ReadToEndAsync();
            var error = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0) throw new InvalidOperationException($"pdftotext failed: {error}");
            return string.Join(' ', text.Split((char[])[' ', '\n', '\r', '\t', '\f'], StringSplitOptions.RemoveEmptyEntries));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
