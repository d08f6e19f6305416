using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SchoolSight.Core.Access;
using SchoolSight.Domain.Access;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Pages.Users;

[Authorize(Policy = Policies.LaAdministrator)]
public sealed class CreateModel(ManageUsers manage) : PageModel
{
    [BindProperty] public UserForm Input { get; set; } = new();

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var input = Input.ToInput(ModelState);
        if (string.IsNullOrEmpty(Input.Password)) ModelState.AddModelError("Input.Password", "Enter a first password for the user.");
        if (!ModelState.IsValid) return Page();
        var result = await manage.CreateAsync(input, Input.Password!, ct);
        if (!result.Succeeded)
        {
            ModelState.AddOperationErrors(result.Errors);
            return Page();
        }
        TempData["Success"] = $"{Input.DisplayName} can now sign in as a {Input.Role.DisplayName().ToLowerInvariant()}.";
        return RedirectToPage("Index");
    }
}
