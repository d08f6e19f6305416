using System.Globalization;
using SchoolSight.Domain.Indicators;
using SchoolSight.Domain.Published;
using SchoolSight.Domain.Register;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SchoolSight.Domain.Categorisation.Rules;

/// <summary>A problem in a rule set file, at the line and column it starts (both from 1).</summary>
public sealed record RuleSetError(int Line, int Column, string Message)
{
    public override string ToString() => $"line {Line}, column {Column}: {Message}";
}

public sealed record RuleSetParseResult(RuleSet? RuleSet, IReadOnlyList<RuleSetError> Errors)
{
    public bool IsValid => RuleSet is not null && Errors.Count == 0;
}

/// <summary>
/// Reads a rule set file (YAML; docs/categorisation.md describes it) against the indicator catalogue and checks it
/// whole: every problem is listed with its line and column — unknown keys and indicators, comparisons that make no
/// sense, rules that can never fire, and evidence that no rule says what to do about when it is missing.
/// </summary>
public sealed partial class RuleSetParser(IndicatorCatalogue catalogue)
{
    public const int MaxForYears = 5;
    private readonly List<RuleSetError> _errors = [];

    public static RuleSetParseResult Parse(string yaml, IndicatorCatalogue catalogue) => new RuleSetParser(catalogue).Run(yaml);

    private RuleSetParseResult Run(string yaml)
    {
        if (BeyondLimits(yaml) is { } beyond) return new(null, [beyond]);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            var message = e.InnerException is YamlException inner ? inner.Message : e.Message;
            return new(null, [new((int)e.Start.Line, (int)e.Start.Column, $"The file is not valid YAML: {Tidy(message)}")]);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // The YAML reader gives up on some malformed streams with these rather than a syntax error.
            return new(null, [new(1, 1, "The file is not valid YAML: check the brackets, quotes and indentation")]);
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            return new(null, [new(1, 1, "The file must be a YAML mapping with version, name and rules")]);

        Keys(root, "rule set", ["version", "name", "description", "rules"]);
        var version = RequiredText(root, "version", "the rule set", 60);
        var name = RequiredText(root, "name", "the rule set", 300);
        var rules = new List<Rule>();
        if (Child(root, "rules") is not { } rulesNode)
            Error(root, "The rule set has no rules: add a 'rules' list");
        else if (rulesNode is not YamlSequenceNode list || list.Children.Count == 0)
            Error(rulesNode, "'rules' must be a list with at least one rule");
        else
            foreach (var node in list.Children)
                if (ParseRule(node) is { } rule) rules.Add(rule);

        foreach (var duplicate in rules.GroupBy(r => r.Id).Where(g => g.Count() > 1))
            foreach (var rule in duplicate.Skip(1))
                _errors.Add(new(rule.Line, 1, $"Rule id '{rule.Id}' is used more than once: each rule needs its own id"));
        CheckMissingEvidenceCovered(rules);

        var ordered = _errors.OrderBy(e => e.Line).ThenBy(e => e.Column).ToList();
        return ordered.Count > 0 || version is null || name is null ? new(null, ordered) : new(new RuleSet(version, name, rules), []);
    }

    private Rule? ParseRule(YamlNode node)
    {
        if (node is not YamlMappingNode map)
        {
            Error(node, "Each rule must be a mapping with id, description, source, level and when");
            return null;
        }
        Keys(map, "a rule", ["id", "description", "source", "level", "phases", "when", "evidence"]);
        var id = RequiredText(map, "id", "the rule", 80);
        var label = id is null ? "this rule" : $"rule '{id}'";
        if (id is not null && !RuleIdPattern().IsMatch(id))
            Error(Child(map, "id")!, $"Rule id '{id}' must be lower-case letters, digits and hyphens, like 'ofsted-special-measures'");
        var description = RequiredText(map, "description", label, 1000);
        var source = RequiredText(map, "source", label, 1000);
        var level = ParseLevel(map, label);
        var phases = ParsePhases(map, label);
        Condition? when = null;
        if (Child(map, "when") is not { } whenNode) Error(map, $"Add a 'when' to {label}: the conditions under which it fires");
        else when = ParseWhen(whenNode, label, phases);
        var evidence = when is null ? null : ParseEvidence(map, label, when);
        if (id is null || description is null || source is null || level is null || when is null || (Child(map, "phases") is not null && phases is null)
            || (Child(map, "evidence") is not null && evidence is null)) return null;

        return new Rule(id, description, source, level.Value.Level, phases, when, (int)map.Start.Line) { DeclaredEvidence = evidence };
    }

    private (LevelOfSupport? Level, bool Ok)? ParseLevel(YamlMappingNode map, string label)
    {
        if (Child(map, "level") is not { } node)
        {
            Error(map, $"Add a 'level' to {label}: targeted, intensive or review");
            return null;
        }
        var text = Scalar(node);
        if (string.Equals(text, "review", StringComparison.OrdinalIgnoreCase)) return (null, true);
        if (!LevelsOfSupport.TryParse(text, out var level))
        {
            Error(node, $"'{text}' is not a level: use targeted, intensive or review");
            return null;
        }
        if (level == LevelOfSupport.Universal)
        {
            Error(node, $"{Capital(label)} points to universal, the level a school has when no rule fires, so it can never change a proposal: point it to targeted, intensive or review");
            return null;
        }
        return (level, true);
    }

