using SchoolSight.Domain.Access;

namespace SchoolSight.Domain.Voice;

/// <summary>
/// "What you told us": a school's one-page summary of a survey for the pupils (or parents) who answered it, in plain
/// words. SchoolSight drafts it from the survey report's headline findings; the school edits it before sharing it.
/// One per school and survey year.
/// </summary>
public sealed class SurveySummary : VersionedEntity, ISchoolOwned
{
    public const int TextMaxLength = 4000;

    public static Resource Resource => Resource.PupilSurvey;

    private SurveySummary() { Text = ""; }

    public SurveySummary(int urn, int academicYear, string text)
    {
        Urn = urn;
        AcademicYear = academicYear;
        Text = "";
        Change(text);
    }

    public long Id { get; private set; }
    public int Urn { get; private set; }
    public int AcademicYear { get; private set; }

    /// <summary>The summary as the school wrote it: paragraphs separated by a blank line.</summary>
    public string Text { get; private set; }

    public void Change(string? text) =>
        Text = TextFields.Required(text, nameof(Text), "Enter what you want to tell pupils", TextMaxLength);
}
