using SchoolSight.Domain.Auditing;
namespace SchoolSight.Domain.Indicators;

/// <summary>
/// An academic year whose indicators an import changed and that is still to be recomputed. Saved in the import's own
/// transaction and removed only once the recompute has been saved, so a crash in between leaves the mark, and the next
/// start of the web app or of the CLI finishes the recompute.
/// </summary>
[NotAuditedOnSave("A mark that figures must be recomputed; the import that set it is recorded.")]
public sealed class PendingRecompute
{
    private PendingRecompute() { }

    public PendingRecompute(int academicYear, long importId, DateTime at)
    {
        AcademicYear = academicYear;
        ImportId = importId;
        At = at;
    }

    public long Id { get; private set; }
    public int AcademicYear { get; private set; }

    /// <summary>The import that made the recompute necessary.</summary>
    public long ImportId { get; private set; }
    public DateTime At { get; private set; }
}
