using System.Text.Json;
using System.Text.Json.Serialization;

namespace SchoolSight.Domain.Indicators;

/// <summary>
/// The indicator catalogue (DOMAIN.md 3.2): every indicator SchoolSight computes, read from a JSON file the LA can
/// replace. <see cref="Parse"/> checks it whole and lists every problem by indicator, so a bad file is never half used.
/// </summary>
public sealed class IndicatorCatalogue
{
    private readonly Dictionary<string, IndicatorDefinition> _byId;

    private IndicatorCatalogue(int version, IReadOnlyList<IndicatorDefinition> indicators)
    {
        Version = version;
        Indicators = indicators;
        _byId = indicators.ToDictionary(i => i.Id, StringComparer.OrdinalIgnoreCase);
        Counted = [.. indicators.Where(i => i.IsCounted)];
    }

    public int Version { get; }
    public IReadOnlyList<IndicatorDefinition> Indicators { get; }

    /// <summary>The indicators counted from pupil or survey rows, in catalogue order; their position is their slot in computed results.</summary>
    public IReadOnlyList<IndicatorDefinition> Counted { get; }

    public IndicatorDefinition? Find(string id) => _byId.GetValueOrDefault(id);

    public IndicatorDefinition this[string id] => _byId.TryGetValue(id, out var d) ? d : throw new KeyNotFoundException($"No indicator '{id}' in the catalogue.");

