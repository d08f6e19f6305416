using SchoolSight.Domain.Register;

namespace SchoolSight.Domain.Categorisation.Rules;

/// <summary>
/// The LA's levels of support and intervention criteria: a versioned list of
/// rules, each pointing to a level (or to a review by the SMT) when its condition holds. A school's proposed level is
/// the highest level of any rule that fires; with none, Universal. Every condition only ever fires on worse evidence,
/// so worse evidence can never lower a proposal (<see cref="Evaluate"/>). A fired rule implied by a higher one from the
/// same evidence counts but does not explain (<see cref="LevelEvaluation.Deciding"/>).
/// </summary>
public sealed record RuleSet(string Version, string Name, IReadOnlyList<Rule> Rules)
{
    public LevelEvaluation Evaluate(SchoolEvidence evidence)
    {
        var outcomes = Rules.Select(r => r.Evaluate(evidence)).ToList();
        var fired = outcomes.Where(o => o.Status == RuleStatus.Fired).ToList();
        var level = fired.Where(o => o.Rule.Level is not null).Select(o => o.Rule.Level!.Value).DefaultIfEmpty(LevelOfSupport.Universal).Max();
        var missing = outcomes.SelectMany(o => o.Missing).Distinct().ToList();
        return new LevelEvaluation(evidence.Urn, Version, level, fired.Any(o => o.Rule.IsReview), outcomes, missing);
    }
}

/// <param name="Level">The level the rule points to; null for a rule that asks the SMT to review the evidence.</param>
/// <param name="Phases">The phases the rule applies to; null for every phase.</param>
public sealed record Rule(string Id, string Description, string Source, LevelOfSupport? Level, IReadOnlySet<SchoolPhase>? Phases, Condition When, int Line)
{
    public bool IsReview => Level is null;

    /// <summary>The evidence the rule says it reasons from (its 'evidence' key); null to take what its condition reads.</summary>
    public IReadOnlySet<string>? DeclaredEvidence { get; init; }

    /// <summary>The evidence the rule reasons from: as declared, or all its condition can read (<see cref="RuleEvidence"/>).</summary>
    public IReadOnlySet<string> Evidence => DeclaredEvidence ?? RuleEvidence.Readable(When);

    public bool AppliesTo(SchoolPhase phase) => Phases is null || Phases.Contains(phase);

    public string Points => Level is { } level ? level.Describe() : "Review";

    /// <summary>The rule tests the LA's concerns: the school and its governors are not told it (ADR 0009).</summary>
    public bool IsLaOnly => When.TestsConcerns;

    public RuleOutcome Evaluate(SchoolEvidence evidence)
    {
        if (!AppliesTo(evidence.Phase)) return new RuleOutcome(this, RuleStatus.NotApplicable, [], [], []);
        var result = When.Evaluate(evidence);
        var status = result.Truth switch
        {
            Truth.True => RuleStatus.Fired,
            Truth.False => RuleStatus.NotFired,
            Truth.Unknown => RuleStatus.NotTested,
        };
        return new RuleOutcome(this, status, result.Evidence, result.Missing, result.Notes)
        {
            Reads = status == RuleStatus.Fired ? DeclaredEvidence ?? RuleEvidence.Used(When, evidence) : Evidence,
        };
    }
}

public enum RuleStatus
{
    /// <summary>The rule's condition held: it counts towards the level.</summary>
    Fired,

    /// <summary>The evidence was there and the condition did not hold.</summary>
    NotFired,

    /// <summary>Some evidence the condition needs is missing or too thin to judge: the rule could not be tested.</summary>
    NotTested,

    /// <summary>The rule is for other phases of school.</summary>
    NotApplicable,
}

/// <summary>One piece of evidence as the school is shown it: what, the value, and the date of the data.</summary>
public sealed record EvidenceItem(string What, string Value, string Date);

public sealed record RuleOutcome(Rule Rule, RuleStatus Status, IReadOnlyList<EvidenceItem> Evidence, IReadOnlyList<string> Missing, IReadOnlyList<string> Notes)
{
    /// <summary>The evidence this outcome came from (<see cref="RuleEvidence"/>): for a fired rule, what it read to fire.</summary>
    public IReadOnlySet<string> Reads { get; init; } = new HashSet<string>();
}

/// <summary>The rules' verdict on one school: the proposed level, whether the SMT should review the evidence, and why.</summary>
public sealed record LevelEvaluation(int Urn, string RuleSetVersion, LevelOfSupport Level, bool NeedsReview, IReadOnlyList<RuleOutcome> Outcomes, IReadOnlyList<string> Missing)
{
    public IEnumerable<RuleOutcome> Fired => Outcomes.Where(o => o.Status == RuleStatus.Fired);

    /// <summary>Each fired rule implied by a higher one from the same evidence, with the rule that implies it.</summary>
    public IReadOnlyDictionary<RuleOutcome, RuleOutcome> Implied => _implied ??= RuleEvidence.Implied([.. Fired]);
    private IReadOnlyDictionary<RuleOutcome, RuleOutcome>? _implied;

    /// <summary>The fired rules that explain the level and any review: every fired rule not implied by a higher one.</summary>
    public IEnumerable<RuleOutcome> Deciding => Fired.Where(o => !Implied.ContainsKey(o));

    public IEnumerable<RuleOutcome> NotTested => Outcomes.Where(o => o.Status == RuleStatus.NotTested);
}
