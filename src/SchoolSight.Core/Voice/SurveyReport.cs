using SchoolSight.Core.Indicators;
using SchoolSight.Domain.Indicators;
using SchoolSight.Domain.Indicators.Computation;

namespace SchoolSight.Core.Voice;

/// <summary>One group's figure on a question or scale: a year group, a gender, or everyone who answered.</summary>
public sealed record SurveyGroupFigure(string Group, FigureView Figure);

/// <summary>
/// One question (the percentage agreeing) or scored scale (the average score) of a school's survey report: the
/// school's figure against the LA, its similar schools and its own last survey, and the breakdowns by year group and gender.
/// </summary>
public sealed record SurveyReportItem(string Column, string Text, bool IsScale, FigureView School, IReadOnlyList<BenchmarkView> Benchmarks,
    IReadOnlyList<SurveyGroupFigure> YearGroups, IReadOnlyList<SurveyGroupFigure> Genders);

/// <summary>The pupils' or the parents' part of the report, hidden whole when fewer than the smallest group answered.</summary>
public sealed record SurveyReportSection(RespondentType Respondents, int Count, bool Hidden, IReadOnlyList<SurveyReportItem> Items)
{
    public string Title => Respondents == RespondentType.Pupil ? "Pupils" : "Parents";
}

/// <summary>The survey held for a school and an area it is compared with: its responses of the year, or of several schools.</summary>
public sealed record SurveyComparison(string Label, IReadOnlyList<SurveyColumns> Responses);

/// <summary>
/// The figures of a school's survey report. Each figure is a tally of respondents (agreeing out of those giving a
/// view, or the sum of scores out of those with a score), shown with the same intervals and significance test as
/// every indicator. A group of fewer respondents than the smallest group is hidden, and so is a second group where the
/// figure for everyone and the other groups would give the hidden one away (the LA's secondary suppression, over the
/// lines "everyone = the year groups" and "everyone = the genders").
/// </summary>
public static class SurveyReportFigures
{
    public const string YearNotGiven = "Year not given";

    public static SurveyReportSection Section(Questionnaire questionnaire, RespondentType type, SurveyColumns school,
        IReadOnlyList<SurveyComparison> comparisons, int smallestGroup)
    {
        var count = Enumerable.Range(0, school.Count).Count(k => school.RespondentTypes[k] == (byte)type);
        var items = new List<SurveyReportItem>();
        foreach (var question in questionnaire.Questions)
        {
            if (question == questionnaire.GenderQuestion || question.TextFor(type) is not { } text) continue;
            items.Add(Item(questionnaire, type, question.Column, text, false, Agreement(question), school, comparisons, smallestGroup));
        }
        foreach (var scale in questionnaire.ScoredScales.Where(s => s.Items.All(i => i.TextFor(type) is not null)))
            items.Add(Item(questionnaire, type, scale.Id, scale.Name, true, Score(scale), school, comparisons, smallestGroup));
        items.RemoveAll(i => i.School.Denominator is null && !i.School.Suppressed);
        return new(type, count, count < smallestGroup, count < smallestGroup ? [] : items);
    }

    /// <summary>1 when respondent k agrees, 0 when they gave another view, null when they gave none.</summary>
    private static Func<SurveyColumns, int, double?> Agreement(SurveyQuestion question) => (s, k) =>
    {
        var code = s.Answers(question)[k];
        return question.Scale.GivesView(code) ? question.Scale.Agrees(code) ? 1 : 0 : null;
    };

    private static Func<SurveyColumns, int, double?> Score(ScoredScale scale) => (s, k) => scale.Score(q => s.Answers(q)[k]);

