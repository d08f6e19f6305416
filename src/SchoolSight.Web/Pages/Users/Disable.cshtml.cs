using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SchoolSight.Core.Access;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Pages.Users;

[Authorize(Policy = Policies.LaAdministrator)]
public sealed class DisableModel(ManageUsers manage, DisableUser disable) : UserActionModel(manage)
{
    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        return Finish(await disable.RunAsync(id, ConcurrencyStamp, ct), $"{Subject.DisplayName}'s account has been disabled. They cannot sign in.");
    }
}
