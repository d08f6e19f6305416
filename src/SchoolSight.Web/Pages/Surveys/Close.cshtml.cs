using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SchoolSight.Core.Voice;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Pages.Surveys;

/// <summary>Closes a survey before its last day (the LA, or the school's own users), after showing how many have answered.</summary>
[Authorize(Policy = Policies.SurveyRunner)]
public sealed class CloseModel(GetSurveyWindows windows, CloseSurveyWindow close) : PageModel
{
    public GetSurveyWindows.Window Window { get; private set; } = null!;

    [BindProperty] public int Version { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Version = Window.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        var result = await close.RunAsync(id, Version, ct);
        if (!result.Succeeded) return await this.FailedAsync(result, async conflict =>
        {
            if (!await LoadAsync(id, ct)) return false;
            if (conflict) Version = Window.Version;
            return true;
        }, "");
        TempData["Success"] = $"Survey closed: its codes are no longer accepted";
        return Redirect("/Surveys");
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        if ((await windows.RunAsync(windowId: id, ct: ct)).FirstOrDefault() is not { } window) return false;
        Window = window;
        return true;
    }
}
