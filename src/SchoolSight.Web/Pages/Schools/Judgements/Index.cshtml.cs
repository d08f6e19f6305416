using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SchoolSight.Core.Categorisation;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Pages.Schools.Judgements;

/// <summary>A school's self-evaluation and SIP judgements by year, side by side. Not found outside the reader's schools.</summary>
[Authorize(Policy = Policies.JudgementReader)]
public sealed class IndexModel(GetJudgements get) : PageModel
{
    public JudgementsView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int urn, CancellationToken ct)
    {
        var result = await get.RunAsync(urn, ct);
        if (this.Refusal(result) is { } refused) return refused;
        View = result.Value!;
        return Page();
    }
}
