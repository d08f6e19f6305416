using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SchoolSight.Core.Register;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Pages.Localities;

[Authorize(Policy = Policies.LaStaff)]
public sealed class DetailsModel(GetLocality get) : PageModel
{
    public GetLocality.Details Locality { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await get.RunAsync(id, ct) is not { } locality) return NotFound();
        Locality = locality;
        return Page();
    }
}
