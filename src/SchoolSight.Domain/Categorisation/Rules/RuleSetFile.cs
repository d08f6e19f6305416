using System.Buffers;
using System.Text;
using SchoolSight.Domain.Indicators;

namespace SchoolSight.Domain.Categorisation.Rules;

/// <summary>
/// A rule set file as uploaded or read from disk, in bytes: UTF-8 (with or without a byte order mark), or UTF-16 with
/// its byte order mark. Anything else is refused with the line and column of the first byte that is not text.
/// </summary>
public static class RuleSetFile
{
    /// <summary>The largest file read, in bytes.</summary>
    public const int MaxBytes = RuleSetParser.MaxLength;

    public static RuleSetParseResult Parse(ReadOnlySpan<byte> file, IndicatorCatalogue catalogue) =>
        Decode(file, out var text) is { } problem ? new(null, [problem]) : RuleSetParser.Parse(text, catalogue);

    /// <summary>The file's text, or the problem that stops it being read.</summary>
    public static RuleSetError? Decode(ReadOnlySpan<byte> file, out string text)
    {
        text = "";
        if (file.Length > MaxBytes)
            return new(1, 1, $"The file is larger than {MaxBytes / 1000} KB: rule sets are far smaller, so is it the right file?");
        if (file.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || file.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            var bigEndian = file[0] == 0xFE;
            try
            {
                text = new UnicodeEncoding(bigEndian, byteOrderMark: false, throwOnInvalidBytes: true).GetString(file[2..]);
                return null;
            }
            catch (DecoderFallbackException)
            {
                return new(1, 1, "The file starts as UTF-16 text but is not: save it as UTF-8 and try again");
            }
        }
        if (file.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) file = file[3..];
        var (line, column) = (1, 1);
        for (var i = 0; i < file.Length;)
        {
            if (Rune.DecodeFromUtf8(file[i..], out var rune, out var consumed) != OperationStatus.Done)
                return new(line, column, "The file is not UTF-8 text here: save it as UTF-8 and try again");
            if (rune.Value == '\n') (line, column) = (line + 1, 1);
            else column++;
            i += consumed;
        }
        text = Encoding.UTF8.GetString(file);
        return null;
    }
}
