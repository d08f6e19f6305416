using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SchoolSight.Core.Register;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Pages.Localities;

[Authorize(Policy = Policies.LaStaff)]
public sealed class IndexModel(ListLocalities list) : PageModel
{
    public IReadOnlyList<ListLocalities.Row> Localities { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Localities = await list.RunAsync(ct);
}
