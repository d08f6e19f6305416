using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SchoolSight.Core.Categorisation;
using SchoolSight.Core.Voice;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Pages.SelfEvaluations;

/// <summary>
/// The LA's view of every school's well-being self-evaluation for a year: status and judgement per outcome, who has not
/// completed one, the outcomes schools judge weakest and the plan priorities that recur; filtered by locality and
/// phase; <c>?format=csv|xlsx</c> downloads the table.
/// </summary>
[Authorize(Policy = Policies.RiskRegisterReader)]
public sealed class IndexModel(GetSelfEvaluationOverview get) : PageModel
{
    public SelfEvaluationOverview View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int? year, string? locality, string? phase, string? format, CancellationToken ct)
    {
        var (filter, errors) = RiskRegisterFilter.Parse(locality, phase, null);
        ModelState.AddOperationErrors(errors, "");
        var result = await get.RunAsync(year, filter, ct);
        if (this.Refusal(result) is { } refused) return refused;
        View = result.Value!;
        return DataExports.File(format, $"wellbeing-self-evaluations-{View.AcademicYear}", () => GetSelfEvaluationOverview.Export(View)) ?? Page();
    }
}
