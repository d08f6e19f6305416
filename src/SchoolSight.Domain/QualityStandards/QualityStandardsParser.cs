using System.Globalization;
using SchoolSight.Domain.Indicators;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SchoolSight.Domain.QualityStandards;

/// <summary>A problem in a quality standards file, at the line and column it starts (both from 1).</summary>
public sealed record QualityStandardsError(int Line, int Column, string Message)
{
    public override string ToString() => $"line {Line}, column {Column}: {Message}";
}

public sealed record QualityStandardsParseResult(QualityStandardSet? Standards, IReadOnlyList<QualityStandardsError> Errors);

/// <summary>
/// Reads a quality standards file (YAML; docs/la-self-evaluation.md describes it) and checks it whole: every problem
/// is listed with its line and column, and a file with any problem gives no standards. No anchors or aliases.
/// </summary>
public sealed partial class QualityStandardsParser
{
    public const int MaxLength = 300_000;
    private readonly List<QualityStandardsError> _errors = [];

    public static QualityStandardsParseResult Parse(string yaml) => new QualityStandardsParser().Run(yaml);

    private QualityStandardsParseResult Run(string yaml)
    {
        if (YamlFileRoot.Load(yaml, MaxLength, "version, name and standards", out var problem) is not { } root)
            return new(null, [new(problem!.Line, problem.Column, problem.Message)]);
        if (root.AllNodes.FirstOrDefault(n => !n.Anchor.IsEmpty) is { } anchored)
            Error(anchored, $"'&{anchored.Anchor}' is an anchor: quality standards files may not use anchors (&) or aliases (*)");

        Keys(root, "the quality standards", ["version", "name", "externalReviewer", "adviserTitle", "overall", "standards"]);
        var version = RequiredText(root, "version", "the quality standards");
        var name = RequiredText(root, "name", "the quality standards");
        var reviewer = Text(root, "externalReviewer") ?? "External review";
        var adviser = Text(root, "adviserTitle") ?? "School improvement partner";
        var overall = ParseOverall(root);
        var standards = ParseStandards(root);

        var ordered = _errors.OrderBy(e => e.Line).ThenBy(e => e.Column).ToList();
        return ordered.Count > 0 || version is null || name is null
            ? new(null, ordered)
            : new(new QualityStandardSet(version, name, reviewer, adviser, overall, standards), []);
    }

    private OverallRule ParseOverall(YamlMappingNode root)
    {
        if (Child(root, "overall") is not { } node) return OverallRule.Default;
        if (node is not YamlMappingNode map)
        {
            Error(node, "'overall' must be a mapping with rule (and share)");
            return OverallRule.Default;
        }
        Keys(map, "'overall'", ["rule", "share", "significantShare"]);
        var kind = Choice(map, "rule", "the overall rule", OverallKinds) ?? OverallRuleKind.ShareAtOrBetter;
        var share = Whole(map, "share", 1, 100) ?? OverallRule.Default.Share;
        var significant = Whole(map, "significantShare", 1, 100) ?? OverallRule.Default.SignificantShare;
        return new OverallRule(kind, share, significant);
    }

