using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SchoolSight.Core.Categorisation;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Pages.Categorisation;

/// <summary>
/// Levels of support and intervention for LA staff (DOMAIN.md 4): the adopted criteria, schools by level, and the
/// proposals waiting for the SMT. Proposers run the criteria; the SMT agrees unchanged levels in one go.
/// </summary>
[Authorize(Policy = Policies.CategorisationReader)]
public sealed class IndexModel(GetProposals get, ProposeLevels propose, AgreeLevel agree) : PageModel
{
    public CategorisationOverview Overview { get; private set; } = null!;

    [BindProperty] public string? Reason { get; set; }

    public bool CanPropose => User.GetRole() is { } role && CategorisationRoles.Proposers.Contains(role);
    public bool CanDecide => User.GetRole() is { } role && CategorisationRoles.Deciders.Contains(role);

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowAsync(ct);

    public async Task<IActionResult> OnPostProposeAsync(CancellationToken ct)
    {
        var result = await propose.RunAsync(null, ct);
        if (result.Succeeded)
        {
            var run = result.Value!;
            TempData["Success"] = $"Criteria version {run.RuleSetVersion} applied to {run.Schools} schools: {run.New} new proposals, {run.Unchanged} unchanged; {run.DifferFromCurrent} differ from the agreed level and {run.NeedReview} need evidence reviewed";
            return RedirectToPage();
        }
        if (this.Refusal(result) is { } refused) return refused;
        ModelState.AddOperationErrors(result.Errors, "");
        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostAgreeUnchangedAsync(CancellationToken ct)
    {
        var result = await agree.AgreeUnchangedAsync(Reason, ct);
        if (result.Succeeded)
        {
            TempData["Success"] = $"{result.Value} schools' levels agreed unchanged";
            return RedirectToPage();
        }
        if (this.Refusal(result) is { } refused) return refused;
        ModelState.AddOperationErrors(result.Errors, "");
        return await ShowAsync(ct);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        var overview = await get.OverviewAsync(ct);
        if (this.Refusal(overview) is { } refused) return refused;
        Overview = overview.Value!;
        return Page();
    }
}
