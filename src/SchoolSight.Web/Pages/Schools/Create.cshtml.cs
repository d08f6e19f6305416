using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SchoolSight.Core.Register;
using SchoolSight.Domain.Register;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Pages.Schools;

/// <summary>Add a school to the register by hand. LA administrators only.</summary>
[Authorize(Policy = Policies.LaAdministrator)]
public sealed class CreateModel(CreateSchool create, ListLocalities localities, ListClusters clusters) : SchoolFormModel(localities, clusters)
{
    public async Task OnGetAsync(CancellationToken ct)
    {
        Input = new SchoolInput { Status = SchoolStatus.Open, ClusterIds = [] };
        await LoadChoicesAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (InputBound())
        {
            var result = await create.RunAsync(Input, ct);
            if (result.Succeeded)
            {
                TempData["Success"] = $"{Input.Name!.Trim()} (URN {result.Value}) has been added to the register";
                return Redirect($"/Schools/{result.Value}");
            }
            ModelState.AddOperationErrors(result.Errors);
        }
        await LoadChoicesAsync(ct);
        return Page();
    }
}
