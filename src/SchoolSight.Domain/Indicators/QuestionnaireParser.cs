using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SchoolSight.Domain.Indicators;

/// <summary>A problem in a questionnaire file, at the line and column it starts (both from 1).</summary>
public sealed record QuestionnaireError(int Line, int Column, string Message)
{
    public override string ToString() => $"line {Line}, column {Column}: {Message}";
}

public sealed record QuestionnaireParseResult(Questionnaire? Questionnaire, IReadOnlyList<QuestionnaireError> Errors);

/// <summary>
/// Reads a questionnaire file (YAML; docs/pupil-voice.md describes it) and checks it whole: every problem is listed
/// with its line and column, and a file with any problem gives no questionnaire.
/// </summary>
public sealed partial class QuestionnaireParser
{
    public const int MaxLength = 200_000;
    public const int MaxQuestions = 200;
    private readonly List<QuestionnaireError> _errors = [];

    public static QuestionnaireParseResult Parse(string yaml) => new QuestionnaireParser().Run(yaml);

    private QuestionnaireParseResult Run(string yaml)
    {
        if (YamlFileRoot.Load(yaml, MaxLength, "version, name, scales and questions", out var problem) is not { } root) return new(null, [problem!]);

        Keys(root, "the questionnaire", ["version", "name", "scales", "questions", "scoredScales"]);
        var version = RequiredText(root, "version", "the questionnaire");
        var name = RequiredText(root, "name", "the questionnaire");
        var scales = ParseScales(root);
        var questions = ParseQuestions(root, scales);
        var scored = ParseScoredScales(root, questions);

        var ordered = _errors.OrderBy(e => e.Line).ThenBy(e => e.Column).ToList();
        return ordered.Count > 0 || version is null || name is null
            ? new(null, ordered)
            : new(new Questionnaire(version, name, [.. scales.Values], questions, scored), []);
    }

    private Dictionary<string, AnswerScale> ParseScales(YamlMappingNode root)
    {
        var scales = new Dictionary<string, AnswerScale>(StringComparer.OrdinalIgnoreCase);
        foreach (var map in List(root, "scales", "an answer scale"))
        {
            Keys(map, "an answer scale", ["id", "options"]);
            var id = RequiredText(map, "id", "the answer scale");
            var options = new List<AnswerOption>();
            foreach (var option in List(map, "options", "an answer"))
            {
                Keys(option, "an answer", ["label", "pupils", "agrees", "view", "score", "gender"]);
                var label = RequiredText(option, "label", "the answer");
                var pupils = Text(option, "pupils") ?? label;
                var agrees = Flag(option, "agrees") ?? false;
                var view = Flag(option, "view") ?? true;
                var score = Whole(option, "score", -100, 100) ?? (view ? options.Count + 1 : 0);
                var gender = SurveyGender.NotGiven;
                if (Text(option, "gender") is { } genderText)
                {
                    if (SurveyGenders.Parse(genderText) is { } g and not SurveyGender.NotGiven) gender = g;
                    else Error(Child(option, "gender")!, $"'{genderText}' is not a gender: write boy, girl or other");
                }
                if (label is not null) options.Add(new AnswerOption(label, pupils!, agrees, view, score) { Gender = gender });
            }
            if (options.Count > 9) Error(map, $"Answer scale '{id}' has {options.Count} answers: a scale has at most 9");
            if (id is null) continue;
            if (!scales.TryAdd(id, new AnswerScale(id, options))) Error(map, $"Answer scale id '{id}' is used more than once");
        }
        return scales;
    }