    private static SurveyReportItem Item(Questionnaire questionnaire, RespondentType type, string column, string text, bool isScale,
        Func<SurveyColumns, int, double?> measure, SurveyColumns school, IReadOnlyList<SurveyComparison> comparisons, int smallestGroup)
    {
        var cells = new List<(string Group, bool IsGender, Tally Tally)> { ("All", false, Tally(school, type, measure, _ => true)) };
        if (type == RespondentType.Pupil)
        {
            var years = Enumerable.Range(0, school.Count).Where(k => school.RespondentTypes[k] == (byte)type && measure(school, k) is not null)
                .Select(k => school.YearGroups[k]).Distinct().OrderBy(y => y == 0 ? byte.MaxValue : y).ToList();
            foreach (var year in years)
                cells.Add((year == 0 ? YearNotGiven : $"Year {PupilFields.YearGroups[year - 1]}", false, Tally(school, type, measure, k => school.YearGroups[k] == year)));
            var genders = Enumerable.Range(0, school.Count).Where(k => school.RespondentTypes[k] == (byte)type && measure(school, k) is not null)
                .Select(k => school.GenderOf(k, questionnaire)).ToHashSet();
            if (genders.Any(g => g != SurveyGender.NotGiven))
                foreach (var gender in SurveyGenders.All.Where(genders.Contains))
                    cells.Add((gender.DisplayName(), true, Tally(school, type, measure, k => school.GenderOf(k, questionnaire) == gender)));
        }
        var hidden = Hide(cells.Select(c => c.Tally).ToList(),
            [.. cells.Select((c, i) => (c, i)).Where(x => x.i > 0 && !x.c.IsGender).Select(x => x.i)],
            [.. cells.Select((c, i) => (c, i)).Where(x => x.i > 0 && x.c.IsGender).Select(x => x.i)], smallestGroup);
        FigureView Figure(int i) => FigureView.Of(Value(cells[i].Tally, isScale), hidden[i]);

        var schoolValue = Value(cells[0].Tally, isScale);
        var benchmarks = comparisons.Select(c =>
        {
            var tally = c.Responses.Aggregate(default(Tally), (sum, s) => sum + Tally(s, type, measure, _ => true));
            var figure = FigureView.Of(Value(tally, isScale), tally.D > 0 && tally.D < smallestGroup);
            return hidden[0] || schoolValue is null || figure.Value is not { } other
                ? new BenchmarkView(c.Label, figure, null, Comparison.NotTested)
                : new BenchmarkView(c.Label, figure, schoolValue.Value - other, GetSchoolIndicators.Compare(Polarity.HigherIsBetter, schoolValue, other));
        }).ToList();
        return new(column, text, isScale, Figure(0), benchmarks,
            [.. cells.Select((c, i) => (c, i)).Where(x => x.i > 0 && !x.c.IsGender).Select(x => new SurveyGroupFigure(x.c.Group, Figure(x.i)))],
            [.. cells.Select((c, i) => (c, i)).Where(x => x.c.IsGender).Select(x => new SurveyGroupFigure(x.c.Group, Figure(x.i)))]);
    }

    /// <summary>
    /// Which cells to hide: cell 0 is everyone, <paramref name="years"/> and <paramref name="genders"/> each add up to it.
    /// A group under <paramref name="smallestGroup"/> respondents is hidden, then the LA's secondary suppression hides
    /// whatever else would let it be worked out.
    /// </summary>
    public static bool[] Hide(IReadOnlyList<Tally> cells, IReadOnlyList<int> years, IReadOnlyList<int> genders, int smallestGroup)
    {
        var lines = new List<AdditiveLine>();
        if (years.Count > 0) lines.Add(new AdditiveLine(0, years));
        if (genders.Count > 0) lines.Add(new AdditiveLine(0, genders));
        var rule = new SuppressionRule(smallestGroup, smallestGroup);
        return Suppression.Apply([.. cells.Select(t => new DisclosureCell(t.N, t.D, NumeratorIsCount: false))], lines, rule);
    }

    private static IndicatorValue? Value(Tally tally, bool isScale) => isScale ? IndicatorValue.Mean(tally) : IndicatorValue.Proportion(tally);

    private static Tally Tally(SurveyColumns s, RespondentType type, Func<SurveyColumns, int, double?> measure, Func<int, bool> inGroup)
    {
        var tally = default(Tally);
        for (var k = 0; k < s.Count; k++)
        {
            if (s.RespondentTypes[k] != (byte)type || !inGroup(k) || measure(s, k) is not { } v) continue;
            tally += new Tally(v, 1, v * v, 1);
        }
        return tally;
    }
}
