using SchoolSight.Domain.Access;
using SchoolSight.Domain.Workflows;

namespace SchoolSight.Domain.Categorisation;

public enum ProposalStatus
{
    /// <summary>Waiting for the SMT.</summary>
    Open,

    /// <summary>The SMT agreed the proposed level.</summary>
    Agreed,

    /// <summary>The SMT set another level, with a reason.</summary>
    Changed,

    /// <summary>A newer proposal for the same school replaced it before the SMT decided.</summary>
    Superseded,
}

/// <summary>
/// The level the rules propose for one school, with its explanation (every rule that fired, its evidence and the dates
/// of the data, and the evidence that was missing) kept as it was when proposed, so the SMT decides on exactly what
/// they saw. Only an SMT decision changes the school's level.
/// </summary>
public sealed class LevelProposal : VersionedEntity, ISchoolOwned
{
    public static Resource Resource => Resource.LevelProposal;

    private LevelProposal() { RuleSetVersion = ""; Explanation = ""; ProposedBy = ""; }

    public LevelProposal(int urn, long ruleSetId, string ruleSetVersion, LevelOfSupport proposedLevel, bool needsReview, string explanation, DateTime proposedAt, string proposedBy)
    {
        Urn = urn;
        RuleSetId = ruleSetId;
        RuleSetVersion = ruleSetVersion;
        ProposedLevel = proposedLevel;
        NeedsReview = needsReview;
        Explanation = explanation;
        ProposedAt = proposedAt;
        ProposedBy = proposedBy;
    }

    public long Id { get; private set; }
    public int Urn { get; private set; }
    public long RuleSetId { get; private set; }
    public string RuleSetVersion { get; private set; }
    public LevelOfSupport ProposedLevel { get; private set; }

    /// <summary>A rule for missing or out-of-date evidence fired: the SMT should look before agreeing.</summary>
    public bool NeedsReview { get; private set; }

    /// <summary>The evaluation as JSON (Core's ProposalExplanation): fired rules, evidence and dates, missing evidence.</summary>
    public string Explanation { get; private set; }
    public DateTime ProposedAt { get; private set; }
    public string ProposedBy { get; private set; }
    public ProposalStatus Status { get; private set; }

    public bool IsOpen => Status == ProposalStatus.Open;

    /// <summary>
    /// Records the SMT's decision on the proposal (<see cref="CategorisationSteps.LevelDecisions"/>): agreeing the
    /// proposed level, or setting <paramref name="level"/> in its place. The decision itself is kept as a
    /// <see cref="SchoolLevelDecision"/> naming the proposal.
    /// </summary>
    public Decision Decide(LevelOfSupport level, MoveContext context) =>
        CategorisationSteps.LevelDecisions.Fire(this, level == ProposedLevel ? LevelProposalMove.Agree : LevelProposalMove.SetAnotherLevel, context, s => Status = s)!;

    public void Supersede()
    {
        if (IsOpen) Status = ProposalStatus.Superseded;
    }
}
