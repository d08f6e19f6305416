using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SchoolSight.Core.HealthySchools;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Pages.HealthySchools;

/// <summary>A partner's Healthy Schools activities: those that name their organisation, at the schools planning or delivering them.</summary>
[Authorize(Policy = Policies.PartnerActivitiesReader)]
public sealed class MyActivitiesModel(ListPartnerActivities list) : PageModel
{
    public IReadOnlyList<PartnerActivityRow> Activities { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await list.RunAsync(ct);
        if (this.Refusal(result) is { } refused) return refused;
        Activities = result.Value!;
        return Page();
    }
}
