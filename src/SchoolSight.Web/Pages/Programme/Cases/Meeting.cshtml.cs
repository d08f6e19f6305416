using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SchoolSight.Core.Documents;
using SchoolSight.Core.ImprovingOutcomes;
using SchoolSight.Domain.ImprovingOutcomes;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Pages.Programme.Cases;

/// <summary>One programme meeting: agenda, progress report, the record of the meeting, minutes, follow-up, and its report for governors.</summary>
[Authorize(Policy = Policies.ProgrammeReader)]
public sealed class MeetingModel(GetCase get, RecordAgendaSent agenda, SubmitProgressReport report, RecordMeetingHeld held, RecordMinutes minutes,
    RecordProfessionalsMeeting professionals, RecordGoverningBodyReport governors, RecordSipAgreement sipAgreement, GetMeetingReport meetingReport, IPdfRenderer pdf) : MeetingPageModel(get)
{
    [BindProperty] public MeetingDateInput Agenda { get; set; } = new();
    [BindProperty] public ProgressReportInput Report { get; set; } = new();
    [BindProperty] public MeetingHeldInput Held { get; set; } = new();
    [BindProperty] public MeetingDateInput Minutes { get; set; } = new();
    [BindProperty] public FollowUpInput Professionals { get; set; } = new();
    [BindProperty] public FollowUpInput Governors { get; set; } = new();
    [BindProperty] public SipAgreementInput Sip { get; set; } = new();

    public IEnumerable<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> AgreeChoices =>
        [new("Choose", ""), new("Yes, I agree", "true"), new("No, I do not agree", "false")];

    public async Task<IActionResult> OnGetAsync(int id, int meetingId, CancellationToken ct)
    {
        if (!await LoadMeetingAsync(id, meetingId, ct)) return NotFound();
        var m = Meeting;
        Held = new MeetingHeldInput { HeldOn = m.HeldOn ?? m.ScheduledFor, Attendance = m.Attendance, Decisions = m.Decisions, RevisedActionsAndTargets = m.RevisedActionsAndTargets, Judgement = m.Judgement };
        Agenda = new MeetingDateInput { On = m.AgendaSentOn };
        Minutes = new MeetingDateInput { On = m.MinutesCirculatedOn };
        Professionals = new FollowUpInput { On = m.ProfessionalsMeetingOn, Notes = m.ProfessionalsMeetingNotes };
        Governors = new FollowUpInput { On = m.ReportedToGoverningBodyOn, Notes = m.GoverningBodyFeedback };
        Sip = new SipAgreementInput { Agrees = m.SipAgrees, Comment = m.SipComment };
        Report = new ProgressReportInput { Summary = m.ProgressReportSummary, PartnershipWork = m.PartnershipWork, Evidence = [.. m.Evidence.Select(e => new EvidenceInput { PlanActionId = e.PlanActionId, Evidence = e.Evidence })] };
        return Page();
    }

    /// <summary>The meeting's report for the full governing body, as a PDF.</summary>
    public async Task<IActionResult> OnGetReportAsync(int id, int meetingId, CancellationToken ct)
    {
        if (await meetingReport.RunAsync(id, meetingId, ct) is not { } document) return NotFound();
        return File(await pdf.RenderAsync(document.Html, ct), "application/pdf", document.FileName);
    }

    public Task<IActionResult> OnPostAgendaAsync(int id, int meetingId, CancellationToken ct) =>
        RunAsync(id, meetingId, nameof(Agenda), typeof(MeetingDateInput), () => agenda.RunAsync(id, meetingId, Agenda, ct), "Agenda recorded as sent", ct);

    public Task<IActionResult> OnPostReportAsync(int id, int meetingId, CancellationToken ct) =>
        RunAsync(id, meetingId, nameof(Report), typeof(ProgressReportInput), () => report.RunAsync(id, meetingId, Report, ct), "Progress report submitted", ct);

    public Task<IActionResult> OnPostHeldAsync(int id, int meetingId, CancellationToken ct) =>
        RunAsync(id, meetingId, nameof(Held), typeof(MeetingHeldInput), () => held.RunAsync(id, meetingId, Held, ct), "Meeting recorded", ct);

    public Task<IActionResult> OnPostMinutesAsync(int id, int meetingId, CancellationToken ct) =>
        RunAsync(id, meetingId, nameof(Minutes), typeof(MeetingDateInput), () => minutes.RunAsync(id, meetingId, Minutes, ct), "Minutes recorded as circulated", ct);

    public Task<IActionResult> OnPostProfessionalsAsync(int id, int meetingId, CancellationToken ct) =>
        RunAsync(id, meetingId, nameof(Professionals), typeof(FollowUpInput), () => professionals.RunAsync(id, meetingId, Professionals, ct), "Professionals' meeting recorded", ct);

    public Task<IActionResult> OnPostSipAsync(int id, int meetingId, CancellationToken ct) =>
        RunAsync(id, meetingId, nameof(Sip), typeof(SipAgreementInput), () => sipAgreement.RunAsync(id, meetingId, Sip, ct), "Your agreement has been recorded", ct);

    public Task<IActionResult> OnPostGovernorsAsync(int id, int meetingId, CancellationToken ct) =>
        RunAsync(id, meetingId, nameof(Governors), typeof(FollowUpInput), () => governors.RunAsync(id, meetingId, Governors, ct), "Report to the governing body recorded", ct);

    private async Task<IActionResult> RunAsync(int id, int meetingId, string prefix, Type inputType, Func<Task<Core.OperationResult<int>>> run, string success, CancellationToken ct)
    {
        if (await BindingErrorsAsync(id, inputType, prefix, ct) is { } invalid)
            return await LoadMeetingAsync(id, meetingId, ct) ? invalid : NotFound();
        return await MeetingDoneAsync(await run(), id, meetingId, success, prefix, ct);
    }
}
