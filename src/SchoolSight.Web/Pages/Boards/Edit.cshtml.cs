using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SchoolSight.Core.Categorisation;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Pages.Boards;

/// <summary>Changes a meeting's date, purpose or notes. A stale form shows who changed it since, with the current values.</summary>
[Authorize(Policy = Policies.BoardOrganiser)]
public sealed class EditModel(GetBoardMeeting get, EditBoardMeeting edit) : PageModel
{
    [BindProperty] public BoardMeetingInput Input { get; set; } = new();
    public BoardMeetingView Meeting { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, replaceInput: true, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            ModelState.UseGovukBindingMessages(typeof(BoardMeetingInput));
            return await LoadAsync(id, replaceInput: false, ct) ? Page() : NotFound();
        }
        var result = await edit.RunAsync(id, Input, ct);
        if (result.Succeeded)
        {
            TempData["Success"] = "The meeting has been saved";
            return Redirect($"/Boards/{id}");
        }
        return await this.FailedAsync(result, conflict => LoadAsync(id, replaceInput: conflict, ct));
    }

    private async Task<bool> LoadAsync(int id, bool replaceInput, CancellationToken ct)
    {
        if (await get.RunAsync(id, ct) is not { } meeting) return false;
        Meeting = meeting;
        if (replaceInput) Input = new BoardMeetingInput { MeetsOn = meeting.MeetsOn, Purpose = meeting.Purpose, Notes = meeting.Notes, Version = meeting.Version };
        return true;
    }
}
