using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SchoolSight.Core.ImprovingOutcomes;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Pages.Programme.Cases;

/// <summary>Warning notices (draft from template, SMT approval, issue as a PDF letter) and the other statutory powers. LA staff only.</summary>
[Authorize(Policy = Policies.ProgrammeStaff)]
public sealed class InterventionModel(GetCase get, DraftWarningNotice draft, ApproveWarningNotice approve, IssueWarningNotice issue,
    ProposeStatutoryPower propose, ApproveStatutoryPower approvePower, RecordPowerOutcome recordOutcome) : CasePageModel(get)
{
    [BindProperty] public WarningNoticeInput Draft { get; set; } = new();
    [BindProperty] public ApprovalInput Approval { get; set; } = new();
    [BindProperty] public PowerInput Power { get; set; } = new();
    [BindProperty] public PowerOutcomeInput Outcome { get; set; } = new();

    public Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => PageOrNotFoundAsync(id, ct);

    public async Task<IActionResult> OnPostDraftAsync(int id, CancellationToken ct) =>
        await BindingErrorsAsync(id, typeof(WarningNoticeInput), nameof(Draft), ct)
        ?? await DoneAsync(await draft.RunAsync(id, Draft, ct), id, "Warning notice drafted: it now needs the SMT's approval", nameof(Draft), ct);

    public async Task<IActionResult> OnPostApproveAsync(int id, int noticeId, CancellationToken ct) =>
        await DoneAsync(await approve.RunAsync(id, noticeId, Approval, ct), id, "Warning notice approved", nameof(Approval), ct);

    public async Task<IActionResult> OnPostIssueAsync(int id, int noticeId, int version, CancellationToken ct) =>
        await DoneAsync(await issue.RunAsync(id, noticeId, version, ct), id, "Warning notice issued: the letter is kept with the case", nameof(Draft), ct);

    public async Task<IActionResult> OnPostProposeAsync(int id, CancellationToken ct) =>
        await BindingErrorsAsync(id, typeof(PowerInput), nameof(Power), ct)
        ?? await DoneAsync(await propose.RunAsync(id, Power, ct), id, "Use of the power proposed for SMT approval", nameof(Power), ct);

    public async Task<IActionResult> OnPostApprovePowerAsync(int id, int useId, int version, CancellationToken ct) =>
        await DoneAsync(await approvePower.RunAsync(id, useId, version, ct), id, "Use of the power approved", nameof(Power), ct);

    public async Task<IActionResult> OnPostOutcomeAsync(int id, int useId, CancellationToken ct) =>
        await BindingErrorsAsync(id, typeof(PowerOutcomeInput), nameof(Outcome), ct)
        ?? await DoneAsync(await recordOutcome.RunAsync(id, useId, Outcome, ct), id, "Outcome recorded", nameof(Outcome), ct);
}
