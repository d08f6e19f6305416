using SchoolSight.Domain.Access;
using SchoolSight.Domain.Indicators;

namespace SchoolSight.Domain.Voice;

/// <summary>
/// A school's online survey: from when to when its pupils (of the chosen year groups) and, when asked, their parents
/// may answer the questionnaire with one-time access codes. The LA opens windows for chosen schools, or a school for itself.
/// </summary>
public sealed class SurveyWindow : VersionedEntity, ISchoolOwned
{
    public static Resource Resource => Resource.PupilSurvey;

    private SurveyWindow() { Title = ""; YearGroups = ""; QuestionnaireVersion = ""; OpenedBy = ""; }

    public SurveyWindow(int urn, int academicYear, string title, DateOnly opensOn, DateOnly closesOn, IReadOnlyCollection<byte> yearGroups,
        bool parents, string questionnaireVersion, string openedBy, DateTime openedAt)
    {
        Urn = urn;
        AcademicYear = academicYear;
        Title = title;
        OpensOn = opensOn;
        ClosesOn = closesOn;
        YearGroups = string.Join(",", yearGroups.Order());
        Parents = parents;
        QuestionnaireVersion = questionnaireVersion;
        OpenedBy = openedBy;
        OpenedAt = openedAt;
    }

    public long Id { get; private set; }
    public int Urn { get; private set; }
    public int AcademicYear { get; private set; }
    public string Title { get; private set; }
    public DateOnly OpensOn { get; private set; }
    public DateOnly ClosesOn { get; private set; }

    /// <summary>The pupils' year groups, as codes of <see cref="PupilFields.YearGroups"/> separated by commas.</summary>
    public string YearGroups { get; private set; }

    /// <summary>Whether parents are asked too (with their own codes).</summary>
    public bool Parents { get; private set; }

    public string QuestionnaireVersion { get; private set; }
    public string OpenedBy { get; private set; }
    public DateTime OpenedAt { get; private set; }

    /// <summary>Set when the window was closed before its last day.</summary>
    public DateOnly? ClosedEarlyOn { get; private set; }

    public IReadOnlyList<byte> YearGroupCodes => [.. YearGroups.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(byte.Parse)];

    public bool IsOpen(DateOnly today) => today >= OpensOn && today <= ClosesOn && ClosedEarlyOn is null;

    /// <summary>Whether the survey is over: closed early, or past its last day (as opposed to not open yet).</summary>
    public bool HasClosed(DateOnly today) => ClosedEarlyOn is not null || today > ClosesOn;

    /// <summary>The last day answers could be sent: the day it was closed early, or its last day.</summary>
    public DateOnly LastDay => ClosedEarlyOn ?? ClosesOn;

    /// <summary>Closes the survey before its last day: from now on its codes are refused, and answers not yet sent are not counted.</summary>
    public void Close(DateOnly today)
    {
        if (HasClosed(today)) throw new DomainException(DomainError.Rule("survey.closed-already", "The survey has already closed."));
        ClosedEarlyOn = today;
    }
}

/// <summary>
/// A one-time access code of a survey window: printed on a class's sheet (or sent to a parent), used by one pupil or
/// parent, who may leave and come back with it until they send their answers. Nothing links a code to a name: the
/// sheet names only the class. The answers wait on the code until they are sent, then go to the survey store.
/// </summary>
[Auditing.NotAuditedOnSave("Answers are anonymous: opening the window and issuing its codes are audited, each pupil's answers are not.")]
public sealed class SurveyCode : ISchoolOwned
{
    public static Resource Resource => Resource.PupilSurvey;

    private SurveyCode() { Code = ""; Group = ""; Answers = []; }

    public SurveyCode(long windowId, int urn, string code, RespondentType respondent, byte yearGroup, string group)
    {
        WindowId = windowId;
        Urn = urn;
        Code = code;
        Respondent = respondent;
        YearGroup = yearGroup;
        Group = group;
        Answers = [];
    }

    public long Id { get; private set; }
    public long WindowId { get; private set; }
    public int Urn { get; private set; }
    public string Code { get; private set; }
    public RespondentType Respondent { get; private set; }

    /// <summary>The pupil's year group (the child's, for a parent), as a code of <see cref="PupilFields.YearGroups"/>; 0 when not known.</summary>
    public byte YearGroup { get; private set; }

    /// <summary>The class (or "Parents") the code was printed for.</summary>
    public string Group { get; private set; }

    /// <summary>One answer code per question of the questionnaire, by position; 0 when not (yet) answered.</summary>
    public byte[] Answers { get; private set; }

    public DateTime? StartedAt { get; private set; }
    public DateTime? SentAt { get; private set; }

    /// <summary>Changes with every saved answer, so two tabs with the same code cannot overwrite each other unseen.</summary>
    public int Saves { get; private set; }

    public bool IsSent => SentAt is not null;

    public void Answer(SurveyQuestion question, byte answer, int questionCount, DateTime now)
    {
        if (IsSent) throw new DomainException(Refused);
        if (answer > question.Scale.Options.Count) throw new DomainException(DomainError.Rule("survey.not-an-answer", "Choose one of the answers."));
        // A new array each time, so the change is seen and saved.
        var answers = new byte[Math.Max(Answers.Length, questionCount)];
        Answers.CopyTo(answers, 0);
        answers[question.Index] = answer;
        Answers = answers;
        StartedAt ??= now;
        Saves++;
    }

    public void Send(DateTime now)
    {
        if (IsSent) throw new DomainException(Refused);
        StartedAt ??= now;
        SentAt = now;
        Saves++;
    }

    public byte AnswerTo(SurveyQuestion question) => question.Index < Answers.Length ? Answers[question.Index] : (byte)0;

    public static readonly DomainError Refused = DomainError.Rule("survey.code-used", "This code has already been used. Each code can only be used once.");
}
