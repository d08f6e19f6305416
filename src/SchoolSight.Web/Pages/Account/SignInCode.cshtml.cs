using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SchoolSight.Core.Access;
using SchoolSight.Core.Data;
using SchoolSight.Domain.Auditing;
using SchoolSight.Web.Authentication;

namespace SchoolSight.Web.Pages.Account;

/// <summary>The second step of sign-in for a user with two-factor sign-in on: the code from their authenticator app.</summary>
public sealed class SignInCodeModel(SignInManager<AppUser> signIn, AppDbContext db) : PageModel
{
    [BindProperty] public CodeInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    /// <summary>False when no password step is waiting for its code (it timed out, or the page was opened directly).</summary>
    public bool Waiting { get; private set; }

    public sealed class CodeInput
    {
        [Required(ErrorMessage = "Enter the 6-digit code from your authenticator app")]
        public string Code { get; set; } = "";
    }

    public async Task OnGetAsync() => Waiting = await signIn.GetTwoFactorAuthenticationUserAsync() is not null;

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        Waiting = user is not null;
        if (user is null || !ModelState.IsValid) return Page();
        var code = Input.Code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        await TwoFactorAudit.RecordAsync(db, user, result, "authenticator");
        if (result.Succeeded) return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        ModelState.AddModelError("Input.Code", result.IsLockedOut ? SignInMessages.Locked : "The code is not right. Enter the code your authenticator app shows now");
        return Page();
    }
}

/// <summary>Audits the second step of a sign-in.</summary>
internal static class TwoFactorAudit
{
    public static async Task RecordAsync(AppDbContext db, AppUser user, Microsoft.AspNetCore.Identity.SignInResult result, string method)
    {
        db.AuditEntries.Add(new AuditEntry(db.UtcNow, user.Id, user.Email ?? "", result.Succeeded ? AuditAction.SignedIn : AuditAction.SignInFailed,
            "SignIn", user.Email ?? "", result.IsLockedOut ? $"{{\"secondFactor\":\"{method}\",\"lockedOut\":true}}" : $"{{\"secondFactor\":\"{method}\"}}"));
        await db.SaveChangesAsync();
    }
}
