using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SchoolSight.Core.Access;

namespace SchoolSight.Web.Pages.Account;

/// <summary>A user sets a new password with the one-time link an LA administrator gave them; no sign-in needed.</summary>
[AllowAnonymous]
public sealed class ResetPasswordModel(ResetPasswordWithLink reset) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "user")] public string UserId { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string Token { get; set; } = "";
    [BindProperty] public ResetPasswordInput Input { get; set; } = new();

    public sealed class ResetPasswordInput
    {
        [Required(ErrorMessage = "Enter a new password")]
        public string NewPassword { get; set; } = "";

        [Required(ErrorMessage = "Enter the new password again")]
        [Compare(nameof(NewPassword), ErrorMessage = "The two new passwords are not the same")]
        public string ConfirmPassword { get; set; } = "";
    }

    public void OnGet() => Response.Headers.CacheControl = "no-store";

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        if (!ModelState.IsValid) return Page();
        var result = await reset.RunAsync(UserId, Token, Input.NewPassword, ct);
        if (!result.Succeeded)
        {
            ModelState.AddOperationErrors(result.Errors);
            return Page();
        }
        TempData["Success"] = "Your password has been changed. Sign in with your new password.";
        return RedirectToPage("/Account/SignIn");
    }
}
