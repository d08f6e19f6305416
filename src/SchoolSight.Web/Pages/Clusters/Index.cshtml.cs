using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SchoolSight.Core.Register;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Pages.Clusters;

[Authorize(Policy = Policies.LaStaff)]
public sealed class IndexModel(ListClusters list) : PageModel
{
    public IReadOnlyList<ListClusters.Row> Clusters { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Clusters = await list.RunAsync(ct);
}
