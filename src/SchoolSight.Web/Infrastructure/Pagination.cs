namespace SchoolSight.Web;

/// <summary>What the GOV.UK pagination partial needs: the current page, how many, and the link to any page.</summary>
public sealed record Pagination(int Page, int Pages, Func<int, string> Href)
{
    /// <summary>The page numbers to show, with null for a gap: first, last, and the current page with its neighbours.</summary>
    public IEnumerable<int?> Items()
    {
        int? last = null;
        for (var page = 1; page <= Pages; page++)
        {
            if (page != 1 && page != Pages && Math.Abs(page - Page) > 1) continue;
            if (last is { } previous && page - previous > 1) yield return null;
            yield return page;
            last = page;
        }
    }
}
