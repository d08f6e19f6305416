using YamlDotNet.RepresentationModel;

namespace SchoolSight.Domain.Categorisation.Rules;

public sealed partial class RuleSetParser
{
    /// <summary>
    /// A rule's optional 'evidence': the evidence it reasons from, when that is less than all its condition reads (one
    /// name or a list). Each name must be something the condition reads, so a rule cannot claim evidence it never looks
    /// at; rules at different levels whose reasons come from the same evidence are then shown once, by the higher.
    /// </summary>
    private IReadOnlySet<string>? ParseEvidence(YamlMappingNode map, string label, Condition when)
    {
        if (Child(map, "evidence") is not { } node) return null;
        var items = node is YamlSequenceNode seq ? seq.Children : [node];
        var readable = RuleEvidence.Readable(when);
        if (items.Count == 0 || items.Any(i => i is not YamlScalarNode))
        {
            Error(node, $"'evidence' in {label} must name the evidence it reasons from, one or a list: {string.Join(", ", readable.Order(StringComparer.Ordinal))}");
            return null;
        }
        var names = new HashSet<string>(StringComparer.Ordinal);
        var ok = true;
        foreach (var item in items)
        {
            var name = Scalar(item);
            if (!readable.Contains(name))
            {
                Error(item, $"{Capital(label)} does not read '{name}': its evidence can only be what its conditions read ({string.Join(", ", readable.Order(StringComparer.Ordinal))})");
                ok = false;
            }
            else if (!names.Add(name))
            {
                Error(item, $"'{name}' is named twice in the evidence of {label}");
                ok = false;
            }
        }
        return ok ? names : null;
    }
}
