using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SchoolSight.Core.Attachments;
using SchoolSight.Core.ImprovingOutcomes;
using SchoolSight.Domain.ImprovingOutcomes;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Pages.Programme.Cases;

/// <summary>
/// The files of a programme meeting's progress evidence: downloads for everyone who may read the case; uploads and
/// removals for those who may add progress evidence. An upload or removal goes back to the meeting's page; a refused
/// upload stays here with the GOV.UK error summary, and nothing of the file is kept.
/// </summary>
[Authorize(Policy = Policies.ProgrammeReader)]
[RequestSizeLimit(AttachmentOptions.LargestRequest)]
[RequestFormLimits(MultipartBodyLengthLimit = AttachmentOptions.LargestRequest)]
public sealed class MeetingFilesModel(GetCase get, AttachProgressEvidenceFile attach, OpenProgressEvidenceFile open, RemoveProgressEvidenceFile remove) : MeetingPageModel(get)
{
    [BindProperty(Name = "File")] public IFormFile? Upload { get; set; }
    [BindProperty] public string? Description { get; set; }

    public bool CanChangeFiles => CanContribute && Case.State is CaseState.BaselineRecorded or CaseState.Active;

    public async Task<IActionResult> OnGetAsync(int id, int meetingId, CancellationToken ct) =>
        await LoadMeetingAsync(id, meetingId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetDownloadAsync(int id, int meetingId, Guid fileId, CancellationToken ct)
    {
        var result = await open.RunAsync(id, meetingId, fileId, ct);
        if (!result.Succeeded) return result.IsForbidden ? Forbid() : NotFound();
        AttachmentDownloads.Prepare(Response);
        return File(result.Value!.Content, result.Value.File.ContentType, result.Value.File.FileName);
    }

    public async Task<IActionResult> OnPostAsync(int id, int meetingId, CancellationToken ct)
    {
        ModelState.Clear();
        await using var content = Upload?.OpenReadStream();
        var result = await attach.RunAsync(id, meetingId, new AttachFile.Upload(content, Upload?.FileName, Description), ct);
        return await AfterAsync(result, id, meetingId, $"File attached: {result.Value?.FileName}", ct);
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, int meetingId, Guid fileId, CancellationToken ct)
    {
        var result = await remove.RunAsync(id, meetingId, fileId, ct);
        return await AfterAsync(result, id, meetingId, $"File removed: {result.Value?.FileName}", ct);
    }

    private async Task<IActionResult> AfterAsync(Core.OperationResult<AttachmentRow> result, int id, int meetingId, string success, CancellationToken ct)
    {
        if (result.IsForbidden) return Forbid();
        return await MeetingDoneAsync(result, id, meetingId, success, "", ct, $"/Programme/Cases/{id}/Meetings/{meetingId}#evidence-files");
    }
}
