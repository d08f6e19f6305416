using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SchoolSight.Core.Imports;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Pages.Imports;

/// <summary>One import attempt: who, when, which file, what it did, or the first of its problems.</summary>
[Authorize(Policy = Policies.LaAdministrator)]
public sealed class DetailsModel(ImportHistory history) : PageModel
{
    public ImportSummary Import { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await history.FindAsync(id, ct) is not { } import) return NotFound();
        Import = import;
        return Page();
    }
}
