using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SchoolSight.Core.ImprovingOutcomes;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Pages.Programme.Cases;

/// <summary>The plan the programme works from and its actions.</summary>
[Authorize(Policy = Policies.ProgrammeReader)]
public sealed class PlanModel(GetCase get, ChoosePlan choosePlan, AddPlanAction addAction) : CasePageModel(get)
{
    [BindProperty] public PlanInput Choice { get; set; } = new();
    [BindProperty] public PlanActionInput NewAction { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Choice = new PlanInput { Kind = Case.PlanKind, Title = Case.PlanTitle, NotRobustReason = Case.PlanNotRobustReason };
        return Page();
    }

    public async Task<IActionResult> OnPostChooseAsync(int id, CancellationToken ct) =>
        await BindingErrorsAsync(id, typeof(PlanInput), nameof(Choice), ct)
        ?? await DoneAsync(await choosePlan.RunAsync(id, Choice, ct), id, "Plan saved", nameof(Choice), ct);

    public async Task<IActionResult> OnPostAddAsync(int id, CancellationToken ct) =>
        await BindingErrorsAsync(id, typeof(PlanActionInput), nameof(NewAction), ct)
        ?? await DoneAsync(await addAction.RunAsync(id, NewAction, ct), id, "Action added to the plan", nameof(NewAction), ct);
}
