using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Domain;
using SchoolSight.Domain.Categorisation;
using SchoolSight.Domain.Categorisation.Rules;

namespace SchoolSight.Core.Categorisation;

/// <summary>One school under the adopted criteria and under the draft: which way it would move and which rules make the difference.</summary>
public sealed record WhatIfRow(
    int Urn, string SchoolName, string? Locality, LevelOfSupport? AgreedLevel, LevelOfSupport AdoptedProposal, bool AdoptedReview,
    LevelOfSupport DraftProposal, bool DraftReview, IReadOnlyList<string> NowFiring, IReadOnlyList<string> NoLongerFiring,
    IReadOnlyList<string> PointingElsewhere)
{
    /// <summary>+1 more support under the draft, -1 less, 0 the same.</summary>
    public int Direction => Math.Sign((int)DraftProposal - (int)AdoptedProposal);
}

public sealed record WhatIf(string AdoptedVersion, string DraftVersion, int Schools, int MoreSupport, int LessSupport, int ReviewChanges, IReadOnlyList<WhatIfRow> Changes);

/// <summary>
/// The what-if preview (DOMAIN.md 4): applies a draft rule set and the adopted one to every open school's current
/// evidence and lists the schools whose proposal would change, in which direction and why — before anyone adopts it.
/// Changes nothing.
/// </summary>
[Operation]
public sealed class PreviewRuleSet(AppDbContext db, RuleSets ruleSets, CategorisationEvidence evidence)
{
    public async Task<OperationResult<WhatIf>> RunAsync(RuleSet draft, CancellationToken ct = default)
    {
        if (!CategorisationRoles.LaReaders.Allows(db.CurrentUser.Role))
            return OperationResult<WhatIf>.Fail(CategorisationRoles.NotAllowed("preview levels of support criteria"));
        var adopted = await ruleSets.AdoptedAsync(db, ct);
        if (!adopted.Succeeded) return OperationResult<WhatIf>.Fail(adopted.Errors);
        var rules = adopted.Value.Rules;

        var today = db.Today();
        // One load covers both rule sets' indicators.
        var both = new RuleSet("both", "both", [.. rules.Rules, .. draft.Rules]);
        var schools = await evidence.LoadAsync(both, today, null, ct);
        var names = await db.Schools.AsNoTracking().Select(s => new { s.Urn, s.Details.Name, Locality = s.Locality != null ? s.Locality.Name : null })
            .ToDictionaryAsync(s => s.Urn, ct);
        var agreed = await CurrentLevels.OfAsync(db, null, ct);

        var changes = new List<WhatIfRow>();
        foreach (var school in schools)
        {
            var now = rules.Evaluate(school);
            var then = draft.Evaluate(school);
            if (now.Level == then.Level && now.NeedsReview == then.NeedsReview) continue;
            // Rules are matched by id: a rule firing under both that points to another level is a reason too.
            var firedNow = now.Fired.Select(o => o.Rule).ToDictionary(r => r.Id);
            var firedThen = then.Fired.Select(o => o.Rule).ToDictionary(r => r.Id);
            var name = names.GetValueOrDefault(school.Urn);
            changes.Add(new WhatIfRow(school.Urn, name?.Name ?? $"URN {school.Urn}", name?.Locality, agreed.GetValueOrDefault(school.Urn)?.Level,
                now.Level, now.NeedsReview, then.Level, then.NeedsReview,
                [.. firedThen.Values.Where(r => !firedNow.ContainsKey(r.Id)).Select(r => r.Description)],
                [.. firedNow.Values.Where(r => !firedThen.ContainsKey(r.Id)).Select(r => r.Description)],
                [.. firedThen.Values.Select(r => (Then: r, Before: firedNow.GetValueOrDefault(r.Id))).Where(p => p.Before is { } b && b.Level != p.Then.Level)
                    .Select(p => $"{p.Then.Description} Now {p.Then.Points.ToLowerInvariant()}, was {p.Before!.Points.ToLowerInvariant()}.")]));
        }
        changes = [.. changes.OrderByDescending(c => Math.Abs(c.Direction)).ThenByDescending(c => c.DraftProposal).ThenBy(c => c.SchoolName)];
        return OperationResult<WhatIf>.Ok(new WhatIf(adopted.Value.Stored.Version, draft.Version, schools.Count,
            changes.Count(c => c.Direction > 0), changes.Count(c => c.Direction < 0), changes.Count(c => c.Direction == 0), changes));
    }

    /// <summary>Previews a stored draft (or any stored version).</summary>
    public async Task<OperationResult<WhatIf>> RunAsync(long ruleSetId, CancellationToken ct = default)
    {
        var stored = await db.RuleSets.AsNoTracking().FirstOrDefaultAsync(r => r.Id == ruleSetId, ct);
        if (stored is null) return OperationResult<WhatIf>.Fail(CoreErrors.NotFound("rule set"));
        var parsed = ruleSets.Parse(stored);
        if (!parsed.IsValid) return OperationResult<WhatIf>.Fail(new DomainError("rules.invalid", $"Version {stored.Version} does not pass its checks: {string.Join("; ", parsed.Errors.Take(3))}"));
        return await RunAsync(parsed.RuleSet!, ct);
    }
}
