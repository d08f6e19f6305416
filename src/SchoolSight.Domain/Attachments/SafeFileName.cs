using System.Globalization;
using System.Text;

namespace SchoolSight.Domain.Attachments;

/// <summary>
/// The name an uploaded file is shown and downloaded under: its last path segment only, without control or
/// formatting characters (a right-to-left override could disguise "exe.pdf"), characters no file system accepts,
/// leading dots or trailing dots and spaces; bounded in length with its extension kept. Never used to name a file
/// on disk: stored files are named by their id.
/// </summary>
public static class SafeFileName
{
    public const int MaxLength = 120;
    private const string Fallback = "attachment";
    private static readonly HashSet<string> DeviceNames = new(StringComparer.OrdinalIgnoreCase)
        { "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9" };

    public static string From(string? uploaded, int maxLength = MaxLength)
    {
        var name = (uploaded ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var kept = new StringBuilder(name.Length);
        foreach (var rune in name.Normalize(NormalizationForm.FormC).EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
                or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator) continue;
            if (rune.Value is '<' or '>' or ':' or '"' or '|' or '?' or '*') continue;
            kept.Append(Rune.IsWhiteSpace(rune) ? " " : rune.ToString());
        }
        var safe = string.Join(' ', kept.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)).TrimStart('.', ' ').TrimEnd('.', ' ');
        var extension = Extension(safe);
        var stem = extension.Length > 0 ? safe[..^extension.Length] : safe;
        if (stem.Length == 0 || DeviceNames.Contains(stem)) stem = stem.Length == 0 ? Fallback : "_" + stem;
        if (extension.Length > 16) extension = "";
        var room = Math.Max(1, maxLength - extension.Length);
        if (stem.Length > room) stem = Cut(stem, room).TrimEnd('.', ' ');
        return stem + extension;
    }

    /// <summary>The extension with its dot, lower case ("" when there is none).</summary>
    public static string Extension(string name)
    {
        var dot = name.LastIndexOf('.');
        return dot > 0 && dot < name.Length - 1 ? name[dot..].ToLowerInvariant() : "";
    }

    private static string Cut(string text, int length)
    {
        var info = new StringInfo(text);
        var end = 0;
        for (var i = 0; i < info.LengthInTextElements; i++)
        {
            var next = end + StringInfo.GetNextTextElementLength(text, end);
            if (next > length) break;
            end = next;
        }
        return text[..end];
    }
}
