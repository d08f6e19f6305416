using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SchoolSight.Core.LaIndicators;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Pages.Data;

/// <summary>The LA administrator gives the LA's ten statistical neighbours by their LA codes, checked whole.</summary>
[Authorize(Policy = Policies.LaAdministrator)]
public sealed class NeighbourListModel(GetNeighbourComparison get, SetStatisticalNeighbours set) : PageModel
{
    public sealed class InputModel
    {
        public string? Codes { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<NeighbourLa> Current { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Current = (await get.RunAsync(ct)).Neighbours;
        Input.Codes = string.Join(", ", Current.Select(n => n.Code));
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await set.RunAsync(Input.Codes, ct);
        if (result.Succeeded) return RedirectToPage("/Data/Neighbours");
        Current = (await get.RunAsync(ct)).Neighbours;
        return this.Failed(result);
    }
}
