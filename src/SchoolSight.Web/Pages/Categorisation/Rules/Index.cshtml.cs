using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SchoolSight.Core.Categorisation;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Pages.Categorisation.Rules;

/// <summary>
/// The versions of the levels of support criteria, and uploading a new one (DOMAIN.md 4: "a versioned rule set (a file
/// the LA can edit, validate and preview)"). A file with problems is refused whole, each problem by line and column.
/// </summary>
[Authorize(Policy = Policies.CategorisationReader)]
public sealed class IndexModel(ManageRuleSets manage) : PageModel
{
    public IReadOnlyList<RuleSetSummary> Versions { get; private set; } = [];

    [BindProperty] public IFormFile? Upload { get; set; }

    public bool CanUpload => User.GetRole() is { } role && CategorisationRoles.RuleEditors.Contains(role);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var versions = await manage.ListAsync(ct);
        if (this.Refusal(versions) is { } refused) return refused;
        Versions = versions.Value!;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!CanUpload) return Forbid();
        var result = Upload is { Length: > 0 }
            ? await manage.UploadAsync(Upload.OpenReadStream(), ct)
            : await manage.UploadAsync((string?)null, ct);
        if (result.Succeeded)
        {
            TempData["Success"] = $"Version {result.Value!.Version} uploaded as a draft. Preview it before adopting it.";
            return Redirect($"/Categorisation/Rules/{result.Value.Id}");
        }
        if (this.Refusal(result) is { } refusal) return refusal;
        foreach (var error in result.Errors) ModelState.AddModelError("Upload", error.Message);
        return await OnGetAsync(ct);
    }
}
