using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SchoolSight.Core.Access;
using SchoolSight.Core.Data;
using SchoolSight.Web.Authentication;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Pages.Account;

/// <summary>A signed-in user changes their own password (the first one is set by an LA administrator).</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class ChangePasswordModel(UserManager<AppUser> users, SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty] public ChangePasswordInput Input { get; set; } = new();

    public sealed class ChangePasswordInput
    {
        [Required(ErrorMessage = "Enter your current password")]
        public string CurrentPassword { get; set; } = "";

        [Required(ErrorMessage = "Enter a new password")]
        public string NewPassword { get; set; } = "";

        [Required(ErrorMessage = "Enter the new password again")]
        [Compare(nameof(NewPassword), ErrorMessage = "The two new passwords are not the same")]
        public string ConfirmPassword { get; set; } = "";
    }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        // A wrong current password counts towards lockout, as at sign-in.
        var check = await signIn.CheckPasswordSignInAsync(user, Input.CurrentPassword, lockoutOnFailure: true);
        if (check.IsLockedOut)
        {
            await users.UpdateSecurityStampAsync(user);
            await signIn.SignOutAsync();
            ModelState.AddModelError("Input.CurrentPassword", SignInMessages.Locked);
            return Page();
        }
        if (!check.Succeeded)
        {
            ModelState.AddModelError("Input.CurrentPassword", "Your current password is not right");
            return Page();
        }
        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
                ModelState.AddModelError(error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "Input.CurrentPassword" : "Input.NewPassword",
                    error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "Your current password is not right" : error.Description);
            return Page();
        }
        await signIn.RefreshSignInAsync(user);
        TempData["Success"] = "Your password has been changed.";
        return RedirectToPage("/Index");
    }
}
