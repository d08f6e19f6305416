using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SchoolSight.Core.Categorisation;
using SchoolSight.Domain.Categorisation;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Pages.Categorisation.Proposals;

/// <summary>
/// One school's proposal: every rule that fired with its evidence and the dates of the data, the rules that could not
/// be tested and why, and the school's history of levels. An SMT member agrees it or sets another level with a reason.
/// </summary>
[Authorize(Policy = Policies.CategorisationReader)]
public sealed class DetailsModel(GetProposals get, AgreeLevel agree) : PageModel
{
    public ProposalDetail Detail { get; private set; } = null!;

    [BindProperty] public DecisionForm Input { get; set; } = new();

    public bool CanDecide => User.GetRole() is { } role && CategorisationRoles.Deciders.Contains(role) && Detail.Proposal.IsOpen;

    public sealed class DecisionForm
    {
        /// <summary>"agree", or a level's name to set another.</summary>
        public string? Choice { get; set; }
        public string? Reason { get; set; }
        public int Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var found = await get.DetailAsync(id, ct);
        if (this.Refusal(found) is { } refused) return refused;
        var detail = Detail = found.Value!;
        Input.Version = detail.Proposal.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        var found = await get.DetailAsync(id, ct);
        if (this.Refusal(found) is { } refused) return refused;
        var detail = Detail = found.Value!;
        LevelOfSupport? level = null;
        if (string.IsNullOrEmpty(Input.Choice))
            ModelState.AddModelError("Input.Choice", "Choose whether to agree the proposed level or set another");
        else if (Input.Choice != "agree")
        {
            if (!LevelsOfSupport.TryParse(Input.Choice, out var chosen)) ModelState.AddModelError("Input.Choice", "Choose a level from the list");
            else level = chosen;
        }
        if (!ModelState.IsValid) return Page();

        var result = await agree.RunAsync(new LevelDecisionInput(id, Input.Version, level, Input.Reason), ct);
        if (result.Succeeded)
        {
            TempData["Success"] = $"{detail.SchoolName}'s level of support is now {result.Value!.Level.Describe().ToLowerInvariant()}";
            return Redirect("/Categorisation");
        }
        return await this.FailedAsync(result, async conflict =>
        {
            if (!conflict) return true;
            var fresh = await get.DetailAsync(id, ct);
            if (!fresh.Succeeded) return false;
            Detail = fresh.Value!;
            Input.Version = Detail.Proposal.Version;
            return true;
        });
    }
}
