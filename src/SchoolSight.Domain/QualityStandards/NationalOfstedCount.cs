using SchoolSight.Domain.Auditing;

namespace SchoolSight.Domain.QualityStandards;

/// <summary>
/// One LA's line of Ofsted's national outcomes file: how many of its state-funded schools the file lists and how many
/// are in a category of concern, as at the file's date. Kept for every LA in England so the LA's position among them
/// can be worked out.
/// </summary>
[NotAuditedOnSave("Published inspection outcomes counted as given: the import that brought them is their record.")]
public sealed class NationalOfstedCount
{
    private NationalOfstedCount() { LaName = ""; }

    public NationalOfstedCount(int laCode, string laName, int schools, int inCategory, DateOnly asAt, long importId)
    {
        LaCode = laCode;
        LaName = laName;
        Schools = schools;
        InCategory = inCategory;
        AsAt = asAt;
        ImportId = importId;
    }

    public int LaCode { get; private set; }
    public string LaName { get; private set; }
    public int Schools { get; private set; }
    public int InCategory { get; private set; }
    public DateOnly AsAt { get; private set; }
    public long ImportId { get; private set; }

    public LaOfstedCount ToCount() => new(LaCode, LaName, Schools, InCategory);
}
