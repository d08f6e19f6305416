using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SchoolSight.Core.Voice;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Pages.Schools.Surveys;

/// <summary>
/// "What you told us": the one-page summary of the school's latest survey for pupils, as a page to show them, a PDF
/// (<c>?handler=Pdf</c>) and, for the school, a form to change it from the version it saw before sharing it.
/// </summary>
[Authorize(Policy = Policies.SurveyReader)]
public sealed class WhatYouToldUsModel(GetSurveySummary get, SaveSurveySummary save, GetSurveySummaryDocument document) : PageModel
{
    public SurveySummaryView View { get; private set; } = null!;

    [BindProperty] public string? Text { get; set; }
    [BindProperty] public int? Version { get; set; }
    [BindProperty] public int AcademicYear { get; set; }

    public async Task<IActionResult> OnGetAsync(int urn, CancellationToken ct) => await LoadAsync(urn, true, ct) ?? Page();

    public async Task<IActionResult> OnGetPdfAsync(int urn, CancellationToken ct)
    {
        var result = await document.RunAsync(urn, ct);
        return this.Refusal(result) ?? File(result.Value!.Pdf, "application/pdf", result.Value.FileName);
    }

    public async Task<IActionResult> OnPostAsync(int urn, CancellationToken ct)
    {
        var result = await save.RunAsync(urn, AcademicYear, Text, Version, ct);
        if (result.Succeeded)
        {
            TempData["Success"] = "The summary is saved";
            return Redirect($"/Schools/{urn}/Surveys/WhatYouToldUs");
        }
        return await this.FailedAsync(result, async conflict => await LoadAsync(urn, conflict, ct) is null, "");
    }

    /// <param name="fill">Fill the form from what is held (on opening, and after a stale save, so the school sees the current text).</param>
    private async Task<IActionResult?> LoadAsync(int urn, bool fill, CancellationToken ct)
    {
        var result = await get.RunAsync(urn, ct);
        if (this.Refusal(result) is { } refused) return refused;
        View = result.Value!;
        if (fill)
        {
            Text = View.Text;
            Version = View.Version;
            AcademicYear = View.AcademicYear ?? 0;
        }
        return null;
    }
}
