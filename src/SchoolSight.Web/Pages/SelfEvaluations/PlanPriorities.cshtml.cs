using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SchoolSight.Core.Voice;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Voice;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Pages.SelfEvaluations;

/// <summary>The area's Children and Young People's Plan priorities: the LA's school improvement officers keep the list schools choose from.</summary>
[Authorize(Policy = Policies.PlanPriorityReader)]
public sealed class PlanPrioritiesModel(ListPlanPriorities list, KeepPlanPriority keep) : PageModel
{
    [BindProperty] public PlanPriorityInput Input { get; set; } = new();

    public IReadOnlyList<PlanPriority> Priorities { get; private set; } = [];
    public bool MayEdit => User.GetRole().Allows(Resource.PlanPriorities, ResourceAction.Edit);

    public async Task OnGetAsync(CancellationToken ct) => Priorities = await list.RunAsync(ct);

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        var result = await keep.RunAsync(id, Input, ct);
        if (result.Succeeded)
        {
            TempData["Success"] = id is null ? "Plan priority added" : "Plan priority changed";
            return Redirect("/SelfEvaluations/PlanPriorities");
        }
        return await this.FailedAsync(result, async _ => { Priorities = await list.RunAsync(ct); return true; });
    }
}
