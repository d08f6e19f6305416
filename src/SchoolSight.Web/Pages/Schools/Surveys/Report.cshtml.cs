using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SchoolSight.Core.Voice;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Pages.Schools.Surveys;

/// <summary>The school's survey report (private to the school, its SIP and the LA), and its PDF (<c>?handler=Pdf</c>).</summary>
[Authorize(Policy = Policies.SurveyReader)]
public sealed class ReportModel(GetSurveyReport get, GetSurveyReportDocument document) : PageModel
{
    public SurveyReportView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int urn, CancellationToken ct)
    {
        var result = await get.RunAsync(urn, ct);
        if (this.Refusal(result) is { } refused) return refused;
        View = result.Value!;
        return Page();
    }

    public async Task<IActionResult> OnGetPdfAsync(int urn, CancellationToken ct)
    {
        var result = await document.RunAsync(urn, ct);
        return this.Refusal(result) ?? File(result.Value!.Pdf, "application/pdf", result.Value.FileName);
    }
}
