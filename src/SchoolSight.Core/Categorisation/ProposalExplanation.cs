using System.Text.Json;
using SchoolSight.Domain.Categorisation;
using SchoolSight.Domain.Categorisation.Rules;

namespace SchoolSight.Core.Categorisation;

public sealed record ExplainedRule(string Id, string Description, string Source, string Points, IReadOnlyList<EvidenceItem> Evidence, IReadOnlyList<string> Missing, IReadOnlyList<string> Notes);

/// <summary>
/// Why the rules proposed a level, kept with the proposal exactly as it was worked out: each rule that fired with its
/// evidence and the dates of the data, each rule that could not be tested and what it lacked, and all missing evidence.
/// </summary>
public sealed record ProposalExplanation(
    string RuleSetVersion, DateOnly AsOf, LevelOfSupport Level, bool NeedsReview,
    IReadOnlyList<ExplainedRule> Fired, IReadOnlyList<ExplainedRule> NotTested, IReadOnlyList<string> Missing)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static ProposalExplanation From(LevelEvaluation evaluation, DateOnly asOf)
    {
        static ExplainedRule Explain(RuleOutcome o) =>
            new(o.Rule.Id, o.Rule.Description, o.Rule.Source, o.Rule.Points, o.Evidence, o.Missing, o.Notes);
        return new(evaluation.RuleSetVersion, asOf, evaluation.Level, evaluation.NeedsReview,
            [.. evaluation.Fired.Select(Explain)], [.. evaluation.NotTested.Select(Explain)], evaluation.Missing);
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ProposalExplanation FromJson(string json) => JsonSerializer.Deserialize<ProposalExplanation>(json, Json)
        ?? throw new InvalidOperationException("A stored proposal explanation could not be read.");

    /// <summary>One line per fired rule with its evidence, as kept on the school's level decision.</summary>
    public IReadOnlyList<string> ReasonLines =>
    [
        .. Fired.Select(r => $"{r.Description} [{r.Points}]" + (r.Evidence.Count == 0 ? "" : " Evidence: " + string.Join("; ", r.Evidence.Select(e => $"{e.What}: {e.Value} ({e.Date})")))),
    ];
}
