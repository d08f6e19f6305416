using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SchoolSight.Core.Categorisation;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Pages.Boards;

/// <summary>Adds a meeting of the SSEB or of a locality board.</summary>
[Authorize(Policy = Policies.BoardOrganiser)]
public sealed class CreateModel(ListBoardMeetings list, CreateBoardMeeting create) : PageModel
{
    [BindProperty] public BoardMeetingInput Input { get; set; } = new();
    public IReadOnlyList<BoardSchedule> Boards { get; private set; } = [];

    public async Task OnGetAsync(string? board, CancellationToken ct)
    {
        Boards = await list.RunAsync(ct);
        Input.Board = board;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Boards = await list.RunAsync(ct);
        if (!ModelState.IsValid)
        {
            ModelState.UseGovukBindingMessages(typeof(BoardMeetingInput));
            return Page();
        }
        var result = await create.RunAsync(Input, ct);
        if (result.Succeeded)
        {
            TempData["Success"] = "The meeting has been added";
            return Redirect($"/Boards/{result.Value}");
        }
        ModelState.AddOperationErrors(result.Errors);
        return Page();
    }
}
