using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SchoolSight.Core.LaIndicators;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Pages.Data;

/// <summary>The LA's headline indicators against England, its region and its statistical neighbours, with its rank (LA staff); CSV and Excel.</summary>
[Authorize(Policy = Policies.LaStaff)]
public sealed class NeighboursModel(GetNeighbourComparison get) : PageModel
{
    public NeighbourComparison View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string? format, CancellationToken ct)
    {
        View = await get.RunAsync(ct);
        return DataExports.File(format, "la-against-neighbours", () => NeighbourComparisonExport.Table(View)) ?? Page();
    }
}
