namespace SchoolSight.Core.Home;

/// <summary>The parts of a home page, in the order the page shows them.</summary>
public enum HomeSection
{
    /// <summary>Decisions and moves waiting for the reader: proposals to agree, programme moves, warning notices, QUAS submissions.</summary>
    Decisions,

    /// <summary>Deadlines overdue or due in the next two weeks.</summary>
    Deadlines,

    /// <summary>Their schools whose level changed, or whose new data moved significantly, since they last signed in.</summary>
    Changes,

    /// <summary>Imports that were rejected, failed or did not finish.</summary>
    Imports,
}

/// <summary>How soon an item needs the reader: the home page lists the most urgent first.</summary>
public enum HomeUrgency
{
    Overdue,
    Waiting,
    DueSoon,
    News,
}

/// <summary>
/// One thing that needs the reader, with the page where it is done. <paramref name="DueOn"/> is set for deadlines
/// (the nearest first); <paramref name="At"/> is when the item arrived (the newest first).
/// </summary>
public sealed record HomeItem(HomeSection Section, HomeUrgency Urgency, string Title, string Detail, string Href, DateTime At, DateOnly? DueOn = null, int? Urn = null)
{
    /// <summary>Most urgent first; then deadlines nearest first; then the newest first.</summary>
    public static IReadOnlyList<HomeItem> InOrder(IEnumerable<HomeItem> items) =>
        [.. items.OrderBy(i => i.Urgency).ThenBy(i => i.DueOn ?? DateOnly.MaxValue).ThenByDescending(i => i.At).ThenBy(i => i.Title, StringComparer.Ordinal)];
}
