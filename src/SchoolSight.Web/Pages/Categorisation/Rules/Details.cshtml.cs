using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SchoolSight.Core.Categorisation;
using SchoolSight.Domain.Categorisation;
using SchoolSight.Domain.Categorisation.Rules;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Pages.Categorisation.Rules;

/// <summary>
/// One version of the criteria: its rules in plain words with their sources, the file itself, and for a draft the
/// what-if preview (which schools would move, which way and why) with the form to adopt it.
/// </summary>
[Authorize(Policy = Policies.CategorisationReader)]
public sealed class DetailsModel(ManageRuleSets manage, RuleSets ruleSets, PreviewRuleSet preview) : PageModel
{
    public RuleSetVersion Stored { get; private set; } = null!;
    public RuleSet? Rules { get; private set; }
    public WhatIf? WhatIf { get; private set; }
    public string? PreviewProblem { get; private set; }

    [BindProperty] public string? Reason { get; set; }

    public bool CanAdopt => User.GetRole() is { } role && CategorisationRoles.RuleAdopters.Contains(role) && Stored.Status != RuleSetStatus.Adopted;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetDownloadAsync(long id, CancellationToken ct)
    {
        var found = await manage.FindAsync(id, ct);
        if (this.Refusal(found) is { } refused) return refused;
        var stored = found.Value!;
        return File(Encoding.UTF8.GetBytes(stored.Content), "application/yaml", $"levels-of-support-{stored.Version}.yaml");
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        var result = await manage.AdoptAsync(id, Reason, ct);
        if (result.Succeeded)
        {
            TempData["Success"] = $"Version {result.Value!.Version} adopted. Propose levels again to apply it.";
            return Redirect("/Categorisation");
        }
        return await this.FailedAsync(result, _ => LoadAsync(id, ct), "");
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        if ((await manage.FindAsync(id, ct)).Value is not { } stored) return false;
        Stored = stored;
        Rules = ruleSets.Parse(stored).RuleSet;
        if (stored.Status != RuleSetStatus.Adopted && Rules is not null)
        {
            var result = await preview.RunAsync(Rules, ct);
            if (result.Succeeded) WhatIf = result.Value;
            else PreviewProblem = string.Join(" ", result.Errors.Select(e => e.Message));
        }
        return true;
    }
}

/// <summary>The shipped default criteria as a file, to edit and upload.</summary>
[Authorize(Policy = Policies.CategorisationReader)]
public sealed class DefaultModel : PageModel
{
    public IActionResult OnGet() => File(Encoding.UTF8.GetBytes(RuleSets.ReadDefault()), "application/yaml", "levels-of-support-default.yaml");
}