    private List<SurveyQuestion> ParseQuestions(YamlMappingNode root, Dictionary<string, AnswerScale> scales)
    {
        var questions = new List<SurveyQuestion>();
        var columns = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var nodes = List(root, "questions", "a question");
        if (nodes.Count > MaxQuestions) Error(root, $"The questionnaire has {nodes.Count} questions: at most {MaxQuestions}");
        foreach (var map in nodes)
        {
            Keys(map, "a question", ["column", "outcome", "scale", "pupils", "parents", "indicators"]);
            var column = RequiredText(map, "column", "the question");
            var label = column is null ? "this question" : $"question '{column}'";
            if (column is not null && !ColumnPattern().IsMatch(column))
                Error(Child(map, "column")!, $"Column '{column}' must be letters and digits, starting with a letter, like 'FeelSafe'");
            else if (column is not null && !columns.Add(column))
                Error(Child(map, "column")!, $"Column '{column}' is used by another question: each question needs its own column");
            else if (column is not null && IsFileColumn(column))
                Error(Child(map, "column")!, $"Column '{column}' is one of the survey file's own columns: choose another name");

            EcmOutcome? outcome = null;
            if (RequiredText(map, "outcome", label) is { } outcomeText)
            {
                if (Enum.TryParse<EcmOutcome>(outcomeText, true, out var o) && Enum.IsDefined(o)) outcome = o;
                else Error(Child(map, "outcome")!, $"'{outcomeText}' is not an Every Child Matters outcome: use {string.Join(", ", EcmOutcomes.All)}");
            }
            AnswerScale? scale = null;
            if (RequiredText(map, "scale", label) is { } scaleId && !scales.TryGetValue(scaleId, out scale))
                Error(Child(map, "scale")!, $"'{scaleId}' is not an answer scale of this file ({string.Join(", ", scales.Keys)})");

            string? pupilText = null, parentText = null;
            YearGroupRange? years = null;
            if (Child(map, "pupils") is { } pupilsNode)
            {
                if (pupilsNode is not YamlMappingNode pupils) Error(pupilsNode, $"'pupils' of {label} must be a mapping with text, from and to");
                else
                {
                    Keys(pupils, "'pupils'", ["text", "from", "to"]);
                    pupilText = RequiredText(pupils, "text", $"the pupils' wording of {label}");
                    var from = YearGroup(pupils, "from", label) ?? 1;
                    var to = YearGroup(pupils, "to", label) ?? (byte)PupilFields.YearGroups.Count;
                    if (from > to) Error(pupils, $"The pupils' year groups of {label} run from {PupilFields.YearGroups[from - 1]} to {PupilFields.YearGroups[to - 1]}: 'from' must not be after 'to'");
                    else years = new YearGroupRange(from, to);
                }
            }
            if (Child(map, "parents") is { } parentsNode)
            {
                if (parentsNode is not YamlMappingNode parents) Error(parentsNode, $"'parents' of {label} must be a mapping with text");
                else
                {
                    Keys(parents, "'parents'", ["text"]);
                    parentText = RequiredText(parents, "text", $"the parents' wording of {label}");
                }
            }
            if (Child(map, "pupils") is null && Child(map, "parents") is null)
                Error(map, $"Nobody answers {label}: give it 'pupils', 'parents' or both");

            var indicators = new List<string>();
            if (Child(map, "indicators") is { } indicatorsNode)
            {
                if (indicatorsNode is not YamlSequenceNode list) Error(indicatorsNode, $"'indicators' of {label} must be a list of indicator ids");
                else indicators.AddRange(list.Children.Select(Scalar).Where(s => s.Length > 0));
            }

            if (column is null || outcome is null || scale is null) continue;
            questions.Add(new SurveyQuestion(questions.Count, column, string.Join(" / ", new[] { pupilText, parentText }.OfType<string>().Distinct()), outcome.Value)
            {
                Scale = scale,
                PupilText = pupilText,
                PupilYears = pupilText is null ? null : years,
                ParentText = parentText,
                Indicators = indicators,
                Line = (int)map.Start.Line,
            });
        }
        if (nodes.Count == 0 && Child(root, "questions") is not null) Error(Child(root, "questions")!, "The questionnaire has no questions");
        foreach (var extra in questions.Where(q => q.Scale.Options.Any(o => o.Gender != SurveyGender.NotGiven)).Skip(1))
            _errors.Add(new(extra.Line, 1, $"Question '{extra.Column}' asks for a gender too: only one question may give respondents' gender"));
        return questions;
    }

    private List<ScoredScale> ParseScoredScales(YamlMappingNode root, List<SurveyQuestion> questions)
    {
        var result = new List<ScoredScale>();
        if (Child(root, "scoredScales") is null) return result;
        foreach (var map in List(root, "scoredScales", "a scored scale", required: false))
        {
            Keys(map, "a scored scale", ["id", "name", "items", "bands"]);
            var id = RequiredText(map, "id", "the scored scale");
            var name = RequiredText(map, "name", "the scored scale");
            var label = id is null ? "this scored scale" : $"scored scale '{id}'";
            var items = new List<SurveyQuestion>();
            if (Child(map, "items") is not YamlSequenceNode itemList || itemList.Children.Count < 2)
                Error(Child(map, "items") ?? map, $"Add 'items' to {label}: a list of at least two question columns");
            else
                foreach (var item in itemList.Children)
                {
                    var column = Scalar(item);
                    var question = questions.FirstOrDefault(q => string.Equals(q.Column, column, StringComparison.OrdinalIgnoreCase));
                    if (question is null) Error(item, $"'{column}' is not a question of this file");
                    else if (items.Contains(question)) Error(item, $"'{column}' is listed twice in {label}");
                    else items.Add(question);
                }
            var bands = new List<ScoreBand>();
            foreach (var band in List(map, "bands", "a band"))
            {
                Keys(band, "a band", ["name", "from", "to"]);
                var bandName = RequiredText(band, "name", $"a band of {label}");
                var from = Whole(band, "from", -10_000, 10_000, required: true);
                var to = Whole(band, "to", -10_000, 10_000, required: true);
                if (from > to) Error(band, $"Band '{bandName}' of {label} runs from {from} to {to}: 'from' must not be after 'to'");
                else if (bands.FirstOrDefault(b => from <= b.To && to >= b.From) is { } overlap)
                    Error(band, $"Band '{bandName}' of {label} overlaps band '{overlap.Name}'");
                else if (bandName is not null && from is not null && to is not null) bands.Add(new ScoreBand(bandName, from.Value, to.Value));
            }
            if (id is not null && name is not null && items.Count >= 2) result.Add(new ScoredScale(id, name, items, bands));
        }
        return result;
    }

