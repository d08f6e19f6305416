using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SchoolSight.Core.ImprovingOutcomes;
using SchoolSight.Domain.ImprovingOutcomes;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Pages.Programme.Cases;

/// <summary>Changes an action and records its progress. A stale form is refused, naming who saved the action since.</summary>
[Authorize(Policy = Policies.ProgrammeContributor)]
public sealed class EditActionModel(GetCase get, EditPlanAction edit) : CasePageModel(get)
{
    [BindProperty] public PlanActionInput Input { get; set; } = new();
    public PlanAction Action { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, int actionId, CancellationToken ct)
    {
        if (!await LoadActionAsync(id, actionId, ct)) return NotFound();
        Input = FromAction(Action);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int actionId, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            ModelState.UseGovukBindingMessages(typeof(PlanActionInput));
            return await LoadActionAsync(id, actionId, ct) ? Page() : NotFound();
        }
        var result = await edit.RunAsync(id, actionId, Input, ct);
        if (result.Succeeded)
        {
            TempData["Success"] = "Action saved";
            return Redirect($"/Programme/Cases/{id}/Plan");
        }
        return await this.FailedAsync(result, async conflict =>
        {
            if (!await LoadActionAsync(id, actionId, ct)) return false;
            if (conflict) Input = FromAction(Action);
            return true;
        });
    }

    private async Task<bool> LoadActionAsync(int id, int actionId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return false;
        Action = Case.PlanActions.FirstOrDefault(a => a.Id == actionId)!;
        return Action is not null;
    }

    private static PlanActionInput FromAction(PlanAction a) => new()
    {
        Description = a.Description,
        Owner = a.Owner,
        DueOn = a.DueOn,
        SuccessCriteria = a.SuccessCriteria,
        Status = a.Status,
        ProgressNote = a.ProgressNote,
        Version = a.Version,
    };
}
