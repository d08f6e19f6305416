using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SchoolSight.Core.Register;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Pages.Localities;

[Authorize(Policy = Policies.LaAdministrator)]
public sealed class CreateModel(CreateLocality create) : PageModel
{
    [BindProperty] public LocalityInput Input { get; set; } = new();

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await create.RunAsync(Input, ct);
        if (result.Succeeded)
        {
            TempData["Success"] = $"{Input.Name!.Trim()} has been added";
            return Redirect($"/Localities/{result.Value}");
        }
        ModelState.AddOperationErrors(result.Errors);
        return Page();
    }
}
