using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using SchoolSight.Core.ImprovingOutcomes;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Pages.Programme.Cases;

/// <summary>The case's programme budget, the school's contribution and spending against the plan's actions.</summary>
[Authorize(Policy = Policies.ProgrammeReader)]
public sealed class FundingModel(GetCase get, SetCaseBudget setBudget, AddSpendingLine addSpending) : CasePageModel(get)
{
    [BindProperty] public BudgetInput Budget { get; set; } = new();
    [BindProperty] public SpendingInput Spend { get; set; } = new();

    public IEnumerable<SelectListItem> ActionChoices =>
        [new SelectListItem("Choose an action", "0"), .. Case.PlanActions.OrderBy(a => a.Number).Select(a => new SelectListItem($"{a.Number}. {a.Description}", a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Budget = new BudgetInput { ProgrammeBudget = Case.ProgrammeBudget, SchoolContribution = Case.SchoolContribution };
        return Page();
    }

    public async Task<IActionResult> OnPostBudgetAsync(int id, CancellationToken ct) =>
        await BindingErrorsAsync(id, typeof(BudgetInput), nameof(Budget), ct)
        ?? await DoneAsync(await setBudget.RunAsync(id, Budget, ct), id, "Budget saved", nameof(Budget), ct);

    public async Task<IActionResult> OnPostSpendAsync(int id, CancellationToken ct) =>
        await BindingErrorsAsync(id, typeof(SpendingInput), nameof(Spend), ct)
        ?? await DoneAsync(await addSpending.RunAsync(id, Spend, ct), id, "Spending recorded", nameof(Spend), ct);
}
