using Microsoft.AspNetCore.Mvc;
using SchoolSight.Core.Attachments;
using SchoolSight.Core.ImprovingOutcomes;

namespace SchoolSight.Web.Pages.Programme.Cases;

/// <summary>What the files section of a programme meeting shows: its files and, to those who may add them, the upload form.</summary>
public sealed record ProgressEvidenceFilesView(int CaseId, int MeetingId, IReadOnlyList<AttachmentRow> Files, bool CanChange, string Hint)
{
    public string BaseUrl => $"/Programme/Cases/{CaseId}/Meetings/{MeetingId}/Files";
}

/// <summary>
/// The files attached to a meeting's progress evidence, on the meeting's page and on the page an upload comes back
/// to: everyone who may read the case downloads them; <c>canChange</c> (those who may add progress evidence, while the
/// case runs) adds the GOV.UK file upload and remove buttons. Nothing is shown for a meeting the reader may not see.
/// </summary>
public sealed class ProgressEvidenceFilesViewComponent(ListProgressEvidenceFiles list, AttachmentOptions options) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int caseId, int meetingId, bool canChange)
    {
        if (await list.RunAsync(caseId, meetingId, HttpContext.RequestAborted) is not { } files) return Content("");
        var hint = $"A {string.Join(", ", options.AllowedTypes.Select(t => t.ToUpperInvariant()))} file, up to {Domain.Attachments.AttachmentErrors.Describe(options.MaxBytes)}. " +
                   $"Up to {options.MaxPerRecord} files for each meeting.";
        return View(new ProgressEvidenceFilesView(caseId, meetingId, files, canChange, hint));
    }
}
