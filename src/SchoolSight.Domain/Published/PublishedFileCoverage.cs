using SchoolSight.Domain.Auditing;

namespace SchoolSight.Domain.Published;

/// <summary>
/// Which LAs an applied import of a DfE published file covered: the LA codes of its school and LA rows (one for an
/// LA's own download, every LA for a national file). The figures a file brought keep its import's id, so a later
/// import of a file of the same source, year and coverage replaces them, and a file covering other LAs (a
/// neighbour's) leaves them alone.
/// </summary>
[NotAuditedOnSave("Part of the import's own record: which LAs the file covered.")]
public sealed class PublishedFileCoverage
{
    private PublishedFileCoverage() { LaCodes = ""; }

    public PublishedFileCoverage(long importId, IEnumerable<int> laCodes)
    {
        ImportId = importId;
        LaCodes = Describe(laCodes);
    }

    /// <summary>The <c>ImportRecord</c> of the import.</summary>
    public long ImportId { get; private set; }

    /// <summary>The LA codes, in order, separated by spaces ("850", or "201 202 … 938" for a national file).</summary>
    public string LaCodes { get; private set; }

    public static string Describe(IEnumerable<int> laCodes) => string.Join(" ", laCodes.Distinct().Order());

    /// <summary>"LA 850", "LAs 850 and 936", or "152 LAs".</summary>
    public static string Words(string laCodes)
    {
        var codes = laCodes.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return codes.Length switch
        {
            0 => "no LA",
            1 => $"LA {codes[0]}",
            2 => $"LAs {codes[0]} and {codes[1]}",
            _ => $"{codes.Length:N0} LAs",
        };
    }

    /// <summary>Room for every LA code in England (about 155 of 3 digits), with space to spare.</summary>
    public const int MaxLaCodesLength = 2000;
}
