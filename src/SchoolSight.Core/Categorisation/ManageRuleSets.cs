using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Core.Workflows;
using SchoolSight.Domain;
using SchoolSight.Domain.Categorisation;
using SchoolSight.Domain.Categorisation.Rules;
using SchoolSight.Domain.Workflows;

namespace SchoolSight.Core.Categorisation;

public sealed record RuleSetSummary(long Id, string Version, string Name, RuleSetStatus Status, string UploadedBy, DateTime UploadedAt, string? AdoptedBy, DateTime? AdoptedAt, int Rules);

/// <summary>
/// Uploading, listing and adopting the LA's levels of support criteria (DOMAIN.md 1: the LA administrator looks after
/// rule sets; 4: a versioned file the LA can edit, validate and preview). A file with any problem is refused whole,
/// every problem listed with its line and column, and nothing is stored.
/// </summary>
[Operation]
public sealed class ManageRuleSets(AppDbContext db, RuleSets ruleSets)
{
    public const int MaxFileLength = RuleSetFile.MaxBytes;

    /// <summary>Uploads a file as sent (page or API): read no further than the size limit, then checked as text and as criteria.</summary>
    public async Task<OperationResult<RuleSetVersion>> UploadAsync(Stream file, CancellationToken ct = default)
    {
        if (!CategorisationRoles.RuleEditors.Allows(db.CurrentUser.Role))
            return OperationResult<RuleSetVersion>.Fail(CategorisationRoles.NotAllowed("upload levels of support criteria"));
        var bytes = await RuleSets.ReadAsync(file, ct);
        if (bytes.Length > MaxFileLength) return OperationResult<RuleSetVersion>.Fail(TooLarge);
        if (RuleSetFile.Decode(bytes, out var text) is { } problem) return OperationResult<RuleSetVersion>.Fail(Invalid(problem));
        return await UploadAsync(text, ct);
    }

    public async Task<OperationResult<RuleSetVersion>> UploadAsync(string? yaml, CancellationToken ct = default)
    {
        if (!CategorisationRoles.RuleEditors.Allows(db.CurrentUser.Role))
            return OperationResult<RuleSetVersion>.Fail(CategorisationRoles.NotAllowed("upload levels of support criteria"));
        if (string.IsNullOrWhiteSpace(yaml)) return OperationResult<RuleSetVersion>.Fail(new DomainError("rules.empty", "Choose a rule set file (YAML) to upload", "File"));
        if (yaml.Length > RuleSetParser.MaxLength) return OperationResult<RuleSetVersion>.Fail(TooLarge);
        var parsed = ruleSets.Parse(yaml);
        if (!parsed.IsValid) return OperationResult<RuleSetVersion>.Fail(parsed.Errors.Select(Invalid));
        var version = parsed.RuleSet!.Version;
        if (await db.RuleSets.AnyAsync(r => r.Version == version, ct))
            return OperationResult<RuleSetVersion>.Fail(new DomainError("rules.version",
                $"Version {version} has already been uploaded. Give the edited file a new version (the 'version' line at the top) so every decision can be traced to the exact rules it came from.", "File"));
        var stored = new RuleSetVersion(version, parsed.RuleSet.Name, yaml, db.CurrentUser.UserName, db.UtcNow);
        db.RuleSets.Add(stored);
        await db.SaveChangesAsync(ct);
        return OperationResult<RuleSetVersion>.Ok(stored);
    }

    private static DomainError TooLarge => new("rules.large", $"The file is larger than {MaxFileLength / 1000} KB: is it the right file?", "File");

    private static DomainError Invalid(RuleSetError e) => new("rules.invalid", $"Line {e.Line}, column {e.Column}: {e.Message}", "File");

    public async Task<OperationResult<RuleSetVersion>> AdoptAsync(long id, string? reason, CancellationToken ct = default)
    {
        if (!CategorisationRoles.RuleAdopters.Allows(db.CurrentUser.Role))
            return OperationResult<RuleSetVersion>.Fail(CategorisationRoles.NotAllowed("adopt levels of support criteria"));
        var draft = await db.RuleSets.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (draft is null) return OperationResult<RuleSetVersion>.Fail(CoreErrors.NotFound("rule set"));
        if (db.Actor() is not { } actor) return OperationResult<RuleSetVersion>.Fail(CategorisationRoles.NotAllowed("adopt levels of support criteria"));
        var adoption = db.MoveBy(actor, reason);
        if (CategorisationSteps.RuleSetAdoption.Check(draft, RuleSetMove.Adopt, adoption) is { Count: > 0 } refused) return OperationResult<RuleSetVersion>.Fail(refused);
        var parsed = ruleSets.Parse(draft);
        if (!parsed.IsValid)
            return OperationResult<RuleSetVersion>.Fail(DomainError.Rule("rules.invalid", $"Version {draft.Version} no longer passes its checks: {string.Join("; ", parsed.Errors.Take(3))}"));
        try
        {
            var current = await db.RuleSets.Where(r => r.Status == RuleSetStatus.Adopted).ToListAsync(ct);
            foreach (var old in current) old.Retire(adoption);
            draft.Adopt(adoption);
        }
        catch (DomainException e)
        {
            return OperationResult<RuleSetVersion>.Fail(e.Errors);
        }
        await db.SaveChangesAsync(ct);
        return OperationResult<RuleSetVersion>.Ok(draft);
    }

    public async Task<OperationResult<IReadOnlyList<RuleSetSummary>>> ListAsync(CancellationToken ct = default)
    {
        if (!CategorisationRoles.LaReaders.Allows(db.CurrentUser.Role))
            return OperationResult<IReadOnlyList<RuleSetSummary>>.Fail(CategorisationRoles.NotAllowed("see the levels of support criteria"));
        var stored = await db.RuleSets.AsNoTracking().OrderByDescending(r => r.Status == RuleSetStatus.Adopted).ThenByDescending(r => r.UploadedAt).ThenByDescending(r => r.Id).ToListAsync(ct);
        return OperationResult<IReadOnlyList<RuleSetSummary>>.Ok([.. stored.Select(r => new RuleSetSummary(r.Id, r.Version, r.Name, r.Status, r.UploadedBy, r.UploadedAt, r.AdoptedBy, r.AdoptedAt,
            ruleSets.Parse(r).RuleSet?.Rules.Count ?? 0))]);
    }

    public async Task<OperationResult<RuleSetVersion>> FindAsync(long id, CancellationToken ct = default)
    {
        if (!CategorisationRoles.LaReaders.Allows(db.CurrentUser.Role))
            return OperationResult<RuleSetVersion>.Fail(CategorisationRoles.NotAllowed("see the levels of support criteria"));
        return await db.RuleSets.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct) is { } stored
            ? OperationResult<RuleSetVersion>.Ok(stored)
            : OperationResult<RuleSetVersion>.Fail(CoreErrors.NotFound("rule set"));
    }
}
