
namespace SchoolSight.Domain.Indicators;

/// <summary>One answer of a scale: its wording in survey files and for parents, its wording for pupils, and what it counts as.</summary>
/// <param name="Agrees">Counted as agreeing in the perception indicators.</param>
/// <param name="GivesView">False for "don't know": left out of the indicators' denominators.</param>
/// <param name="Score">Its value when the question is an item of a scored scale.</param>
public sealed record AnswerOption(string Label, string PupilLabel, bool Agrees, bool GivesView, int Score)
{
    /// <summary>The gender this answer gives, on the questionnaire's gender question ("not given" elsewhere).</summary>
    public SurveyGender Gender { get; init; }
}

/// <summary>The answers a question offers, stored by position (1 for the first, 0 for not answered).</summary>
public sealed record AnswerScale(string Id, IReadOnlyList<AnswerOption> Options)
{
    public AnswerOption? Option(byte code) => code >= 1 && code <= Options.Count ? Options[code - 1] : null;

    public bool Agrees(byte code) => Option(code) is { Agrees: true, GivesView: true };

    public bool GivesView(byte code) => Option(code) is { GivesView: true };

    /// <summary>The stored code of an answer as written in a file (its label or its position), 0 for blank, null when it is not an answer.</summary>
    public byte? CodeOf(string text)
    {
        var trimmed = text.Trim().Replace('\u2019', '\'');
        if (trimmed.Length == 0) return 0;
        for (var i = 0; i < Options.Count; i++)
            if (string.Equals(Options[i].Label, trimmed, StringComparison.OrdinalIgnoreCase)) return (byte)(i + 1);
        return int.TryParse(trimmed, out var n) && n >= 1 && n <= Options.Count ? (byte)n : null;
    }

    public string Described => string.Join(", ", Options.Select(o => $"'{o.Label}'")) + $" or 1 to {Options.Count}";
}

/// <summary>The pupils a question is put to: a range of year groups, as codes of <see cref="PupilFields.YearGroups"/> (1 for R).</summary>
public sealed record YearGroupRange(byte From, byte To)
{
    public bool Includes(byte yearGroup) => yearGroup >= From && yearGroup <= To;

    public override string ToString() => From == To ? $"Year {PupilFields.YearGroups[From - 1]}" : $"Years {PupilFields.YearGroups[From - 1]} to {PupilFields.YearGroups[To - 1]}";
}

/// <summary>A band of a scored scale's total (inclusive).</summary>
public sealed record ScoreBand(string Name, int From, int To);

/// <summary>A validated measure made of several questions: each respondent's answers to its items are summed and banded.</summary>
public sealed record ScoredScale(string Id, string Name, IReadOnlyList<SurveyQuestion> Items, IReadOnlyList<ScoreBand> Bands)
{
    /// <summary>The respondent's total, or null when an item was not answered or answered without a view.</summary>
    public int? Score(Func<SurveyQuestion, byte> answerTo)
    {
        var total = 0;
        foreach (var item in Items)
        {
            var option = item.Scale.Option(answerTo(item));
            if (option is not { GivesView: true }) return null;
            total += option.Score;
        }
        return total;
    }

    public ScoreBand? Band(int score) => Bands.FirstOrDefault(b => score >= b.From && score <= b.To);
}

/// <summary>
/// The pupil and parent perception survey as data (the LA may replace the shipped file): the answer scales, the
/// questions with who answers them and the outcome and perception indicators each feeds, and scored scales.
/// A question's position is its column in the survey store, so a newer version keeps the earlier questions in order.
/// </summary>
public sealed class Questionnaire
{
    public Questionnaire(string version, string name, IReadOnlyList<AnswerScale> scales, IReadOnlyList<SurveyQuestion> questions, IReadOnlyList<ScoredScale> scoredScales)
    {
        Version = version;
        Name = name;
        Scales = scales;
        Questions = questions;
        ScoredScales = scoredScales;
    }

    public string Version { get; }
    public string Name { get; }
    public IReadOnlyList<AnswerScale> Scales { get; }
    public IReadOnlyList<SurveyQuestion> Questions { get; }
    public IReadOnlyList<ScoredScale> ScoredScales { get; }

    /// <summary>
    /// The question that asks respondents their gender (its answers say which gender each gives), or null when the
    /// questionnaire asks none. Its answers break the survey report down by gender; it is not an opinion reported on.
    /// </summary>
    public SurveyQuestion? GenderQuestion => Questions.FirstOrDefault(q => q.Scale.Options.Any(o => o.Gender != SurveyGender.NotGiven));

    public SurveyQuestion? Find(string column) =>
        Questions.FirstOrDefault(q => string.Equals(q.Column, column, StringComparison.OrdinalIgnoreCase));

    /// <summary>The questions put to a pupil of a year group (code of <see cref="PupilFields.YearGroups"/>), in order.</summary>
    public IReadOnlyList<SurveyQuestion> ForPupil(byte yearGroup) =>
        [.. Questions.Where(q => q.PupilYears is { } years && years.Includes(yearGroup))];

    public IReadOnlyList<SurveyQuestion> ForParents() => [.. Questions.Where(q => q.ParentText is not null)];

    /// <summary>The file that ships with SchoolSight (Indicators/questionnaire.yaml), parsed once.</summary>
    public static Questionnaire Shipped => ShippedFile.Value;

    public static string ReadShipped()
    {
        using var stream = typeof(Questionnaire).Assembly.GetManifestResourceStream("SchoolSight.Domain.Indicators.questionnaire.yaml")
            ?? throw new InvalidOperationException("The shipped questionnaire is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static readonly Lazy<Questionnaire> ShippedFile = new(() =>
    {
        var result = QuestionnaireParser.Parse(ReadShipped());
        return result.Questionnaire ?? throw new InvalidOperationException(
            $"The shipped questionnaire has problems:\n{string.Join("\n", result.Errors)}");
    });
}
