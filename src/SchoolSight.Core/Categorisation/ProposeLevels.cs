using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Domain;
using SchoolSight.Domain.Categorisation;

namespace SchoolSight.Core.Categorisation;

public sealed record ProposalRun(string RuleSetVersion, int Schools, int New, int Unchanged, int DifferFromCurrent, int NeedReview);

/// <summary>
/// Applies the adopted criteria to every open school's current evidence (or one school's) and records a proposal per
/// school for the SMT (DOMAIN.md 4; seed 004 4.1: the QA manager and the M&amp;I team determine entry through the
/// criteria). Re-running with nothing changed keeps the open proposals as they are, and proposes nothing for a school
/// whose agreed level came from the same outcome; a changed outcome replaces the open proposal. Nothing changes a school's level: only an SMT decision does (<see cref="AgreeLevel"/>).
/// </summary>
[Operation]
public sealed class ProposeLevels(AppDbContext db, RuleSets ruleSets, CategorisationEvidence evidence)
{
    public async Task<OperationResult<ProposalRun>> RunAsync(int? urn = null, CancellationToken ct = default)
    {
        if (!CategorisationRoles.Proposers.Allows(db.CurrentUser.Role))
            return OperationResult<ProposalRun>.Fail(CategorisationRoles.NotAllowed("propose levels of support"));
        return await ProposeAsync(urn, ct);
    }

    /// <summary>For the demo seeder, which runs before anyone signs in.</summary>
    internal async Task<OperationResult<ProposalRun>> ProposeAsync(int? urn, CancellationToken ct)
    {
        var adopted = await ruleSets.AdoptedAsync(db, ct);
        if (!adopted.Succeeded) return OperationResult<ProposalRun>.Fail(adopted.Errors);
        var (stored, rules) = adopted.Value;

        var today = db.Today();
        var schools = await evidence.LoadAsync(rules, today, urn is { } one ? [one] : null, ct);
        if (urn is not null && schools.Count == 0) return OperationResult<ProposalRun>.Fail(CoreErrors.NotFound("open school"));
        var urns = schools.Select(s => s.Urn).ToList();
        var open = await db.LevelProposals.Where(p => p.Status == ProposalStatus.Open && urns.Contains(p.Urn)).ToDictionaryAsync(p => p.Urn, ct);
        var current = await CurrentLevels.OfAsync(db, urns, ct);
        // The proposals the current levels were agreed from: a school whose outcome has not changed since needs no new one.
        var agreedFrom = current.Values.Where(d => d.ProposalId is not null).Select(d => d.ProposalId!.Value).ToList();
        var agreedProposals = await db.LevelProposals.AsNoTracking().Where(p => agreedFrom.Contains(p.Id)).ToDictionaryAsync(p => p.Urn, ct);

        int added = 0, unchanged = 0, differ = 0, review = 0;
        var fresh = new List<LevelProposal>();
        foreach (var school in schools)
        {
            var evaluation = rules.Evaluate(school);
            var explanation = ProposalExplanation.From(evaluation, today);
            if (evaluation.NeedsReview) review++;
            if (current.GetValueOrDefault(school.Urn)?.Level != evaluation.Level) differ++;
            if (open.TryGetValue(school.Urn, out var existing))
            {
                // The same outcome from the same rules and evidence: the SMT may already be looking at it.
                if (existing.RuleSetId == stored.Id && SameOutcome(existing, explanation))
                {
                    unchanged++;
                    continue;
                }
                existing.Supersede();
            }
            else if (agreedProposals.TryGetValue(school.Urn, out var agreed) && current[school.Urn].ProposalId == agreed.Id
                     && agreed.RuleSetId == stored.Id && SameOutcome(agreed, explanation))
            {
                unchanged++;
                continue;
            }
            fresh.Add(new LevelProposal(school.Urn, stored.Id, stored.Version, evaluation.Level, evaluation.NeedsReview,
                explanation.ToJson(), db.UtcNow, db.CurrentUser.UserName));
            added++;
        }
        try
        {
            // The replaced proposals are closed before the new ones are written: a school never has two open at once.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            db.LevelProposals.AddRange(fresh);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsConcurrentChange())
        {
            // An SMT member decided a proposal this run was replacing, or another run proposed for the same school first.
            db.ChangeTracker.Clear();
            return OperationResult<ProposalRun>.Fail(CoreErrors.ChangedMeanwhile("the proposals"));
        }
        return OperationResult<ProposalRun>.Ok(new ProposalRun(stored.Version, schools.Count, added, unchanged, differ, review));
    }

    private static bool SameOutcome(LevelProposal existing, ProposalExplanation explanation)
    {
        var before = ProposalExplanation.FromJson(existing.Explanation);
        return existing.ProposedLevel == explanation.Level && existing.NeedsReview == explanation.NeedsReview
            && before with { AsOf = explanation.AsOf } is var same
            && same.ToJson() == explanation.ToJson();
    }
}
