using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Access;
using SchoolSight.Core.Calendar;
using SchoolSight.Core.Data;
using SchoolSight.Core.Documents;
using SchoolSight.Core.Workflows;
using SchoolSight.Domain;
using SchoolSight.Domain.ImprovingOutcomes;

namespace SchoolSight.Core.ImprovingOutcomes;

public sealed record WarningNoticeInput
{
    public string? Grounds { get; set; }
    public string? RequiredActions { get; set; }
    public DateOnly? ComplyBy { get; set; }

    /// <summary>The letter's text; left empty, it is drafted from the template.</summary>
    public string? Letter { get; set; }
}

/// <summary>Drafts a warning notice from the LA's template; allowed only once the three-term flag is raised.</summary>
[Operation]
public sealed class DraftWarningNotice(AppDbContext db)
{
    public async Task<OperationResult<int>> RunAsync(int caseId, WarningNoticeInput input, CancellationToken ct = default)
    {
        var urn = await db.ProgrammeCases.Where(c => c.Id == caseId).Select(c => (int?)c.Urn).FirstOrDefaultAsync(ct);
        if (urn is null) return OperationResult<int>.Fail(CoreErrors.NotFound("case"));
        var school = await db.SchoolNameAsync(urn.Value, ct);
        var la = await db.LocalAuthorities.Select(l => l.Name).FirstOrDefaultAsync(ct) ?? "The local authority";
        WarningNotice? notice = null;
        var result = await db.ChangeCaseAsync(caseId, null, (c, actor, calendar) =>
        {
            var complyBy = input.ComplyBy;
            var letter = string.IsNullOrWhiteSpace(input.Letter) && complyBy is { } by && !string.IsNullOrWhiteSpace(input.Grounds) && !string.IsNullOrWhiteSpace(input.RequiredActions)
                ? WarningNoticeTemplate.Draft(school, la, input.Grounds.Trim(), input.RequiredActions.Trim(), by, ThreeTermsRule.Evaluate(c, calendar, db.Today()))
                : input.Letter ?? "";
            notice = c.DraftWarningNotice(input.Grounds ?? "", input.RequiredActions ?? "", complyBy, letter, actor, db.UtcNow, db.Today(), calendar);
            return 0;
        }, ct);
        return result.Succeeded ? OperationResult<int>.Ok(notice!.Id) : OperationResult<int>.Fail(result.Errors);
    }
}

public sealed record ApprovalInput
{
    public string? Note { get; set; }
    public int Version { get; set; }
}

/// <summary>The SMT approves a drafted warning notice.</summary>
[Operation]
public sealed class ApproveWarningNotice(AppDbContext db)
{
    public Task<OperationResult<int>> RunAsync(int caseId, int noticeId, ApprovalInput input, CancellationToken ct = default) =>
        db.ChangeCaseAsync(caseId, null, (c, actor, _) =>
        {
            var notice = c.WarningNotice(noticeId);
            db.ExpectVersion(notice, input.Version);
            if (notice.Version != input.Version) throw new DomainException(CoreErrors.Conflict("warning notice", notice.UpdatedBy, notice.UpdatedAt));
            notice.Approve(db.MoveBy(actor, input.Note));
            return noticeId;
        }, ct, "warning notice", c => c.WarningNotices.First(w => w.Id == noticeId));
}

/// <summary>
/// Issues an approved warning notice: renders the letter as a PDF, keeps it with the notice, and records the use
/// of the statutory power.
/// </summary>
[Operation]
public sealed class IssueWarningNotice(AppDbContext db, IPdfRenderer pdf, PeopleNames people)
{
    public async Task<OperationResult<int>> RunAsync(int caseId, int noticeId, int version, CancellationToken ct = default)
    {
        var found = await db.ProgrammeCases.AsNoTracking().Include(c => c.WarningNotices).Where(c => c.Id == caseId).FirstOrDefaultAsync(ct);
        if (found?.WarningNotices.FirstOrDefault(w => w.Id == noticeId) is not { } draft) return OperationResult<int>.Fail(CoreErrors.NotFound("warning notice"));
        if (draft.Status != WarningNoticeStatus.Approved) return OperationResult<int>.Fail(ProgrammeErrors.WarningNoticeStatus("issue", draft.Status));
        var school = await db.SchoolNameAsync(found.Urn, ct);
        var la = await db.LocalAuthorities.Select(l => l.Name).FirstOrDefaultAsync(ct) ?? "The local authority";
        var bytes = await pdf.RenderAsync(WarningNoticeTemplate.Html(draft, await people.NameAsync(draft.ApprovedBy, ct), school, found.Urn, la, db.Today()), ct);
        return await db.ChangeCaseAsync(caseId, null, (c, actor, _) =>
        {
            var notice = c.WarningNotice(noticeId);
            db.ExpectVersion(notice, version);
            if (notice.Version != version) throw new DomainException(CoreErrors.Conflict("warning notice", notice.UpdatedBy, notice.UpdatedAt));
            c.IssueWarningNotice(noticeId, bytes, db.MoveBy(actor, null), db.Clock.DateOf);
            return noticeId;
        }, ct, "warning notice", c => c.WarningNotices.First(w => w.Id == noticeId));
    }
}

public sealed record PowerInput
{
    public StatutoryPower? Power { get; set; }
    public string? Rationale { get; set; }
}

/// <summary>Proposes the use of a statutory power (other than a warning notice) for the SMT to approve.</summary>
[Operation]
public sealed class ProposeStatutoryPower(AppDbContext db)
{
    public Task<OperationResult<int>> RunAsync(int caseId, PowerInput input, CancellationToken ct = default) =>
        db.ChangeCaseAsync(caseId, null, (c, actor, _) =>
        {
            if (input.Power is null) throw new DomainException(ProgrammeErrors.Required("Power", "Choose the power"));
            c.ProposePower(input.Power.Value, input.Rationale ?? "", actor, db.Today());
            return c.Id;
        }, ct);
}

/// <summary>The SMT approves the use of a statutory power.</summary>
[Operation]
public sealed class ApproveStatutoryPower(AppDbContext db)
{
    public Task<OperationResult<int>> RunAsync(int caseId, int useId, int version, CancellationToken ct = default) =>
        db.ChangeCaseAsync(caseId, null, (c, actor, _) =>
        {
            var use = c.Power(useId);
            db.ExpectVersion(use, version);
            if (use.Version != version) throw new DomainException(CoreErrors.Conflict("record", use.UpdatedBy, use.UpdatedAt));
            use.Approve(db.MoveBy(actor, null));
            return useId;
        }, ct, "record", c => c.Powers.First(p => p.Id == useId));
}

public sealed record PowerOutcomeInput
{
    public string? Outcome { get; set; }
    public DateOnly? On { get; set; }
    public int Version { get; set; }
}

/// <summary>Records the outcome of an approved use of a statutory power.</summary>
[Operation]
public sealed class RecordPowerOutcome(AppDbContext db)
{
    public Task<OperationResult<int>> RunAsync(int caseId, int useId, PowerOutcomeInput input, CancellationToken ct = default) =>
        db.ChangeCaseAsync(caseId, null, (c, actor, _) =>
        {
            var use = c.Power(useId);
            db.ExpectVersion(use, input.Version);
            if (use.Version != input.Version) throw new DomainException(CoreErrors.Conflict("record", use.UpdatedBy, use.UpdatedAt));
            use.RecordOutcome(actor, input.Outcome ?? "", input.On, db.Today());
            return useId;
        }, ct, "record", c => c.Powers.First(p => p.Id == useId));
}
