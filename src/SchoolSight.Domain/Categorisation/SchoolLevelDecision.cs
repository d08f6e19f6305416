using SchoolSight.Domain.Access;

namespace SchoolSight.Domain.Categorisation;

/// <summary>
/// A school's level of support as the SMT decided it: one row per decision, kept for ever, so a school's history of
/// levels says who decided, when, why and from which rule-set version. The school's current level is its latest
/// decision; a school with no decision has not been categorised.
/// </summary>
public sealed class SchoolLevelDecision
{
    private SchoolLevelDecision() { DecidedBy = ""; Reason = ""; RuleSetVersion = ""; Reasons = ""; }

    public SchoolLevelDecision(
        int urn, LevelOfSupport level, LevelOfSupport? previousLevel, LevelOfSupport? proposedLevel, long? proposalId,
        string ruleSetVersion, string reasons, string decidedBy, Role decidedByRole, DateTime decidedAt, string reason)
    {
        Urn = urn;
        Level = level;
        PreviousLevel = previousLevel;
        ProposedLevel = proposedLevel;
        ProposalId = proposalId;
        RuleSetVersion = ruleSetVersion;
        Reasons = reasons;
        DecidedBy = decidedBy;
        DecidedByRole = decidedByRole;
        DecidedAt = decidedAt;
        Reason = reason;
    }

    public long Id { get; private set; }
    public int Urn { get; private set; }
    public LevelOfSupport Level { get; private set; }

    /// <summary>The level before this decision; null for the school's first.</summary>
    public LevelOfSupport? PreviousLevel { get; private set; }

    /// <summary>What the rules proposed; the SMT may agree it or set another level with a reason.</summary>
    public LevelOfSupport? ProposedLevel { get; private set; }
    public long? ProposalId { get; private set; }

    /// <summary>The version of the rule set the proposal came from.</summary>
    public string RuleSetVersion { get; private set; }

    /// <summary>The rules that fired, one per line, in plain words with their evidence: what the school is told.</summary>
    public string Reasons { get; private set; }
    public string DecidedBy { get; private set; }
    public Role DecidedByRole { get; private set; }
    public DateTime DecidedAt { get; private set; }

    /// <summary>The SMT member's reason: why they agreed, or why they set a different level.</summary>
    public string Reason { get; private set; }

    public bool AgreedWithProposal => ProposedLevel == Level;

    public IReadOnlyList<string> ReasonLines => Lines(Reasons);

    /// <summary>Each reason without its evidence ("… [Targeted] Evidence: …" cut at the level), for registers and board packs.</summary>
    public IReadOnlyList<string> ReasonSummaries => Summaries(Reasons);

    public static IReadOnlyList<string> Lines(string reasons) => reasons.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static IReadOnlyList<string> Summaries(string reasons) =>
        [.. Lines(reasons).Select(l => l.IndexOf(" [", StringComparison.Ordinal) is var cut and > 0 ? l[..cut] : l)];

    /// <summary>Which way the level moved: +1 more support, -1 less, 0 the same or first decision.</summary>
    public int Movement => PreviousLevel is { } before ? Math.Sign((int)Level - (int)before) : 0;
}
