namespace SchoolSight.Domain.Categorisation;

/// <summary>
/// What a board meeting is for (seed 002, 8.7): the first meeting of a term deals with major school improvement
/// issues; the second monitors the progress of schools causing concern and schools in the Ofsted categories.
/// </summary>
public enum MeetingPurpose
{
    MajorSchoolImprovementIssues,
    ProgressOfSchoolsCausingConcern,
}

public static class MeetingPurposes
{
    public static readonly IReadOnlyList<MeetingPurpose> All = Enum.GetValues<MeetingPurpose>();

    public static string Describe(this MeetingPurpose purpose) => purpose switch
    {
        MeetingPurpose.MajorSchoolImprovementIssues => "Major school improvement issues",
        MeetingPurpose.ProgressOfSchoolsCausingConcern => "Progress of schools causing concern and schools in Ofsted categories",
    };
}

/// <summary>
/// One meeting of the Standards and School Effectiveness Board (the SSEB, LA-wide: no locality) or of one locality's
/// School Effectiveness Board (seed 002, 8.2–8.11). Its board pack shows the schools causing concern and in Ofsted
/// categories as at the meeting's date, and what moved since the same board's previous meeting.
/// </summary>
public sealed class BoardMeeting : VersionedEntity
{
    public const int NotesMaxLength = 4000;
    public const string SsebName = "Standards and School Effectiveness Board";

    private BoardMeeting() { }

    public BoardMeeting(int? localityId, DateOnly meetsOn, MeetingPurpose purpose, string? notes)
    {
        LocalityId = localityId;
        Change(meetsOn, purpose, notes);
    }

    public int Id { get; private set; }

    /// <summary>The locality whose School Effectiveness Board meets; null for the SSEB.</summary>
    public int? LocalityId { get; private set; }
    public DateOnly MeetsOn { get; private set; }
    public MeetingPurpose Purpose { get; private set; }
    public string? Notes { get; private set; }

    public bool IsSseb => LocalityId is null;

    public void Change(DateOnly meetsOn, MeetingPurpose purpose, string? notes)
    {
        var trimmed = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim();
        if (trimmed is { Length: > NotesMaxLength })
            throw new DomainException(new DomainError("board.notes", $"The notes must be {NotesMaxLength:N0} characters or fewer", nameof(Notes)));
        MeetsOn = meetsOn;
        Purpose = purpose;
        Notes = trimmed;
    }
}
