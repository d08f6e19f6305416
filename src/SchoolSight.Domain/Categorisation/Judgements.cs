using SchoolSight.Domain.Access;
using SchoolSight.Domain.Published;

namespace SchoolSight.Domain.Categorisation;

/// <summary>Who made a judgement about a school: the school itself (its self-evaluation) or its school improvement partner.</summary>
public enum JudgementSource
{
    SelfEvaluation,
    SchoolImprovementPartner,
}

/// <summary>
/// Overall effectiveness and its key areas, as Ofsted's framework names them; each is judged on the four-point scale
/// (<see cref="OfstedJudgement"/>: outstanding, good, requires improvement, inadequate).
/// </summary>
public enum JudgementArea
{
    OverallEffectiveness,
    QualityOfEducation,
    BehaviourAndAttitudes,
    PersonalDevelopment,
    LeadershipAndManagement,
    EarlyYears,
    SixthForm,
}

public static class JudgementVocabulary
{
    public static readonly IReadOnlyList<JudgementArea> Areas = Enum.GetValues<JudgementArea>();

    public static string Describe(this JudgementSource source) => source switch
    {
        JudgementSource.SelfEvaluation => "School self-evaluation",
        JudgementSource.SchoolImprovementPartner => "School improvement partner",
    };

    public static string Describe(this JudgementArea area) => area switch
    {
        JudgementArea.OverallEffectiveness => "Overall effectiveness",
        JudgementArea.QualityOfEducation => "Quality of education",
        JudgementArea.BehaviourAndAttitudes => "Behaviour and attitudes",
        JudgementArea.PersonalDevelopment => "Personal development",
        JudgementArea.LeadershipAndManagement => "Leadership and management",
        JudgementArea.EarlyYears => "Early years provision",
        JudgementArea.SixthForm => "Sixth form provision",
    };

    /// <summary>The name used in rule set files and the API, e.g. "leadership-and-management".</summary>
    public static string Slug(this JudgementArea area) => area switch
    {
        JudgementArea.OverallEffectiveness => "overall-effectiveness",
        JudgementArea.QualityOfEducation => "quality-of-education",
        JudgementArea.BehaviourAndAttitudes => "behaviour-and-attitudes",
        JudgementArea.PersonalDevelopment => "personal-development",
        JudgementArea.LeadershipAndManagement => "leadership-and-management",
        JudgementArea.EarlyYears => "early-years",
        JudgementArea.SixthForm => "sixth-form",
    };

    public static bool TryParseArea(string? text, out JudgementArea area)
    {
        area = default;
        var value = (text ?? "").Trim();
        foreach (var candidate in Areas)
            if (string.Equals(candidate.Slug(), value, StringComparison.OrdinalIgnoreCase) || string.Equals(candidate.ToString(), value, StringComparison.OrdinalIgnoreCase))
            {
                area = candidate;
                return true;
            }
        return false;
    }

    public static readonly IReadOnlyList<OfstedJudgement> Grades = Enum.GetValues<OfstedJudgement>();

    /// <summary>The name used in rule set files and the API, e.g. "requires-improvement".</summary>
    public static string Slug(this OfstedJudgement grade) => grade switch
    {
        OfstedJudgement.Outstanding => "outstanding",
        OfstedJudgement.Good => "good",
        OfstedJudgement.RequiresImprovement => "requires-improvement",
        OfstedJudgement.Inadequate => "inadequate",
    };

    public static bool TryParseGrade(string? text, out OfstedJudgement grade)
    {
        grade = default;
        var value = (text ?? "").Trim();
        foreach (var candidate in Grades)
            if (string.Equals(candidate.Slug(), value, StringComparison.OrdinalIgnoreCase) || string.Equals(candidate.ToString(), value, StringComparison.OrdinalIgnoreCase)
                || value == ((int)candidate).ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                grade = candidate;
                return true;
            }
        return false;
    }
}

/// <summary>
/// One judgement about a school for an academic year: its self-evaluation or its SIP's, for overall effectiveness or
/// one key area, on the four-point scale (seed 003 standard 2.3; seed 004 7.2: the SIP must agree with the school's
/// self-evaluation judgements). One per school, year, source and area; a later entry for the same replaces the grade
/// (the audit trail keeps the old one).
/// </summary>
public sealed class SchoolJudgement : VersionedEntity, ISchoolOwned
{
    public static Resource Resource => Resource.Judgement;

    private SchoolJudgement() { RecordedBy = ""; }

    public SchoolJudgement(int urn, int academicYear, JudgementSource source, JudgementArea area, OfstedJudgement grade, DateOnly judgedOn, string? note, string recordedBy)
    {
        Urn = urn;
        AcademicYear = academicYear;
        Source = source;
        Area = area;
        Grade = grade;
        JudgedOn = judgedOn;
        Note = Clean(note);
        RecordedBy = recordedBy;
    }

    public int Id { get; private set; }
    public int Urn { get; private set; }

    /// <summary>The academic year the judgement is about, as the year it starts (2025 for 2025/26).</summary>
    public int AcademicYear { get; private set; }
    public JudgementSource Source { get; private set; }
    public JudgementArea Area { get; private set; }
    public OfstedJudgement Grade { get; private set; }

    /// <summary>When the judgement was made (a self-evaluation review, or the SIP's visit).</summary>
    public DateOnly JudgedOn { get; private set; }
    public string? Note { get; private set; }
    public string RecordedBy { get; private set; }

    public const int NoteMaxLength = 2000;

    public void Change(OfstedJudgement grade, DateOnly judgedOn, string? note, string recordedBy)
    {
        Grade = grade;
        JudgedOn = judgedOn;
        Note = Clean(note);
        RecordedBy = recordedBy;
    }

    private static string? Clean(string? note) => string.IsNullOrWhiteSpace(note) ? null : note.Trim();
}
