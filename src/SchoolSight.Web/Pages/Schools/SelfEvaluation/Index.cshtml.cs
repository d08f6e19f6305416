using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SchoolSight.Core.Voice;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Pages.Schools.SelfEvaluation;

/// <summary>
/// A school's well-being self-evaluation for a year: each outcome's judgement, state and the SIP's view, personal
/// development as the self-evaluation gives it, the groups the school names, the earlier years, and the PDF for the
/// governing body (<c>?handler=Pdf</c>).
/// </summary>
[Authorize(Policy = Policies.JudgementReader)]
public sealed class IndexModel(GetSelfEvaluation get, GetSelfEvaluationDocument document, NameSelfEvaluationGroups name) : PageModel
{
    public SelfEvaluationView View { get; private set; } = null!;

    [BindProperty] public List<string> Groups { get; set; } = [];
    [BindProperty] public int? Version { get; set; }

    public async Task<IActionResult> OnGetAsync(int urn, int? year, CancellationToken ct) => await LoadAsync(urn, year, ct) ?? Page();

    public async Task<IActionResult> OnGetPdfAsync(int urn, int? year, CancellationToken ct)
    {
        var result = await document.RunAsync(urn, year, ct);
        return this.Refusal(result) ?? File(result.Value!.Pdf, "application/pdf", result.Value.FileName);
    }

    public async Task<IActionResult> OnPostGroupsAsync(int urn, int year, CancellationToken ct)
    {
        var result = await name.RunAsync(urn, year, Groups, Version, ct);
        if (result.Succeeded)
        {
            TempData["Success"] = "The groups the self-evaluation looks at are saved";
            return Redirect($"/Schools/{urn}/SelfEvaluation?year={year}");
        }
        return await this.FailedAsync(result, async _ => await LoadAsync(urn, year, ct) is null, "");
    }

    private async Task<IActionResult?> LoadAsync(int urn, int? year, CancellationToken ct)
    {
        var result = await get.RunAsync(urn, year, ct);
        if (this.Refusal(result) is { } refused) return refused;
        View = result.Value!;
        return null;
    }
}
