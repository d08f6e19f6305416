using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SchoolSight.Core.Categorisation;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Pages.Schools;

/// <summary>
/// A school's level of support and intervention in plain words: what it means, why (each rule that fired and its
/// evidence), who agreed it and when, and the history. The school's own users, governors and SIP see their school's;
/// LA staff see every school's, with a link to any proposal waiting for the SMT.
/// </summary>
[Authorize(Policy = Policies.SchoolLevelReader)]
public sealed class LevelModel(GetSchoolLevel get, IAuthorizationService authorization) : PageModel
{
    public SchoolLevelView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int urn, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, new SchoolResource(urn), SchoolOperations.Read)).Succeeded) return NotFound();
        var level = await get.RunAsync(urn, ct);
        if (this.Refusal(level) is { } refused) return refused;
        View = level.Value!;
        return Page();
    }
}
