using System.Globalization;

namespace SchoolSight.Core.Imports.Gias;

/// <summary>
/// Which establishments of a GIAS file an import keeps: those of one or several LAs (an LA's own import), or every LA
/// in the file (the national benchmark). Schools of a kept LA that the file no longer lists are marked closed.
/// </summary>
public sealed record GiasImportScope
{
    private GiasImportScope(bool allLas, IReadOnlySet<int> laCodes)
    {
        AllLas = allLas;
        LaCodes = laCodes;
    }

    public bool AllLas { get; }

    /// <summary>The LA codes kept; empty when <see cref="AllLas"/>.</summary>
    public IReadOnlySet<int> LaCodes { get; }

    public static GiasImportScope EveryLa { get; } = new(true, new HashSet<int>());

    public static GiasImportScope Only(params IEnumerable<int> laCodes)
    {
        var codes = laCodes.ToHashSet();
        if (codes.Count == 0) throw new ArgumentException("Name at least one LA code.", nameof(laCodes));
        foreach (var code in codes.Where(c => c is < 100 or > 999))
            throw new ArgumentException($"LA code {code} is not a three-digit DfE local authority code.", nameof(laCodes));
        return new GiasImportScope(false, codes);
    }

    public bool Keeps(int laCode) => AllLas || LaCodes.Contains(laCode);

    /// <summary>As recorded on the import: "LA 850, 936" or "All LAs".</summary>
    public string Describe() => AllLas ? "All LAs" : $"LA {string.Join(", ", LaCodes.Order())}";

    /// <summary>
    /// Reads LA codes as people type them: "850", "850, 936", "850 936". Gives the message to show when they are not
    /// three-digit codes.
    /// </summary>
    public static bool TryParse(string? text, out GiasImportScope scope, out string error)
    {
        scope = EveryLa;
        error = "";
        var parts = (text ?? "").Split([',', ' ', ';', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            error = "Enter the LA codes to import, like 850 or 850, 936";
            return false;
        }
        var codes = new List<int>();
        foreach (var part in parts)
        {
            if (part.Length != 3 || !int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var code) || code < 100)
            {
                error = $"'{part}' is not an LA code: LA codes are three-digit numbers, like 850";
                return false;
            }
            codes.Add(code);
        }
        scope = Only(codes);
        return true;
    }
}
