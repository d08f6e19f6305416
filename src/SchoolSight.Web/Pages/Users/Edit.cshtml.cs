using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SchoolSight.Core.Access;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Pages.Users;

[Authorize(Policy = Policies.LaAdministrator)]
public sealed class EditModel(ManageUsers manage) : PageModel
{
    [BindProperty] public UserForm Input { get; set; } = new();
    [BindProperty] public string ConcurrencyStamp { get; set; } = "";

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (await manage.GetAsync(id, ct) is not { } found) return NotFound();
        var (user, assigned) = found;
        Input = new UserForm
        {
            DisplayName = user.DisplayName,
            Email = user.Email ?? "",
            Role = user.Role,
            SchoolUrn = user.SchoolUrn,
            AssignedUrns = string.Join(", ", assigned),
            PartnerId = user.PartnerId,
        };
        ConcurrencyStamp = user.ConcurrencyStamp ?? "";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        var input = Input.ToInput(ModelState);
        if (!ModelState.IsValid) return Page();
        var result = await manage.EditAsync(id, input, ConcurrencyStamp, ct);
        if (!result.Succeeded) return this.Failed(result);
        TempData["Success"] = $"{Input.DisplayName}'s details have been saved.";
        return RedirectToPage("Index");
    }
}
