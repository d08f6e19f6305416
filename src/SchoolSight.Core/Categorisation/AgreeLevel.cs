using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Core.Workflows;
using SchoolSight.Domain;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Categorisation;
using SchoolSight.Domain.Workflows;

namespace SchoolSight.Core.Categorisation;

/// <param name="Level">The level the SMT sets; null to agree the proposed level.</param>
/// <param name="ExpectedVersion">The proposal's version when the SMT member opened it.</param>
public sealed record LevelDecisionInput(long ProposalId, int ExpectedVersion, LevelOfSupport? Level, string? Reason);

/// <summary>
/// An SMT member agrees a school's proposed level, or sets another with a reason (DOMAIN.md 4: a proposal "becomes the
/// school's category only when the SMT agrees it"). The decision is kept with who, when, why, the rules that fired and
/// the rule-set version; a proposal decided by someone else in the meantime is refused, never decided twice.
/// </summary>
[Operation]
public sealed class AgreeLevel(AppDbContext db)
{
    public const int ReasonMaxLength = 4000;

    public async Task<OperationResult<SchoolLevelDecision>> RunAsync(LevelDecisionInput input, CancellationToken ct = default)
    {
        if (db.CurrentUser.Role is not { } role || !CategorisationRoles.Deciders.Contains(role))
            return OperationResult<SchoolLevelDecision>.Fail(CategorisationErrors.NotSmt(db.CurrentUser.Role ?? Role.Partner));
        var proposal = await db.LevelProposals.FirstOrDefaultAsync(p => p.Id == input.ProposalId, ct);
        if (proposal is null) return OperationResult<SchoolLevelDecision>.Fail(CoreErrors.NotFound("proposal"));
        if (proposal.Version != input.ExpectedVersion)
            return OperationResult<SchoolLevelDecision>.Fail(db.Conflict("proposal", proposal.UpdatedBy, proposal.UpdatedAt));

        var level = input.Level ?? proposal.ProposedLevel;
        var reason = input.Reason?.Trim() ?? "";
        var move = level == proposal.ProposedLevel ? LevelProposalMove.Agree : LevelProposalMove.SetAnotherLevel;
        if (CategorisationSteps.LevelDecisions.Check(proposal, move, Context(role, reason)) is { Count: > 0 } refused)
            return OperationResult<SchoolLevelDecision>.Fail(refused);
        if (reason.Length > ReasonMaxLength)
            return OperationResult<SchoolLevelDecision>.Fail(new DomainError("level.reason", $"The reason must be {ReasonMaxLength} characters or fewer", "Reason"));

        var current = (await CurrentLevels.OfAsync(db, [proposal.Urn], ct)).GetValueOrDefault(proposal.Urn);
        var decision = Decide(proposal, level, current?.Level, reason.Length > 0 ? reason : "Agreed as proposed.", role);
        db.ExpectVersion(proposal, input.ExpectedVersion);
        return await db.SaveVersionedAsync(proposal, "proposal", () => decision, ct);
    }

    /// <summary>Agrees, with one reason, every open proposal that keeps a school at its current level and has nothing to review.</summary>
    public async Task<OperationResult<int>> AgreeUnchangedAsync(string? reason, CancellationToken ct = default)
    {
        if (db.CurrentUser.Role is not { } role || !CategorisationRoles.Deciders.Contains(role))
            return OperationResult<int>.Fail(CategorisationErrors.NotSmt(db.CurrentUser.Role ?? Role.Partner));
        var why = reason?.Trim() ?? "";
        if (why.Length == 0) return OperationResult<int>.Fail(new DomainError("level.reason", "Give the reason for agreeing these levels", "Reason"));
        var open = await db.LevelProposals.Where(p => p.Status == ProposalStatus.Open && !p.NeedsReview).ToListAsync(ct);
        var current = await CurrentLevels.OfAsync(db, [.. open.Select(p => p.Urn)], ct);
        var agreed = 0;
        foreach (var proposal in open.Where(p => current.TryGetValue(p.Urn, out var c) && c.Level == p.ProposedLevel))
        {
            Decide(proposal, proposal.ProposedLevel, current[proposal.Urn].Level, why, role);
            agreed++;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another SMT member decided one of them, or a new proposal replaced it: none of these is agreed.
            db.ChangeTracker.Clear();
            return OperationResult<int>.Fail(CoreErrors.ChangedMeanwhile("some of these proposals"));
        }
        return OperationResult<int>.Ok(agreed);
    }

    private SchoolLevelDecision Decide(LevelProposal proposal, LevelOfSupport level, LevelOfSupport? previous, string reason, Role role)
    {
        var explanation = ProposalExplanation.FromJson(proposal.Explanation);
        var decided = proposal.Decide(level, Context(role, reason));
        var decision = new SchoolLevelDecision(proposal.Urn, level, previous, proposal.ProposedLevel, proposal.Id, proposal.RuleSetVersion,
            string.Join("\n", explanation.ReasonLines), decided.By, decided.Role, decided.At, reason);
        db.SchoolLevels.Add(decision);
        return decision;
    }

    private MoveContext Context(Role role, string reason) =>
        db.MoveBy(new Actor(db.CurrentUser.UserName, role, db.CurrentUser.UserId), reason);
}