    public IEnumerable<IndicatorDefinition> ForOutcome(EcmOutcome outcome) => Indicators.Where(i => i.Outcome == outcome);

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <param name="questionnaire">The survey whose questions perception indicators count; the shipped one when not given.</param>
    public static IndicatorCatalogue Parse(string json, out IReadOnlyList<string> errors, Questionnaire? questionnaire = null)
    {
        questionnaire ??= Questionnaire.Shipped;
        var problems = new List<string>();
        CatalogueFile? file;
        try
        {
            file = JsonSerializer.Deserialize<CatalogueFile>(json, Json);
        }
        catch (JsonException e)
        {
            errors = [$"The catalogue is not valid JSON: {e.Message}"];
            return new IndicatorCatalogue(0, []);
        }
        if (file?.Indicators is null || file.Indicators.Count == 0)
        {
            errors = ["The catalogue lists no indicators."];
            return new IndicatorCatalogue(0, []);
        }

        var definitions = new List<IndicatorDefinition>();
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (entry, index) in file.Indicators.Select((e, i) => (e, i)))
        {
            var where = $"Indicator {index + 1} ({entry.Id ?? "no id"})";
            var own = new List<string>();
            if (string.IsNullOrWhiteSpace(entry.Id)) own.Add("has no id");
            else if (!ids.Add(entry.Id)) own.Add("repeats an id already used");
            if (string.IsNullOrWhiteSpace(entry.Name)) own.Add("has no name");
            if (entry.Outcome is null) own.Add("has no Every Child Matters outcome");
            if (entry.Kind is null) own.Add("has no kind");
            if (entry.Polarity is null) own.Add("has no polarity");
            if (entry.Unit is null) own.Add("has no unit");
            if (string.IsNullOrWhiteSpace(entry.Source)) own.Add("has no source");

            PupilCondition? Condition(string? text, string what, bool required)
            {
                if (string.IsNullOrWhiteSpace(text))
                {
                    if (required) own.Add($"needs a {what} condition");
                    return null;
                }
                var condition = PupilCondition.Parse(text, out var e);
                own.AddRange(e.Select(m => $"{what}: {m}"));
                return condition;
            }
            PupilField? NumberField(string? name, string what)
            {
                if (string.IsNullOrWhiteSpace(name)) { own.Add($"needs a {what} field"); return null; }
                var field = PupilFields.Find(name);
                if (field is null) own.Add($"{what}: '{name}' is not a pupil field");
                else if (field.Kind != PupilFieldKind.Number) own.Add($"{what}: {field.Name} is not a number field");
                return field;
            }

            PupilCondition? count = null, of = null;
            PupilField? value = null, over = null;
            SurveyQuestion? question = null;
            SchoolCondition? schoolRule = null;
            // A measure the pupil-level file has no field for is counted from the DfE's published figures alone.
            var publishedOnly = entry.Published is not null && entry.Count is null && entry.Of is null && entry.Value is null;
            switch (entry.Kind)
            {
                case IndicatorKind.Proportion or IndicatorKind.Mean when publishedOnly:
                    break;
                case IndicatorKind.Proportion:
                    count = Condition(entry.Count, "count", true);
                    of = Condition(entry.Of, "of", true);
                    break;
                case IndicatorKind.Mean:
                case IndicatorKind.Lowest20Gap:
                    value = NumberField(entry.Value, "value");
                    of = Condition(entry.Of, "of", false);
                    break;
                case IndicatorKind.Rate:
                    value = NumberField(entry.Value, "value");
                    over = NumberField(entry.Over, "over");
                    break;
                case IndicatorKind.Perception:
                    question = entry.Question is null ? null : questionnaire.Find(entry.Question);
                    if (question is null) own.Add($"question '{entry.Question}' is not a survey question of the questionnaire ({string.Join(", ", questionnaire.Questions.Select(q => q.Column))})");
                    if (entry.Respondents is null) own.Add("needs respondents (Pupil or Parent)");
                    break;
                case IndicatorKind.GroupView:
                case IndicatorKind.Gap:
                    if (string.IsNullOrWhiteSpace(entry.BaseIndicator)) own.Add("needs a base indicator");
                    if (entry.Kind == IndicatorKind.Gap && entry.ComparedWithGroup is null) own.Add("needs a group to compare with");
                    break;
                case IndicatorKind.SchoolShare:
                    if (string.IsNullOrWhiteSpace(entry.SchoolRule)) own.Add("needs a school rule");
                    else
                    {
                        schoolRule = SchoolCondition.Parse(entry.SchoolRule, out var e);
                        own.AddRange(e.Select(m => $"school rule: {m}"));
                    }
                    break;
                case null:
                    break;
            }
            if (entry.Published is { } p && (string.IsNullOrWhiteSpace(p.Measure) || string.IsNullOrWhiteSpace(p.Cohort)))
                own.Add("published source needs both a measure and a cohort");
            var gaps = Gaps(entry.NotPublished, own);

            problems.AddRange(own.Select(m => $"{where} {m}."));
            if (own.Count > 0) continue;
            definitions.Add(new IndicatorDefinition
            {
                Id = entry.Id!,
                Name = entry.Name!,
                Outcome = entry.Outcome!.Value,
                Kind = entry.Kind!.Value,
                Polarity = entry.Polarity!.Value,
                Unit = entry.Unit!.Value,
                Stage = entry.Stage,
                Numerator = entry.Numerator ?? entry.Count ?? entry.Value ?? "",
                Denominator = entry.Denominator ?? entry.Of ?? entry.Over ?? "",
                Source = entry.Source!,
                SeedMeasure = entry.SeedMeasure,
                Equivalence = entry.Equivalence,
                Count = count,
                Of = of,
                Value = value,
                Over = over,
                Question = question,
                Respondents = entry.Respondents,
                BaseIndicator = entry.BaseIndicator,
                Group = entry.Group ?? PupilGroup.All,
                ComparedWithGroup = entry.ComparedWithGroup,
                ComparedWithNational = entry.ComparedWithNational ?? false,
                SchoolRule = schoolRule,
                Published = entry.Published is { } pub ? new PublishedFallback(pub.Measure!, pub.Cohort!, pub.Lower, pub.Upper, pub.Coverage) : null,
                SchoolTypes = entry.SchoolTypes ?? DfeSchoolTypes.Default(entry.Published?.Measure, entry.Id!),
                NotPublished = gaps,
            });
        }

