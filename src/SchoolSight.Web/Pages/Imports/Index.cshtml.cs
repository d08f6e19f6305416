using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SchoolSight.Core.Imports;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Pages.Imports;

/// <summary>Every import attempt, newest first.</summary>
[Authorize(Policy = Policies.LaAdministrator)]
public sealed class IndexModel(ImportHistory history) : PageModel
{
    public const int PageSize = 50;

    /// <summary>The page of the list ("p", since "page" is Razor Pages' own route value).</summary>
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public ImportHistoryPage History { get; private set; } = new([], 0, 1, PageSize);

    public async Task OnGetAsync(CancellationToken ct) => History = await history.ListAsync(PageNumber, PageSize, ct);
}
