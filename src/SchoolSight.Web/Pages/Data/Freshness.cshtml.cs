using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SchoolSight.Core.Home;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Pages.Data;

/// <summary>What data SchoolSight holds, from which file, for which years, how old, and what is missing for each school.</summary>
[Authorize(Policy = Policies.LaStaff)]
public sealed class FreshnessModel(GetDataFreshness get) : PageModel
{
    public DataFreshness View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => View = await get.RunAsync(ct);
}
