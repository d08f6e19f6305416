namespace SchoolSight.Domain.Indicators;

public enum RespondentType : byte
{
    Pupil = 1,
    Parent = 2,
}

/// <summary>One question of the pupil and parent perception survey, and the Every Child Matters outcome it informs.</summary>
public sealed record SurveyQuestion(int Index, string Column, string Text, EcmOutcome Outcome);

/// <summary>
/// The columns of SchoolSight's perception survey file (DOMAIN.md 3.1): one row per respondent, with the school, the
/// respondent type (pupil or parent), the year group (the child's, for a parent) and an answer per question on a
/// four-point agree/disagree scale. Documented for users in docs/imports/surveys.md.
/// </summary>
public static class SurveyFields
{
    public const string UrnColumn = "URN";
    public const string AcademicYearColumn = "AcademicYear";
    public const string RespondentTypeColumn = "RespondentType";
    public const string YearGroupColumn = "YearGroup";

    /// <summary>Answer codes as written in the file; stored as 1–5, 0 when the question was not answered.</summary>
    public static readonly IReadOnlyList<string> Answers = ["Strongly agree", "Agree", "Disagree", "Strongly disagree", "Don't know"];

    public const byte StronglyAgree = 1;
    public const byte Agree = 2;
    public const byte Disagree = 3;
    public const byte StronglyDisagree = 4;
    public const byte DontKnow = 5;

    public static readonly IReadOnlyList<SurveyQuestion> Questions =
    [
        new(0, "FeelSafe", "I feel safe in school / My child feels safe at this school", EcmOutcome.StaySafe),
        new(1, "BullyingDealtWith", "The school deals well with bullying", EcmOutcome.StaySafe),
        new(2, "HealthyEating", "The school encourages healthy eating", EcmOutcome.BeHealthy),
        new(3, "HelpsHealthy", "The school helps me / my child to have a healthy lifestyle", EcmOutcome.BeHealthy),
        new(4, "EnjoySchool", "I enjoy school / My child enjoys school", EcmOutcome.EnjoyAndAchieve),
        new(5, "ViewsListenedTo", "The school listens to my views", EcmOutcome.MakeAPositiveContribution),
        new(6, "HelpsCommunity", "The school helps pupils play a part in their community", EcmOutcome.MakeAPositiveContribution),
        new(7, "PreparedForFuture", "The school helps me / my child get ready for the next stage of education or work", EcmOutcome.AchieveEconomicWellBeing),
    ];

    public static SurveyQuestion? Find(string column) =>
        Questions.FirstOrDefault(q => string.Equals(q.Column, column, StringComparison.OrdinalIgnoreCase));

    /// <summary>The stored answer code of a cell (1–5), 0 for blank, or null when the text is not an answer.</summary>
    public static byte? AnswerCode(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return 0;
        for (var i = 0; i < Answers.Count; i++)
            if (string.Equals(Answers[i], text.Trim(), StringComparison.OrdinalIgnoreCase)) return (byte)(i + 1);
        return text.Trim() is ['1' or '2' or '3' or '4' or '5'] t ? (byte)(t[0] - '0') : null;
    }
}

/// <summary>Survey responses of one school and academic year, column by column (one byte array per question).</summary>
public sealed class SurveyColumns
{
    private readonly byte[][] _answers;

    public SurveyColumns(int count)
    {
        Count = count;
        RespondentTypes = new byte[count];
        YearGroups = new byte[count];
        _answers = [.. SurveyFields.Questions.Select(_ => new byte[count])];
    }

    public int Count { get; }

    /// <summary><see cref="RespondentType"/> as a byte.</summary>
    public byte[] RespondentTypes { get; }

    /// <summary>Code of <see cref="PupilFields.YearGroups"/> (1-based), 0 when not given.</summary>
    public byte[] YearGroups { get; }

    public byte[] Answers(SurveyQuestion question) => _answers[question.Index];
}
