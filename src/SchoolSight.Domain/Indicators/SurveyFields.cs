namespace SchoolSight.Domain.Indicators;

public enum RespondentType : byte
{
    Pupil = 1,
    Parent = 2,
}

/// <summary>A respondent's gender as the survey gave it (stored as a byte; 0 when not given).</summary>
public enum SurveyGender : byte
{
    NotGiven = 0,
    Boy = 1,
    Girl = 2,
    /// <summary>Describes themselves in another way.</summary>
    Other = 3,
}

public static class SurveyGenders
{
    /// <summary>The genders a report breaks answers down by, in order ("not given" last).</summary>
    public static readonly IReadOnlyList<SurveyGender> All = [SurveyGender.Boy, SurveyGender.Girl, SurveyGender.Other, SurveyGender.NotGiven];

    public static string DisplayName(this SurveyGender gender) => gender switch
    {
        SurveyGender.Boy => "Boys",
        SurveyGender.Girl => "Girls",
        SurveyGender.Other => "Another way",
        SurveyGender.NotGiven => "Not given",
    };

    /// <summary>A gender as written in a survey file or a questionnaire (case ignored); null when it is not one.</summary>
    public static SurveyGender? Parse(string text) => text.Trim().ToUpperInvariant() switch
    {
        "" => SurveyGender.NotGiven,
        "M" or "MALE" or "BOY" => SurveyGender.Boy,
        "F" or "FEMALE" or "GIRL" => SurveyGender.Girl,
        "O" or "OTHER" => SurveyGender.Other,
        _ => null,
    };
}

/// <summary>
/// One question of the pupil and parent perception survey (<see cref="Questionnaire"/>): its column in survey
/// files, its position in the store, its wording, who answers it, its answer scale and the outcome it informs.
/// </summary>
public sealed record SurveyQuestion(int Index, string Column, string Text, EcmOutcome Outcome)
{
    public required AnswerScale Scale { get; init; }

    /// <summary>The wording for pupils, null when pupils are not asked.</summary>
    public string? PupilText { get; init; }

    public YearGroupRange? PupilYears { get; init; }

    /// <summary>The wording for parents, null when parents are not asked.</summary>
    public string? ParentText { get; init; }

    /// <summary>The perception indicators the question feeds, by id.</summary>
    public IReadOnlyList<string> Indicators { get; init; } = [];

    /// <summary>Where the question starts in its questionnaire file.</summary>
    public int Line { get; init; }

    public string? TextFor(RespondentType respondent) => respondent == RespondentType.Pupil ? PupilText : ParentText;
}

/// <summary>
/// The columns of SchoolSight's perception survey file (DOMAIN.md 3.1): one row per respondent, with the school, the
/// respondent type (pupil or parent), the year group (the child's, for a parent) and an answer per question of the
/// questionnaire in use (the shipped one's on a four-point agree/disagree scale). Documented for users in docs/imports/surveys.md.
/// </summary>
public static class SurveyFields
{
    public const string UrnColumn = "URN";
    public const string AcademicYearColumn = "AcademicYear";
    public const string RespondentTypeColumn = "RespondentType";
    public const string YearGroupColumn = "YearGroup";
    public const string GenderColumn = "Gender";

    /// <summary>The shipped agree/disagree answers as written in the file; stored as 1–5, 0 when the question was not answered.</summary>
    public static IReadOnlyList<string> Answers => [.. Questions[0].Scale.Options.Select(o => o.Label)];

    public const byte StronglyAgree = 1;
    public const byte Agree = 2;
    public const byte Disagree = 3;
    public const byte StronglyDisagree = 4;
    public const byte DontKnow = 5;

    /// <summary>The questions of the questionnaire that ships with SchoolSight (Indicators/questionnaire.yaml).</summary>
    public static IReadOnlyList<SurveyQuestion> Questions => Questionnaire.Shipped.Questions;

    public static SurveyQuestion? Find(string column) =>
        Questions.FirstOrDefault(q => string.Equals(q.Column, column, StringComparison.OrdinalIgnoreCase));

    /// <summary>The stored answer code of a cell (1–5), 0 for blank, or null when the text is not an answer.</summary>
    public static byte? AnswerCode(string text) => Questions[0].Scale.CodeOf(text);
}

/// <summary>Survey responses of one school and academic year, column by column (one byte array per question).</summary>
public sealed class SurveyColumns
{
    private readonly byte[][] _answers;

    public SurveyColumns(int count, int questions = -1)
    {
        Count = count;
        RespondentTypes = new byte[count];
        YearGroups = new byte[count];
        Genders = new byte[count];
        _answers = [.. Enumerable.Range(0, questions < 0 ? SurveyFields.Questions.Count : questions).Select(_ => new byte[count])];
    }

    public int Count { get; }

    /// <summary>How many questions' answers are held (a block stored before questions were added holds fewer).</summary>
    public int QuestionCount => _answers.Length;

    /// <summary><see cref="RespondentType"/> as a byte.</summary>
    public byte[] RespondentTypes { get; }

    /// <summary>Code of <see cref="PupilFields.YearGroups"/> (1-based), 0 when not given.</summary>
    public byte[] YearGroups { get; }

    /// <summary><see cref="SurveyGender"/> as a byte, as a survey file gave it (0 when not given).</summary>
    public byte[] Genders { get; }

    /// <summary>
    /// Respondent <paramref name="k"/>'s gender: as the survey file gave it, or else from their answer to the
    /// questionnaire's gender question, when it has one.
    /// </summary>
    public SurveyGender GenderOf(int k, Questionnaire questionnaire)
    {
        if (Genders[k] != 0) return (SurveyGender)Genders[k];
        return questionnaire.GenderQuestion is { } question && question.Scale.Option(Answers(question)[k]) is { } option
            ? option.Gender : SurveyGender.NotGiven;
    }

    /// <summary>The answers to a question; all "not answered" when the responses were stored before the question was added.</summary>
    public byte[] Answers(SurveyQuestion question) => question.Index < _answers.Length ? _answers[question.Index] : new byte[Count];

    public byte[] Answers(int index) => _answers[index];
}
