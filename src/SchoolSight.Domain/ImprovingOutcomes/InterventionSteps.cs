using SchoolSight.Domain.Workflows;

namespace SchoolSight.Domain.ImprovingOutcomes;

/// <summary>The moves of a warning notice: the SMT's approval, then its issue as a letter.</summary>
public enum WarningNoticeMove
{
    Approve,
    Issue,
}

/// <summary>Where the use of a statutory power stands: derived from its record (approved once the SMT has approved it).</summary>
public enum StatutoryPowerState
{
    Proposed,
    Approved,
}

public enum StatutoryPowerMove
{
    Approve,
}

/// <summary>
/// The steps of the programme's statutory interventions (seed 004, 5.3), declared on the workflow kernel. A warning
/// notice passes an approval gate — drafted by the M&amp;I team (the draft is the submission), approved by the SMT —
/// and is then issued by the M&amp;I team. The gate has the outcomes warning notices have today: approval only (asking
/// for clarification or refusing would need the notice to keep who asked and why, which its record does not hold).
/// A proposed use of another statutory power passes the same kind of gate: the SMT approves it.
/// </summary>
public static class InterventionSteps
{
    public static readonly ApprovalGate<WarningNoticeStatus, WarningNoticeMove> WarningNoticeGate =
        new("warning notice", "a warning notice", WarningNoticeStatus.Drafted, WarningNoticeStatus.Approved, WarningNoticeMove.Approve, ProgrammeRoles.Smt)
        { Submitters = ProgrammeRoles.Runners };

    public static readonly Workflow<WarningNotice, WarningNoticeStatus, WarningNoticeMove, MoveContext> WarningNotices = new("warning notice", w => w.Status,
        [
            .. WarningNoticeGate.Moves<WarningNotice, MoveContext>(),
            new(WarningNoticeMove.Issue, "Issue the warning notice as a letter", "issue a warning notice", WarningNoticeStatus.Approved, WarningNoticeStatus.Issued,
                ProgrammeRoles.Runners, []),
        ],
        wrongState: (move, _, status) => ProgrammeErrors.WarningNoticeStatus(move.Name.ToString().ToLowerInvariant(), status),
        roleRefused: (move, _) => ProgrammeErrors.RoleNotAllowed(move.Roles, move.Doing));

    public static readonly ApprovalGate<StatutoryPowerState, StatutoryPowerMove> PowerGate =
        new("use of the power", "the use of a statutory power", StatutoryPowerState.Proposed, StatutoryPowerState.Approved, StatutoryPowerMove.Approve, ProgrammeRoles.Smt)
        { Submitters = ProgrammeRoles.Runners };

    public static readonly Workflow<StatutoryPowerUse, StatutoryPowerState, StatutoryPowerMove, MoveContext> Powers = new("use of a statutory power",
        p => p.IsApproved ? StatutoryPowerState.Approved : StatutoryPowerState.Proposed,
        [.. PowerGate.Moves<StatutoryPowerUse, MoveContext>()],
        wrongState: (_, _, _) => ProgrammeErrors.PowerAlreadyApproved,
        roleRefused: (move, _) => ProgrammeErrors.RoleNotAllowed(move.Roles, move.Doing));
}