    private List<QualityStandard> ParseStandards(YamlMappingNode root)
    {
        var standards = new List<QualityStandard>();
        var criterionIds = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var map in List(root, "standards", "a standard"))
        {
            Keys(map, "a standard", ["id", "group", "title", "phases", "criteria"]);
            var id = RequiredText(map, "id", "the standard");
            var label = id is null ? "this standard" : $"standard {id}";
            if (id is not null && standards.Any(s => string.Equals(s.Id, id, StringComparison.OrdinalIgnoreCase)))
                Error(Child(map, "id")!, $"Standard id '{id}' is used more than once");
            var group = Choice(map, "group", label, Groups, required: true);
            var title = RequiredText(map, "title", label);
            var phases = PhaseList(map, label, required: true);
            var criteria = new List<QualityCriterion>();
            foreach (var c in List(map, "criteria", "a criterion"))
            {
                Keys(c, "a criterion", ["id", "level", "text", "critical", "measure", "atLeast", "above", "below", "atMost", "phases"]);
                var cid = RequiredText(c, "id", $"a criterion of {label}");
                if (cid is not null && !criterionIds.Add(cid)) Error(Child(c, "id")!, $"Criterion id '{cid}' is used more than once: each criterion needs its own id");
                var level = Choice(c, "level", $"criterion '{cid}'", Levels, required: true);
                var text = RequiredText(c, "text", $"criterion '{cid}'", 1000);
                var critical = Flag(c, "critical") ?? false;
                var band = ParseBand(c, cid);
                var only = PhaseList(c, $"criterion '{cid}'", required: false);
                if (only.Except(phases).ToList() is [var stray, ..])
                    Error(Child(c, "phases")!, $"Criterion '{cid}' names {stray.Describe()}, a phase {label} does not apply to");
                if (cid is not null && level is not null && text is not null) criteria.Add(new QualityCriterion(cid, level.Value, text, critical, band, only));
            }
            if (id is not null && group is not null && title is not null && phases.Count > 0)
                standards.Add(new QualityStandard(id, group.Value, title, phases, criteria));
        }
        return standards;
    }

    private MeasureBand? ParseBand(YamlMappingNode c, string? cid)
    {
        var measure = Choice(c, "measure", $"criterion '{cid}'", Measures);
        decimal? Bound(string key)
        {
            if (Child(c, key) is not { } node) return null;
            if (decimal.TryParse(Scalar(node), NumberStyles.Number, CultureInfo.InvariantCulture, out var n) && n is >= 0 and <= 100_000) return n;
            Error(node, $"'{key}' of criterion '{cid}' must be a number, not '{Scalar(node)}'");
            return null;
        }
        var (atLeast, above, below, atMost) = (Bound("atLeast"), Bound("above"), Bound("below"), Bound("atMost"));
        var anyBound = atLeast is not null || above is not null || below is not null || atMost is not null;
        if (measure is null)
        {
            if (anyBound) Error(c, $"Criterion '{cid}' has bounds but no 'measure': name the figure they apply to");
            return null;
        }
        if (!anyBound)
        {
            Error(c, $"Criterion '{cid}' has a measure but no bounds: give atLeast, above, below or atMost");
            return null;
        }
        return new MeasureBand(measure.Value, atLeast, above, below, atMost);
    }

    private List<SefPhase> PhaseList(YamlMappingNode map, string label, bool required)
    {
        var phases = new List<SefPhase>();
        if (Child(map, "phases") is not { } node)
        {
            if (required) Error(map, $"Add 'phases' to {label}: a list of early-years, primary, secondary");
            return phases;
        }
        if (node is not YamlSequenceNode list)
        {
            Error(node, $"'phases' of {label} must be a list of early-years, primary, secondary");
            return phases;
        }
        foreach (var item in list.Children)
            if (PhaseNames.TryGetValue(Scalar(item), out var phase)) { if (!phases.Contains(phase)) phases.Add(phase); }
            else Error(item, $"'{Scalar(item)}' is not a phase: use early-years, primary, secondary");
        return phases;
    }

    private static readonly Dictionary<string, SefPhase> PhaseNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["early-years"] = SefPhase.EarlyYears,
        ["primary"] = SefPhase.Primary,
        ["secondary"] = SefPhase.Secondary,
    };

    private static readonly Dictionary<string, StandardGroup> Groups = new(StringComparer.OrdinalIgnoreCase)
    {
        ["impact"] = StandardGroup.Impact,
        ["risk-management"] = StandardGroup.RiskManagement,
    };

    private static readonly Dictionary<string, RagRating> Levels = new(StringComparer.OrdinalIgnoreCase)
    {
        ["outstanding"] = RagRating.Outstanding,
        ["good"] = RagRating.Good,
        ["requires-some-improvement"] = RagRating.RequiresSomeImprovement,
        ["requires-significant-improvement"] = RagRating.RequiresSignificantImprovement,
    };

    private static readonly Dictionary<string, OverallRuleKind> OverallKinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["share-at-or-better"] = OverallRuleKind.ShareAtOrBetter,
        ["lowest"] = OverallRuleKind.Lowest,
        ["most-common"] = OverallRuleKind.MostCommon,
    };

    /// <summary>The measures by their file names: TargetsInLine is targets-in-line.</summary>
    public static readonly IReadOnlyDictionary<string, ComputedMeasure> Measures = Enum.GetValues<ComputedMeasure>()
        .ToDictionary(m => KebabCase().Replace(m.ToString(), "-$1").ToLowerInvariant(), m => m, StringComparer.OrdinalIgnoreCase);

    [System.Text.RegularExpressions.GeneratedRegex("(?<!^)([A-Z])")]
    private static partial System.Text.RegularExpressions.Regex KebabCase();
}
