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
/// The areas Ofsted's frameworks judge. Before the report card: overall effectiveness and its key areas on the
/// four-point scale (<see cref="OfstedJudgement"/>). From 10 November 2025: the report card's evaluation areas on
/// the five-point scale (<see cref="ReportCardGrade"/>). Early years and sixth form are areas of both.
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
    Inclusion,
    CurriculumAndTeaching,
    Achievement,
    AttendanceAndBehaviour,
    PersonalDevelopmentAndWellbeing,
    LeadershipAndGovernance,
}

/// <summary>The scale a judgement is made on, which follows from the day it was made.</summary>
public enum JudgementScale
{
    /// <summary>Outstanding, good, requires improvement, inadequate: judgements made before 10 November 2025.</summary>
    FourPoint,

    /// <summary>Exceptional to urgent improvement in the report card's evaluation areas: judgements made from 10 November 2025.</summary>
    ReportCard,
}

/// <summary>A grade on one of the two scales; exactly one of the two is set.</summary>
public readonly record struct JudgementGrade
{
    private JudgementGrade(OfstedJudgement? fourPoint, ReportCardGrade? reportCard)
    {
        FourPoint = fourPoint;
        ReportCard = reportCard;
    }

    public OfstedJudgement? FourPoint { get; }
    public ReportCardGrade? ReportCard { get; }

    public static JudgementGrade Of(OfstedJudgement grade) => new(grade, null);
    public static JudgementGrade Of(ReportCardGrade grade) => new(null, grade);

    /// <summary>A four-point grade as a judgement grade: it stays on the four-point scale.</summary>
    public static implicit operator JudgementGrade(OfstedJudgement grade) => Of(grade);

    /// <summary>A report card grade as a judgement grade: it stays on the report card scale.</summary>
    public static implicit operator JudgementGrade(ReportCardGrade grade) => Of(grade);

    /// <summary>The grade held in the two columns of a stored judgement.</summary>
    public static JudgementGrade From(OfstedJudgement? fourPoint, ReportCardGrade? reportCard) =>
        reportCard is { } r ? Of(r) : Of(fourPoint ?? throw new ArgumentException("A judgement needs a grade on one scale", nameof(fourPoint)));

    public JudgementScale Scale => ReportCard is null ? JudgementScale.FourPoint : JudgementScale.ReportCard;

    public string Describe() => ReportCard is { } r ? r.Describe() : FourPoint!.Value.Describe();

    public string Slug() => ReportCard is { } r ? r.Slug() : FourPoint!.Value.Slug();

    public override string ToString() => Describe();
}

public static class JudgementScales
{
    public static JudgementScale For(DateOnly judgedOn) =>
        judgedOn >= OfstedFrameworks.ReportCardsStarted ? JudgementScale.ReportCard : JudgementScale.FourPoint;

    public static IReadOnlyList<JudgementArea> Areas(this JudgementScale scale) => scale switch
    {
        JudgementScale.FourPoint =>
        [
            JudgementArea.OverallEffectiveness, JudgementArea.QualityOfEducation, JudgementArea.BehaviourAndAttitudes,
            JudgementArea.PersonalDevelopment, JudgementArea.LeadershipAndManagement, JudgementArea.EarlyYears, JudgementArea.SixthForm,
        ],
        JudgementScale.ReportCard =>
        [
            JudgementArea.Inclusion, JudgementArea.CurriculumAndTeaching, JudgementArea.Achievement, JudgementArea.AttendanceAndBehaviour,
            JudgementArea.PersonalDevelopmentAndWellbeing, JudgementArea.LeadershipAndGovernance, JudgementArea.EarlyYears, JudgementArea.SixthForm,
        ],
    };

    /// <summary>The grades of the scale, best first, as (slug, words).</summary>
    public static IReadOnlyList<(string Slug, string Text)> Grades(this JudgementScale scale) => scale switch
    {
        JudgementScale.FourPoint => [.. JudgementVocabulary.Grades.Select(g => (g.Slug(), g.Describe()))],
        JudgementScale.ReportCard => [.. ReportCardGrades.All.Select(g => (g.Slug(), g.Describe()))],
    };

    public static string Describe(this JudgementScale scale) => scale switch
    {
        JudgementScale.FourPoint => "four-point scale (outstanding to inadequate), for judgements made before 10 November 2025",
        JudgementScale.ReportCard => "report card scale (exceptional to urgent improvement), for judgements made from 10 November 2025",
    };