    private IReadOnlySet<SchoolPhase>? ParsePhases(YamlMappingNode map, string label)
    {
        if (Child(map, "phases") is not { } node) return null;
        var items = node is YamlSequenceNode seq ? seq.Children : [node];
        if (items.Count == 0)
        {
            Error(node, $"{Capital(label)} lists no phases, so it can never fire: list the phases it applies to or leave 'phases' out for all");
            return null;
        }
        var phases = new HashSet<SchoolPhase>();
        var ok = true;
        foreach (var item in items)
        {
            var text = Scalar(item);
            var match = Phases.FirstOrDefault(p => string.Equals(p.Slug, text, StringComparison.OrdinalIgnoreCase));
            if (match.Slug is null)
            {
                Error(item, $"'{text}' is not a phase: use {string.Join(", ", Phases.Select(p => p.Slug))}");
                ok = false;
            }
            else phases.Add(match.Phase);
        }
        return ok ? phases : null;
    }

    private static readonly (string Slug, SchoolPhase Phase)[] Phases =
    [
        ("early-years-setting", SchoolPhase.EarlyYearsSetting), ("nursery", SchoolPhase.Nursery), ("primary", SchoolPhase.Primary),
        ("middle", SchoolPhase.Middle), ("secondary", SchoolPhase.Secondary), ("all-through", SchoolPhase.AllThrough),
        ("special", SchoolPhase.Special), ("pupil-referral-unit", SchoolPhase.PupilReferralUnit), ("post-16", SchoolPhase.Post16), ("other", SchoolPhase.Other),
    ];

    public static string PhaseSlug(SchoolPhase phase) => Phases.First(p => p.Phase == phase).Slug;

    private Condition? ParseWhen(YamlNode node, string label, IReadOnlySet<SchoolPhase>? phases)
    {
        if (node is YamlSequenceNode seq)
        {
            if (seq.Children.Count == 0)
            {
                Error(node, $"{Capital(label)} has no conditions, so it would fire for every school: add at least one");
                return null;
            }
            var parts = seq.Children.Select(c => ParseCondition(c, label, phases)).ToList();
            if (parts.Any(p => p is null)) return null;
            if (parts.Count == 1) return parts[0];
            var all = new AllCondition([.. parts!]);
            CheckNotContradictory(all, seq, label);
            return all;
        }
        return ParseCondition(node, label, phases);
    }

    private static string Tidy(string message) => message.Replace("\r", "").Replace("\n", " ").Trim();

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial System.Text.RegularExpressions.Regex RuleIdPattern();

    // Small YAML helpers: every error is placed at the node it is about.
    private void Error(YamlNode node, string message) => _errors.Add(new((int)node.Start.Line, (int)node.Start.Column, message));

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.FirstOrDefault(kv => kv.Key is YamlScalarNode s && string.Equals(s.Value, key, StringComparison.Ordinal)).Value;

    private static string Scalar(YamlNode node) => node is YamlScalarNode s ? (s.Value ?? "").Trim() : "";

    private void Keys(YamlMappingNode map, string what, IReadOnlyCollection<string> allowed)
    {
        foreach (var key in map.Children.Keys)
        {
            var text = Scalar(key);
            if (!allowed.Contains(text))
                Error(key, $"'{text}' is not a key of {what}: use {string.Join(", ", allowed)}");
        }
    }

    private string? RequiredText(YamlMappingNode map, string key, string of, int max)
    {
        if (Child(map, key) is not { } node)
        {
            Error(map, $"Add a '{key}' to {of}");
            return null;
        }
        var text = Scalar(node);
        if (node is not YamlScalarNode || text.Length == 0)
        {
            Error(node, $"The '{key}' of {of} must be some text");
            return null;
        }
        if (text.Length > max)
        {
            Error(node, $"The '{key}' of {of} is longer than {max} characters");
            return null;
        }
        return text;
    }

    private bool TryNumber(YamlNode node, out double value) =>
        double.TryParse(Scalar(node), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && node is YamlScalarNode;

    private int? WholeNumber(YamlMappingNode map, string key, int min, int max, string label)
    {
        if (Child(map, key) is not { } node) return null;
        if (!int.TryParse(Scalar(node), NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < min || n > max)
        {
            Error(node, $"'{key}' in {label} must be a whole number from {min} to {max}, not '{Scalar(node)}'");
            return null;
        }
        return n;
    }

    private bool? Flag(YamlMappingNode map, string key, string label)
    {
        if (Child(map, key) is not { } node) return null;
        var text = Scalar(node).ToLowerInvariant();
        if (text is "true" or "yes") return true;
        if (text is "false" or "no") return false;
        Error(node, $"'{key}' in {label} must be true or false, not '{Scalar(node)}'");
        return null;
    }

    internal static string Grades => string.Join(", ", JudgementVocabulary.Grades.Select(g => g.Slug()));
}
