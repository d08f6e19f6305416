using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SchoolSight.Core.ImprovingOutcomes;
using SchoolSight.Domain.ImprovingOutcomes;
using SchoolSight.Web.Authorization;
using SchoolSight.Web.Pages.Shared;

namespace SchoolSight.Web.Pages.Programme.Cases;

/// <summary>Warning notices (draft from template, SMT approval, issue as a PDF letter) and the other statutory powers. LA staff only.</summary>
[Authorize(Policy = Policies.ProgrammeStaff)]
public sealed class InterventionModel(GetCase get, DraftWarningNotice draft, ApproveWarningNotice approve, IssueWarningNotice issue,
    ProposeStatutoryPower propose, ApproveStatutoryPower approvePower, RecordPowerOutcome recordOutcome) : CasePageModel(get)
{
    [BindProperty] public WarningNoticeInput Draft { get; set; } = new();
    [BindProperty] public PowerInput Power { get; set; } = new();
    [BindProperty] public PowerOutcomeInput Outcome { get; set; } = new();

    public Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => PageOrNotFoundAsync(id, ct);

    public async Task<IActionResult> OnPostDraftAsync(int id, CancellationToken ct) =>
        await BindingErrorsAsync(id, typeof(WarningNoticeInput), nameof(Draft), ct)
        ?? await DoneAsync(await draft.RunAsync(id, Draft, ct), id, "Warning notice drafted: it now needs the SMT's approval", nameof(Draft), ct);

    /// <summary>The moves open to the reader on a warning notice, each with its reason box (the note of the SMT's approval).</summary>
    public MovesPanel NoticeMoves(WarningNotice notice) =>
        MovesPanel.Of(View.NoticeMoves.GetValueOrDefault(notice.Id) ?? [],
            (move, needed) => new MoveChoice(move.Name.ToString(), move.Title, needed,
                ReasonLabel: move.Name == WarningNoticeMove.Approve ? "Note of the SMT's approval (optional)" : null))
        with
        {
            Action = $"/Programme/Cases/{CaseId}/Intervention?handler=Move&noticeId={notice.Id}",
            ReasonField = "Note",
            Hidden = new Dictionary<string, string> { ["Version"] = notice.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        };

    /// <summary>Makes a move of a warning notice: the SMT approves it, the M&amp;I team issues it as a letter.</summary>
    public async Task<IActionResult> OnPostMoveAsync(int id, int noticeId, WarningNoticeMove? move, string? note, int version, CancellationToken ct) => move switch
    {
        WarningNoticeMove.Approve => await DoneAsync(await approve.RunAsync(id, noticeId, new ApprovalInput { Note = note, Version = version }, ct), id, "Warning notice approved", "", ct),
        WarningNoticeMove.Issue => await DoneAsync(await issue.RunAsync(id, noticeId, version, ct), id, "Warning notice issued: the letter is kept with the case", "", ct),
        _ => NotFound(),
    };

    public async Task<IActionResult> OnPostProposeAsync(int id, CancellationToken ct) =>
        await BindingErrorsAsync(id, typeof(PowerInput), nameof(Power), ct)
        ?? await DoneAsync(await propose.RunAsync(id, Power, ct), id, "Use of the power proposed for SMT approval", nameof(Power), ct);

    public async Task<IActionResult> OnPostApprovePowerAsync(int id, int useId, int version, CancellationToken ct) =>
        await DoneAsync(await approvePower.RunAsync(id, useId, version, ct), id, "Use of the power approved", nameof(Power), ct);

    public async Task<IActionResult> OnPostOutcomeAsync(int id, int useId, CancellationToken ct) =>
        await BindingErrorsAsync(id, typeof(PowerOutcomeInput), nameof(Outcome), ct)
        ?? await DoneAsync(await recordOutcome.RunAsync(id, useId, Outcome, ct), id, "Outcome recorded", nameof(Outcome), ct);
}
