using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SchoolSight.Core.Access;
using SchoolSight.Core.Data;
using SchoolSight.Domain.Auditing;

namespace SchoolSight.Web.Pages.Account;

public sealed class SignInModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, AppDbContext db) : PageModel
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
        var result = await signIn.PasswordSignInAsync(Input.Email, Input.Password, isPersistent: false, lockoutOnFailure: true);
        var user = await users.FindByEmailAsync(Input.Email);
        db.AuditEntries.Add(new AuditEntry(db.UtcNow, user?.Id, Input.Email, result.Succeeded ? AuditAction.SignedIn : AuditAction.SignInFailed,
            "SignIn", Input.Email, result.IsLockedOut ? "{\"lockedOut\":true}" : null));
        await db.SaveChangesAsync();

        if (result.Succeeded)
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        ModelState.AddModelError("Input.Email", result.IsLockedOut
            ? "This account is locked after too many failed attempts. Try again in 15 minutes or ask your LA administrator."
            : "The email address or password is not right.");
        return Page();
    }
}
