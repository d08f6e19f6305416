using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SchoolSight.Core;
using SchoolSight.Core.ImprovingOutcomes;
using SchoolSight.Domain.ImprovingOutcomes;

namespace SchoolSight.Web.Pages.Programme;

/// <summary>What the pages of one programme meeting share: the case, loaded within the reader's school scope, and the meeting of it.</summary>
public abstract class MeetingPageModel(GetCase getCase) : CasePageModel(getCase)
{
    public ProgrammeMeeting Meeting { get; private set; } = null!;

    /// <summary>False when the case is not one the reader may see, or has no such meeting.</summary>
    protected async Task<bool> LoadMeetingAsync(int id, int meetingId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return false;
        Meeting = Case.Meetings.FirstOrDefault(m => m.Id == meetingId)!;
        return Meeting is not null;
    }

    /// <summary>As <see cref="CasePageModel.DoneAsync"/>, with the meeting loaded again when the page is shown with errors.</summary>
    protected async Task<IActionResult> MeetingDoneAsync<T>(OperationResult<T> result, int id, int meetingId, string success, string prefix, CancellationToken ct, string? redirect = null)
    {
        var done = await DoneAsync(result, id, success, prefix, ct, redirect);
        if (done is PageResult && !await LoadMeetingAsync(id, meetingId, ct)) return NotFound();
        return done;
    }
}
