using SchoolSight.Domain.Access;

namespace SchoolSight.Domain.Categorisation;

/// <summary>
/// A school's level of support as the SMT decided it: one row per decision, kept for ever, so a school's history of
/// levels says who decided, when, why and from which rule-set version. The school's current level is its latest
/// decision; a school with no decision has not been categorised.
/// </summary>
public sealed class SchoolLevelDecision : ISchoolOwned
{
    public static Resource Resource => Resource.SchoolLevel;

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

    /// <summary>Each reason in its parts — what the rule says, the level it points to, its evidence — for pages.</summary>
    public IReadOnlyList<DecisionReason> ReasonParts => [.. ReasonLines.Select(DecisionReason.Parse)];

    /// <summary>The reasons that decided this level, for a board (<see cref="Deciding"/>).</summary>
    public IReadOnlyList<string> DecidingReasons => Deciding(Level, ProposedLevel, Reasons, Reason);

    /// <summary>
    /// The reasons that decided a level, for a board: when the SMT set a level other than the one proposed, their reason
    /// first; then the rules pointing to the level itself (not those pointing lower, nor reviews; a line naming no level
    /// is kept, as it cannot be told apart); and when no rule points
    /// to it — a school with no concerns, or a level agreed before the criteria were held here — what the SMT recorded.
    /// </summary>
    public static IReadOnlyList<string> Deciding(LevelOfSupport level, LevelOfSupport? proposed, string reasons, string reason)
    {
        var recorded = reason.Trim();
        var atLevel = Lines(reasons).Select(DecisionReason.Parse).Where(r => r.Level == level || r.Points is null).Select(r => r.Description).ToList();
        if (proposed is { } p && p != level)
            return [$"Set at {level.Describe().ToLowerInvariant()} by the SMT, not the proposed {p.Describe().ToLowerInvariant()}: {recorded}", .. atLevel];
        if (atLevel.Count > 0) return atLevel;
        return recorded.Length > 0 ? [recorded] : [];
    }

    public static IReadOnlyList<string> Lines(string reasons) => reasons.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static IReadOnlyList<string> Summaries(string reasons) => [.. Lines(reasons).Select(l => DecisionReason.Parse(l).Description)];

    /// <summary>Which way the level moved: +1 more support, -1 less, 0 the same or first decision.</summary>
    public int Movement => PreviousLevel is { } before ? Math.Sign((int)Level - (int)before) : 0;

    /// <summary>What the school's users and governors are told in place of the reasons drawn from the LA's concerns (ADR 0009).</summary>
    public const string HeldByTheLa = "Information held by the LA.";

    /// <summary>
    /// This decision as the school's own users and governors see it (ADR 0009). Every reason from a rule that tests the
    /// LA's concerns (<paramref name="isLaOnly"/>, by the rule's description), or whose evidence names a concern, is
    /// replaced by one line, <see cref="HeldByTheLa"/>, with no rule text, level or evidence: it says neither that a
    /// concern exists nor its kind, nor how many. When the criteria the decision came from cannot be read
    /// (<paramref name="isLaOnly"/> null), every rule's reason is withheld the same way. The SMT's own reason is kept.
    /// </summary>
    public SchoolLevelDecision ForSchoolAudience(Func<string, bool>? isLaOnly)
    {
        var lines = ReasonLines;
        var shown = lines.Where(line => !Withheld(line, isLaOnly)).ToList();
        if (shown.Count == lines.Count) return this;
        return new SchoolLevelDecision(Urn, Level, PreviousLevel, ProposedLevel, ProposalId, RuleSetVersion, string.Join("\n", shown.Append(HeldByTheLa)),
            DecidedBy, DecidedByRole, DecidedAt, Reason)
        { Id = Id };
    }

    private static bool Withheld(string line, Func<string, bool>? isLaOnly)
    {
        if (line.Contains(Rules.ConcernCondition.EvidenceLabel, StringComparison.Ordinal)) return true;
        var reason = DecisionReason.Parse(line);
        return reason.Points is not null && (isLaOnly is null || isLaOnly(reason.Description));
    }
}

/// <summary>
/// One stored reason line ("Description [Targeted] Evidence: …", as <c>ProposalExplanation.ReasonLines</c> writes it)
/// taken apart for display. <see cref="Level"/> is null for a review rule, which points to no level.
/// </summary>
public sealed record DecisionReason(string Description, string? Points, LevelOfSupport? Level, string? Evidence)
{
    private const string EvidenceMarker = " Evidence: ";
    private const string Review = "Review";

    public static DecisionReason Parse(string line)
    {
        (string Label, LevelOfSupport? Level, int At) found = ("", null, -1);
        foreach (var (label, level) in Enum.GetValues<LevelOfSupport>().Select(l => (l.Describe(), (LevelOfSupport?)l)).Append((Review, null)))
        {
            var at = line.IndexOf($" [{label}]", StringComparison.Ordinal);
            if (at > 0 && (found.At < 0 || at < found.At)) found = (label, level, at);
        }
        if (found.At < 0) return new DecisionReason(line, null, null, null);
        var rest = line[(found.At + found.Label.Length + 3)..];
        var evidence = rest.StartsWith(EvidenceMarker, StringComparison.Ordinal) ? rest[EvidenceMarker.Length..].Trim() : null;
        return new DecisionReason(line[..found.At], found.Label, found.Level, evidence);
    }
}
