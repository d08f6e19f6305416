using SchoolSight.Domain.Indicators;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SchoolSight.Domain.HealthySchools;

public sealed record ReviewCriteriaParseResult(ReviewCriteria? Criteria, IReadOnlyList<QuestionnaireError> Errors);

/// <summary>
/// Reads an annual review criteria file (YAML: version, name, and the four themes each with id, name and criteria of id
/// and text) and checks it whole: every problem is listed with its line and column, and a file with any problem gives
/// no criteria.
/// </summary>
public sealed class ReviewCriteriaParser
{
    public const int MaxLength = 100_000;
    private readonly List<QuestionnaireError> _errors = [];

    public static ReviewCriteriaParseResult Parse(string yaml) => new ReviewCriteriaParser().Run(yaml);

    private ReviewCriteriaParseResult Run(string yaml)
    {
        if (YamlFileRoot.Load(yaml, MaxLength, "version, name and themes", out var problem) is not { } root) return new(null, [problem!]);

        Keys(root, "the criteria file", ["version", "name", "themes"]);
        var version = Text(root, "version", "the criteria file");
        var name = Text(root, "name", "the criteria file");
        var themes = new List<ReviewTheme>();
        var criterionIds = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var map in Maps(root, "themes", "a theme"))
        {
            Keys(map, "a theme", ["id", "name", "criteria"]);
            var id = Text(map, "id", "the theme");
            var label = id is null ? "this theme" : $"theme '{id}'";
            if (id is not null && !ReviewCriteria.ThemeIds.Contains(id))
                Error(Child(map, "id")!, $"'{id}' is not a theme of the annual review: use {string.Join(", ", ReviewCriteria.ThemeIds)}");
            else if (id is not null && themes.Any(t => t.Id == id)) Error(Child(map, "id")!, $"Theme '{id}' is given more than once");
            var themeName = Text(map, "name", label);
            var criteria = new List<ReviewCriterion>();
            var nodes = Maps(map, "criteria", "a criterion");
            if (nodes.Count == 0 && Child(map, "criteria") is YamlSequenceNode) Error(Child(map, "criteria")!, $"{Capital(label)} has no criteria");
            foreach (var c in nodes)
            {
                Keys(c, "a criterion", ["id", "text"]);
                var cid = Text(c, "id", $"a criterion of {label}");
                var text = Text(c, "text", cid is null ? $"a criterion of {label}" : $"criterion '{cid}'");
                if (cid is not null && !criterionIds.Add(cid)) Error(Child(c, "id")!, $"Criterion id '{cid}' is used more than once: each criterion needs its own id");
                else if (cid is not null && text is not null) criteria.Add(new ReviewCriterion(cid, text));
            }
            if (id is not null && themeName is not null && ReviewCriteria.ThemeIds.Contains(id) && themes.All(t => t.Id != id)) themes.Add(new ReviewTheme(id, themeName, criteria));
        }
        if (Child(root, "themes") is YamlSequenceNode)
            foreach (var missing in ReviewCriteria.ThemeIds.Where(t => themes.All(x => x.Id != t)))
                Error(Child(root, "themes")!, $"Theme '{missing}' is missing: the annual review has the four themes {string.Join(", ", ReviewCriteria.ThemeIds)}");

        var ordered = _errors.OrderBy(e => e.Line).ThenBy(e => e.Column).ToList();
        return ordered.Count > 0 || version is null || name is null
            ? new(null, ordered)
            : new(new ReviewCriteria(version, name, [.. ReviewCriteria.ThemeIds.Select(t => themes.Single(x => x.Id == t))]), []);
    }

    private static string Capital(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    private void Error(YamlNode node, string message) => _errors.Add(new((int)node.Start.Line, (int)node.Start.Column, message));

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.FirstOrDefault(p => p.Key is YamlScalarNode k && k.Value == key).Value;

    private List<YamlMappingNode> Maps(YamlMappingNode map, string key, string what)
    {
        if (Child(map, key) is not { } node)
        {
            Error(map, $"Add '{key}': a list, each item {what}");
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
                Error(key, $"'{(key as YamlScalarNode)?.Value}' is not a key of {what}: use {string.Join(", ", allowed)}");
    }

    private string? Text(YamlMappingNode map, string key, string of)
    {
        if (Child(map, key) is not { } node)
        {
            Error(map, $"Add '{key}' to {of}");
            return null;
        }
        var text = node is YamlScalarNode s ? (s.Value ?? "").Trim() : "";
        if (text.Length == 0) Error(node, $"'{key}' of {of} is empty");
        else if (text.Length > 1000) Error(node, $"'{key}' of {of} is longer than 1,000 characters");
        else return text;
        return null;
    }
}
