using System.Text.Json;
using System.Text.Json.Serialization;
using SchoolSight.Domain.Categorisation;
using SchoolSight.Domain.Categorisation.Rules;

namespace SchoolSight.Core.Categorisation;

public sealed record ExplainedRule(string Id, string Description, string Source, string Points, IReadOnlyList<EvidenceItem> Evidence, IReadOnlyList<string> Missing, IReadOnlyList<string> Notes);

/// <summary>A fired rule whose reason is implied by a higher rule from the same evidence: it counts, the higher rule explains.</summary>
public sealed record ImpliedRule(ExplainedRule Rule, string ImpliedBy);

/// <summary>
/// Why the rules proposed a level, kept with the proposal exactly as it was worked out: each rule that fired with its
/// evidence and the dates of the data, each rule that could not be tested and what it lacked, and all missing evidence.
/// <see cref="Fired"/> holds the rules that explain the level; a rule at a lower level from the same evidence as one of
/// them is kept apart in <see cref="Implied"/> (an inadequate Ofsted outcome is not also given as "requires improvement").
/// </summary>
public sealed record ProposalExplanation(
    string RuleSetVersion, DateOnly AsOf, LevelOfSupport Level, bool NeedsReview,
    IReadOnlyList<ExplainedRule> Fired, IReadOnlyList<ExplainedRule> NotTested, IReadOnlyList<string> Missing,
    IReadOnlyList<ImpliedRule>? Implied = null)
{
    /// <summary>The implied rules; none for an explanation kept before they were told apart.</summary>
    [JsonIgnore]
    public IReadOnlyList<ImpliedRule> ImpliedRules => Implied ?? [];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static ProposalExplanation From(LevelEvaluation evaluation, DateOnly asOf)
    {
        static ExplainedRule Explain(RuleOutcome o) =>
            new(o.Rule.Id, o.Rule.Description, o.Rule.Source, o.Rule.Points, o.Evidence, o.Missing, o.Notes);
        return new(evaluation.RuleSetVersion, asOf, evaluation.Level, evaluation.NeedsReview,
            [.. evaluation.Deciding.Select(Explain)], [.. evaluation.NotTested.Select(Explain)], evaluation.Missing,
            [.. evaluation.Fired.Where(evaluation.Implied.ContainsKey).Select(o => new ImpliedRule(Explain(o), evaluation.Implied[o].Rule.Description))]);
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ProposalExplanation FromJson(string json) => JsonSerializer.Deserialize<ProposalExplanation>(json, Json)
        ?? throw new InvalidOperationException("A stored proposal explanation could not be read.");

    /// <summary>One line per rule that explains the level, with its evidence, as kept on the school's level decision.</summary>
    public IReadOnlyList<string> ReasonLines =>
    [
        .. Fired.Select(r => $"{r.Description} [{r.Points}]" + (r.Evidence.Count == 0 ? "" : " Evidence: " + string.Join("; ", r.Evidence.Select(e => $"{e.What}: {e.Value} ({e.Date})")))),
    ];
}
