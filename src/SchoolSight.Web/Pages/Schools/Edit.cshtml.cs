using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SchoolSight.Core.Register;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Pages.Schools;

/// <summary>
/// Change a school's details, locality and clusters. LA administrators only. The form carries the version it was
/// opened at: if someone saved the school in the meantime, nothing is saved and the page shows who, and the current details.
/// </summary>
[Authorize(Policy = Policies.LaAdministrator)]
public sealed class EditModel(GetSchoolProfile get, EditSchool edit, IAuthorizationService authorization, ListLocalities localities, ListClusters clusters)
    : SchoolFormModel(localities, clusters)
{
    public int Urn { get; private set; }
    public string SchoolName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int urn, CancellationToken ct)
    {
        if (!await MayEditAsync(urn)) return Forbid();
        if (!await LoadCurrentAsync(urn, ct)) return NotFound();
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int urn, CancellationToken ct)
    {
        if (!await MayEditAsync(urn)) return Forbid();
        if (InputBound())
        {
            var result = await edit.RunAsync(urn, Input, ct);
            if (result.Succeeded)
            {
                TempData["Success"] = $"The details of {Input.Name!.Trim()} have been saved";
                return Redirect($"/Schools/{urn}");
            }
            if (this.Refusal(result) is { } refused) return refused;
            if (result.IsConflict)
            {
                // Show what is saved now, so the user can make their change again on top of it.
                ModelState.Clear();
                if (!await LoadCurrentAsync(urn, ct)) return NotFound();
            }
            ModelState.AddOperationErrors(result.Errors);
        }
        if (SchoolName.Length == 0 && !await LoadNameAsync(urn, ct)) return NotFound();
        await LoadChoicesAsync(ct);
        return Page();
    }

    private async Task<bool> MayEditAsync(int urn)
    {
        Urn = urn;
        return (await authorization.AuthorizeAsync(User, new SchoolResource(urn), SchoolOperations.Edit)).Succeeded;
    }

    private async Task<bool> LoadCurrentAsync(int urn, CancellationToken ct)
    {
        if (await get.RunAsync(urn, ct) is not { } profile) return false;
        SchoolName = profile.Details.Name;
        Input = SchoolInput.From(urn, profile.Details, profile.Locality?.Id, profile.Clusters.Select(c => c.Id), profile.Version);
        return true;
    }

    private async Task<bool> LoadNameAsync(int urn, CancellationToken ct)
    {
        if (await get.RunAsync(urn, ct) is not { } profile) return false;
        SchoolName = profile.Details.Name;
        return true;
    }
}
