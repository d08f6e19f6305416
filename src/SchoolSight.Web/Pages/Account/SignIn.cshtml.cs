using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SchoolSight.Core.Data;
using SchoolSight.Domain.Auditing;
using SchoolSight.Web.Authentication;

namespace SchoolSight.Web.Pages.Account;

public sealed class SignInModel(PasswordSignIn signIn, AppDbContext db) : PageModel
{
    [BindProperty] public SignInInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public sealed class SignInInput
    {
        [Required(ErrorMessage = "Enter your email address")]
        [EmailAddress(ErrorMessage = "Enter an email address in the correct format, like name@example.org")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter your password")]
        public string Password { get; set; } = "";
    }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var (result, user) = await signIn.SignInAsync(Input.Email, Input.Password);
        var returnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";
        // The password was right; the sign-in is audited when the second factor is given too.
        if (result.RequiresTwoFactor) return RedirectToPage("/Account/SignInCode", new { ReturnUrl = returnUrl });
        db.AuditEntries.Add(new AuditEntry(db.UtcNow, user?.Id, Input.Email, result.Succeeded ? AuditAction.SignedIn : AuditAction.SignInFailed,
            "SignIn", Input.Email, result.IsLockedOut ? "{\"lockedOut\":true}" : null));
        await db.SaveChangesAsync();

        if (result.Succeeded)
            return LocalRedirect(returnUrl);
        ModelState.AddModelError("Input.Email",
            result.IsLockedOut ? SignInMessages.Locked : result.IsNotAllowed ? SignInMessages.Disabled : SignInMessages.NotRight);
        return Page();
    }
}
