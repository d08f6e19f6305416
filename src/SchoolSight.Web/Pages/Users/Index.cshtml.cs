using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SchoolSight.Core.Access;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Pages.Users;

[Authorize(Policy = Policies.LaAdministrator)]
public sealed class IndexModel(ManageUsers manage) : PageModel
{
    public IReadOnlyList<ManageUsers.Row> Users { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Users = await manage.ListAsync(ct);

    public async Task<IActionResult> OnPostUnlockAsync(string id)
    {
        var result = await manage.UnlockAsync(id);
        TempData["Success"] = result.Succeeded ? "The account has been unlocked." : null;
        return RedirectToPage();
    }
}
