using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SchoolSight.Core.Access;
using SchoolSight.Core.Data;

namespace SchoolSight.Web.Pages.Account;

/// <summary>
/// Signs out and ends the session on the server: a new security stamp makes every copy of the sign-in cookie
/// (this browser's, or one taken from it) stop working at the next request.
/// </summary>
public sealed class SignOutModel(SignInManager<AppUser> signIn, UserManager<AppUser> users) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        if (User.Identity?.IsAuthenticated == true && await users.GetUserAsync(User) is { } user)
            await users.UpdateSecurityStampAsync(user);
        await signIn.SignOutAsync();
        return RedirectToPage("/Account/SignIn");
    }
}