    /// <summary>Reads a grade of <paramref name="scale"/> by its slug or words; a grade of the other scale is not read.</summary>
    public static bool TryParseGrade(this JudgementScale scale, string? text, out JudgementGrade grade)
    {
        grade = default;
        if (scale == JudgementScale.ReportCard)
        {
            if (!ReportCardGrades.TryParse(text, out var r)) return false;
            grade = JudgementGrade.Of(r);
            return true;
        }
        if (!JudgementVocabulary.TryParseGrade(text, out var g)) return false;
        grade = JudgementGrade.Of(g);
        return true;
    }
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
        JudgementArea.Inclusion => "Inclusion",
        JudgementArea.CurriculumAndTeaching => "Curriculum and teaching",
        JudgementArea.Achievement => "Achievement",
        JudgementArea.AttendanceAndBehaviour => "Attendance and behaviour",
        JudgementArea.PersonalDevelopmentAndWellbeing => "Personal development and well-being",
        JudgementArea.LeadershipAndGovernance => "Leadership and governance",
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
        JudgementArea.Inclusion => "inclusion",
        JudgementArea.CurriculumAndTeaching => "curriculum-and-teaching",
        JudgementArea.Achievement => "achievement",
        JudgementArea.AttendanceAndBehaviour => "attendance-and-behaviour",
        JudgementArea.PersonalDevelopmentAndWellbeing => "personal-development-and-wellbeing",
        JudgementArea.LeadershipAndGovernance => "leadership-and-governance",
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
/// One judgement about a school for an academic year: its self-evaluation or its SIP's, of one area, on the scale of
/// the day it was recorded for (<see cref="JudgementScales.For"/>): overall effectiveness and the key areas on the
/// four-point scale before 10 November 2025, the report card's evaluation areas on the five-point scale from then (seed 003
/// standard 2.3; seed 004 7.2: the SIP must agree with the school's self-evaluation judgements). One per school, year,
/// source and area; a later entry for the same replaces the grade (the audit trail keeps the old one).
/// </summary>
public sealed class SchoolJudgement : VersionedEntity, ISchoolOwned
{
    public static Resource Resource => Resource.Judgement;

    private SchoolJudgement() { RecordedBy = ""; }

    public SchoolJudgement(int urn, int academicYear, JudgementSource source, JudgementArea area, JudgementGrade grade, DateOnly judgedOn, string? note, string recordedBy)
    {
        Urn = urn;
        AcademicYear = academicYear;
        Source = source;
        Area = area;
        SetGrade(area, grade, judgedOn);
        Note = Clean(note);
        RecordedBy = recordedBy;
    }

    public int Id { get; private set; }
    public int Urn { get; private set; }

    /// <summary>The academic year the judgement is about, as the year it starts (2025 for 2025/26).</summary>
    public int AcademicYear { get; private set; }
    public JudgementSource Source { get; private set; }
    public JudgementArea Area { get; private set; }

    /// <summary>The grade on the four-point scale (judgements made before 10 November 2025).</summary>
    public OfstedJudgement? Grade { get; private set; }

    /// <summary>The grade on the report card scale (judgements made from 10 November 2025).</summary>
    public ReportCardGrade? ReportCardGrade { get; private set; }

    /// <summary>The grade, on its own scale.</summary>
    public JudgementGrade Graded => JudgementGrade.From(Grade, ReportCardGrade);

    /// <summary>When the judgement was made (a self-evaluation review, or the SIP's visit).</summary>
    public DateOnly JudgedOn { get; private set; }
    public string? Note { get; private set; }
    public string RecordedBy { get; private set; }

    public const int NoteMaxLength = 2000;

    public void Change(JudgementGrade grade, DateOnly judgedOn, string? note, string recordedBy)
    {
        SetGrade(Area, grade, judgedOn);
        Note = Clean(note);
        RecordedBy = recordedBy;
    }

    /// <summary>
    /// A grade is of an area its scale judges: never a four-point grade of a report card area or the reverse. That a
    /// new judgement is on the scale of its date is checked where it is recorded (<c>RecordJudgements</c>): judgements
    /// recorded before SchoolSight knew the report card keep their four-point grades, shown on that scale.
    /// </summary>
    private void SetGrade(JudgementArea area, JudgementGrade grade, DateOnly judgedOn)
    {
        if (!grade.Scale.Areas().Contains(area))
            throw new ArgumentException($"'{grade}' is a grade of the {grade.Scale.Describe()}, which does not judge {area.Describe().ToLowerInvariant()}", nameof(grade));
        Grade = grade.FourPoint;
        ReportCardGrade = grade.ReportCard;
        JudgedOn = judgedOn;
    }

    private static string? Clean(string? note) => string.IsNullOrWhiteSpace(note) ? null : note.Trim();
}