        // A group view or gap is published when its base indicator is, unless it says otherwise.
        var byId = definitions.ToDictionary(d => d.Id, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < definitions.Count; i++)
            if (definitions[i] is { BaseIndicator: { } baseId, NotPublished.Count: 0 } derived && byId.TryGetValue(baseId, out var baseDefinition))
                definitions[i] = derived with { NotPublished = baseDefinition.NotPublished };

        // References between indicators, once every id is known.
        var known = definitions.ToDictionary(d => d.Id, StringComparer.OrdinalIgnoreCase);
        foreach (var d in definitions)
        {
            if (d.BaseIndicator is { } b && (!known.TryGetValue(b, out var baseDef) || !baseDef.HasGroups))
                problems.Add($"Indicator {d.Id} refers to '{b}', which is not a counted indicator with pupil groups.");
            foreach (var test in d.SchoolRule?.Tests ?? [])
                if (!known.TryGetValue(test.IndicatorId, out var t) || !t.IsCounted)
                    problems.Add($"Indicator {d.Id}'s school rule refers to '{test.IndicatorId}', which is not a counted indicator.");
        }

        // The questionnaire names the perception indicators each question feeds: those in the catalogue must count that question.
        foreach (var q in questionnaire.Questions)
            foreach (var id in q.Indicators)
                if (known.TryGetValue(id, out var fed) && (fed.Kind != IndicatorKind.Perception || fed.Question?.Column != q.Column))
                    problems.Add($"The questionnaire's question {q.Column} feeds '{id}', which is not a perception indicator of that question.");

        errors = problems;
        return new IndicatorCatalogue(file.Version, problems.Count == 0 ? definitions : []);
    }

    /// <summary>The <c>notPublished</c> list: each gap's years (from and/or to, as "2019/20") and the reason users are shown.</summary>
    private static List<PublicationGap> Gaps(List<GapEntry>? entries, List<string> problems)
    {
        var gaps = new List<PublicationGap>();
        foreach (var (entry, index) in (entries ?? []).Select((e, i) => (e, i + 1)))
        {
            var from = AcademicYears.Parse(entry.From);
            var to = AcademicYears.Parse(entry.To);
            var own = problems.Count;
            if (entry.From is not null && from is null) problems.Add($"not published gap {index}: 'from' {entry.From} is not an academic year such as 2019/20");
            if (entry.To is not null && to is null) problems.Add($"not published gap {index}: 'to' {entry.To} is not an academic year such as 2020/21");
            if (entry.From is null && entry.To is null) problems.Add($"not published gap {index} needs 'from', 'to' or both");
            if (from > to) problems.Add($"not published gap {index} ends before it starts");
            if (string.IsNullOrWhiteSpace(entry.Because)) problems.Add($"not published gap {index} needs 'because': the reason users are shown");
            if (problems.Count == own) gaps.Add(new PublicationGap(from, to, entry.Because!.Trim()));
        }
        return gaps;
    }

    private sealed record CatalogueFile(int Version, List<CatalogueEntry>? Indicators);

    private sealed record CatalogueEntry(
        string? Id, string? Name, EcmOutcome? Outcome, IndicatorKind? Kind, Polarity? Polarity, IndicatorUnit? Unit,
        string? Stage, string? Numerator, string? Denominator, string? Source, string? SeedMeasure, string? Equivalence,
        string? Count, string? Of, string? Value, string? Over, string? Question, RespondentType? Respondents,
        string? BaseIndicator, PupilGroup? Group, PupilGroup? ComparedWithGroup, bool? ComparedWithNational,
        string? SchoolRule, PublishedEntry? Published, AreaSchoolTypes? SchoolTypes, List<GapEntry>? NotPublished);

    private sealed record GapEntry(string? From, string? To, string? Because);

    private sealed record PublishedEntry(string? Measure, string? Cohort, string? Lower, string? Upper, string? Coverage);
}