    /// <summary>
    /// Answers are stored by question position, so a questionnaire that replaces another keeps the other's questions
    /// in the same order (their wording, who answers and the indicators may change) and adds its own after them.
    /// </summary>
    public static IReadOnlyList<QuestionnaireError> CheckKeeps(Questionnaire replacement, Questionnaire earlier)
    {
        var errors = new List<QuestionnaireError>();
        for (var i = 0; i < earlier.Questions.Count; i++)
        {
            var kept = earlier.Questions[i];
            if (i >= replacement.Questions.Count)
                errors.Add(new(1, 1, $"Question '{kept.Column}' of questionnaire version {earlier.Version} is missing: keep the earlier questions, in order, and add new ones after them"));
            else if (!string.Equals(replacement.Questions[i].Column, kept.Column, StringComparison.OrdinalIgnoreCase))
                errors.Add(new(replacement.Questions[i].Line, 1, $"Question {i + 1} must be '{kept.Column}', as in questionnaire version {earlier.Version}: keep the earlier questions, in order, and add new ones after them"));
            else if (replacement.Questions[i].Scale.Options.Count != kept.Scale.Options.Count)
                errors.Add(new(replacement.Questions[i].Line, 1, $"Question '{kept.Column}' must keep its {kept.Scale.Options.Count} answers, as in questionnaire version {earlier.Version}: its stored answers count them by position"));
        }
        return errors;
    }

    private static bool IsFileColumn(string column) =>
        new[] { SurveyFields.UrnColumn, SurveyFields.AcademicYearColumn, SurveyFields.RespondentTypeColumn, SurveyFields.YearGroupColumn, SurveyFields.GenderColumn }
            .Contains(column, StringComparer.OrdinalIgnoreCase);

    private byte? YearGroup(YamlMappingNode map, string key, string label)
    {
        if (Child(map, key) is not { } node) return null;
        var text = Scalar(node);
        for (var i = 0; i < PupilFields.YearGroups.Count; i++)
            if (string.Equals(PupilFields.YearGroups[i], text, StringComparison.OrdinalIgnoreCase)) return (byte)(i + 1);
        Error(node, $"'{text}' is not a year group for '{key}' of {label}: write R or 1 to 13");
        return null;
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z][A-Za-z0-9]{0,59}$")]
    private static partial System.Text.RegularExpressions.Regex ColumnPattern();

    private void Error(YamlNode node, string message) => _errors.Add(new((int)node.Start.Line, (int)node.Start.Column, message));

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.FirstOrDefault(p => p.Key is YamlScalarNode k && k.Value == key).Value;

    private static string Scalar(YamlNode node) => node is YamlScalarNode s ? (s.Value ?? "").Trim() : "";

    private List<YamlMappingNode> List(YamlMappingNode map, string key, string what, bool required = true)
    {
        if (Child(map, key) is not { } node)
        {
            if (required) Error(map, $"Add '{key}': a list, each item {what}");
            return [];
        }
        if (node is not YamlSequenceNode list)
        {
            Error(node, $"'{key}' must be a list, each item {what}");
            return [];
        }
        var maps = new List<YamlMappingNode>();
        foreach (var child in list.Children)
            if (child is YamlMappingNode m) maps.Add(m);
            else Error(child, $"Each item of '{key}' must be {what} (a mapping)");
        return maps;
    }

    private void Keys(YamlMappingNode map, string what, IReadOnlyCollection<string> allowed)
    {
        foreach (var key in map.Children.Keys)
            if (key is not YamlScalarNode { Value: { } k } || !allowed.Contains(k))
                Error(key, $"'{Scalar(key)}' is not a key of {what}: use {string.Join(", ", allowed)}");
    }

    private string? Text(YamlMappingNode map, string key) => Child(map, key) is { } node && Scalar(node) is { Length: > 0 } text ? text : null;

    private string? RequiredText(YamlMappingNode map, string key, string of)
    {
        if (Child(map, key) is not { } node)
        {
            Error(map, $"Add '{key}' to {of}");
            return null;
        }
        var text = Scalar(node);
        if (text.Length == 0) Error(node, $"'{key}' of {of} is empty");
        else if (text.Length > 500) Error(node, $"'{key}' of {of} is longer than 500 characters");
        else return text;
        return null;
    }

    private bool? Flag(YamlMappingNode map, string key)
    {
        if (Child(map, key) is not { } node) return null;
        if (bool.TryParse(Scalar(node), out var value)) return value;
        Error(node, $"'{key}' must be true or false, not '{Scalar(node)}'");
        return null;
    }

    private int? Whole(YamlMappingNode map, string key, int min, int max, bool required = false)
    {
        if (Child(map, key) is not { } node)
        {
            if (required) Error(map, $"Add '{key}' (a whole number)");
            return null;
        }
        if (int.TryParse(Scalar(node), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max) return n;
        Error(node, $"'{key}' must be a whole number from {min} to {max}, not '{Scalar(node)}'");
        return null;
    }
}
