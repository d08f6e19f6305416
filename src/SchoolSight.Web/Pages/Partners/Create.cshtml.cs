using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SchoolSight.Core.Register;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Pages.Partners;

[Authorize(Policy = Policies.LaAdministrator)]
public sealed class CreateModel(CreatePartner create) : PartnerFormModel
{
    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.UseGovukBindingMessages(typeof(PartnerInput));
        if (!ModelState.IsValid) return Page();
        var result = await create.RunAsync(Input, ct);
        if (result.Succeeded)
        {
            TempData["Success"] = $"{Input.Name!.Trim()} has been added";
            return Redirect($"/Partners#partner-{result.Value}");
        }
        ModelState.AddOperationErrors(result.Errors);
        return Page();
    }
}
