using SchoolSight.Domain.Auditing;

namespace SchoolSight.Domain.Indicators;

/// <summary>
/// The version of the computed figures: one row, whose number every recompute raises once it has saved its results
/// (in the web app or the <c>schoolsight</c> command line alike). Figures kept in memory are kept under the version they
/// were read at, so a page never shows figures a later recompute has replaced.
/// </summary>
[NotAuditedOnSave("A counter of recomputes; the figures' own changes come from the imports recorded.")]
public sealed class FiguresVersion
{
    /// <summary>The one row's key.</summary>
    public const int TheOne = 1;

    private FiguresVersion() { }

    public FiguresVersion(long version, DateTime changedAt) => (Id, Version, ChangedAt) = (TheOne, version, changedAt);

    public int Id { get; private set; }

    public long Version { get; private set; }

    /// <summary>When the last recompute finished.</summary>
    public DateTime ChangedAt { get; private set; }
}
