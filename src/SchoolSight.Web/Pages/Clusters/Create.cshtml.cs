using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SchoolSight.Core.Register;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Pages.Clusters;

[Authorize(Policy = Policies.LaAdministrator)]
public sealed class CreateModel(CreateCluster create) : PageModel
{
    [BindProperty] public ClusterInput Input { get; set; } = new();

    /// <summary>The URNs typed in the "add" box, read by <see cref="UrnList"/>.</summary>
    [BindProperty] public string? AddUrns { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.UseGovukBindingMessages(typeof(ClusterInput));
        Input.AddUrns = UrnList.Read(AddUrns, ModelState);
        if (!ModelState.IsValid) return Page();
        var result = await create.RunAsync(Input, ct);
        if (result.Succeeded)
        {
            TempData["Success"] = $"{Input.Name!.Trim()} has been added";
            return Redirect($"/Clusters/{result.Value}");
        }
        ModelState.AddOperationErrors(result.Errors);
        return Page();
    }
}
