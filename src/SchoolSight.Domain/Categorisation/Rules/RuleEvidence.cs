namespace SchoolSight.Domain.Categorisation.Rules;

/// <summary>
/// The evidence a rule reasons from, named as a rule set file names it: "ofsted" (the latest inspection), "sip",
/// "self-evaluation", an indicator id, "concern:&lt;kind&gt;", or "missing:&lt;evidence&gt;". Two rules whose reasons
/// come from the same evidence at different levels do not both explain a level: the higher one does, the lower one is
/// implied by it (an inadequate Ofsted outcome is not also "requires improvement").
/// </summary>
public static class RuleEvidence
{
    /// <summary>Every piece of evidence the condition can read, whichever of its alternatives holds.</summary>
    public static IReadOnlySet<string> Readable(Condition condition) => Names(condition, null).ToHashSet(StringComparer.Ordinal);

    /// <summary>The evidence the condition read to hold for this school: of its alternatives ("any"), only those that held.</summary>
    public static IReadOnlySet<string> Used(Condition condition, SchoolEvidence evidence) => Names(condition, evidence).ToHashSet(StringComparer.Ordinal);

    private static IEnumerable<string> Names(Condition condition, SchoolEvidence? evidence) => condition switch
    {
        AllCondition all => all.Conditions.SelectMany(c => Names(c, evidence)),
        AnyCondition any => Held(any, evidence).SelectMany(c => Names(c, evidence)),
        ConcernCondition concern => [$"concern:{concern.Kind.Slug()}"],
        MissingCondition missing => [$"missing:{missing.Indicator?.Id ?? missing.Key.Name}"],
        _ => condition.Reads.Select(k => k.Name),
    };

    private static IEnumerable<Condition> Held(AnyCondition any, SchoolEvidence? evidence)
    {
        if (evidence is null) return any.Conditions;
        var held = any.Conditions.Where(c => c.Evaluate(evidence).Truth == Truth.True).ToList();
        return held.Count > 0 ? held : any.Conditions;
    }

    /// <summary>
    /// For each fired rule pointing to a level, the fired rule at a higher level that implies it: the one whose evidence
    /// includes all of its own (the highest such, first in the file among equals). Rules pointing to a review are never implied.
    /// </summary>
    public static IReadOnlyDictionary<RuleOutcome, RuleOutcome> Implied(IReadOnlyList<RuleOutcome> fired)
    {
        var implied = new Dictionary<RuleOutcome, RuleOutcome>();
        foreach (var lower in fired.Where(o => o.Rule.Level is not null && o.Reads.Count > 0))
        {
            var by = fired.Where(h => h.Rule.Level > lower.Rule.Level && lower.Reads.IsSubsetOf(h.Reads))
                .OrderByDescending(h => h.Rule.Level).FirstOrDefault();
            if (by is not null) implied[lower] = by;
        }
        return implied;
    }
}
