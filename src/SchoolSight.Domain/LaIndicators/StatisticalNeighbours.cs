namespace SchoolSight.Domain.LaIndicators;

/// <summary>
/// The LA's statistical neighbours: the ten LAs in England most like it (the DfE's children's services statistical
/// neighbour list, or the LA's own choice), by their three-digit codes, in the order given. One list per SchoolSight.
/// </summary>
public sealed class StatisticalNeighbours
{
    public const int Count = 10;
    public const int MaxLength = 200;

    private StatisticalNeighbours() { Codes = ""; }

    public StatisticalNeighbours(int laCode, IReadOnlyList<int> codes)
    {
        LaCode = laCode;
        Codes = Join(codes);
    }

    public int LaCode { get; private set; }

    /// <summary>The ten codes, comma-separated.</summary>
    public string Codes { get; private set; }

    public IReadOnlyList<int> List => [.. Codes.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse)];

    public void Replace(IReadOnlyList<int> codes) => Codes = Join(codes);

    private static string Join(IReadOnlyList<int> codes) => string.Join(",", codes);

    /// <summary>
    /// Reads a list as typed (codes separated by commas, spaces or new lines): exactly ten distinct three-digit LA
    /// codes (201–999), not the LA's own. The whole list is checked; every problem is returned.
    /// </summary>
    public static (IReadOnlyList<int> Codes, IReadOnlyList<string> Problems) Parse(string? text, int ownCode, IReadOnlySet<int>? known = null)
    {
        var codes = new List<int>();
        var problems = new List<string>();
        var parts = (text ?? "").Split([',', ' ', '\n', '\r', '\t', ';'], StringSplitOptions.RemoveEmptyEntries);
        foreach (var part in parts)
        {
            if (!int.TryParse(part, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var code) || code is < 201 or > 999 || part.Length != 3)
                problems.Add($"'{(part.Length > 20 ? part[..20] + "…" : part)}' is not an LA code: a code is three digits, such as 850");
            else if (code == ownCode) problems.Add($"{code} is this LA's own code: a statistical neighbour is another LA");
            else if (codes.Contains(code)) problems.Add($"{code} is given twice");
            else if (known is not null && !known.Contains(code)) problems.Add($"{code} is not an LA in the LA indicators file imported");
            else codes.Add(code);
        }
        if (parts.Length != Count) problems.Add($"give exactly {Count} LA codes: {parts.Length} given");
        return (codes, problems);
    }
}
