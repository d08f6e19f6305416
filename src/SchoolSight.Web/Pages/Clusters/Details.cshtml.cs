using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SchoolSight.Core.Register;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Pages.Clusters;

[Authorize(Policy = Policies.LaStaff)]
public sealed class DetailsModel(GetCluster get) : PageModel
{
    public GetCluster.Details Cluster { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await get.RunAsync(id, ct) is not { } cluster) return NotFound();
        Cluster = cluster;
        return Page();
    }
}
