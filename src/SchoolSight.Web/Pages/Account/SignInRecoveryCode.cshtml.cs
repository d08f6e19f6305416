using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SchoolSight.Core.Access;
using SchoolSight.Core.Data;
using SchoolSight.Web.Authentication;

namespace SchoolSight.Web.Pages.Account;

/// <summary>The second step of sign-in with one of the user's recovery codes instead of the app; each code works once.</summary>
public sealed class SignInRecoveryCodeModel(SignInManager<AppUser> signIn, AppDbContext db) : PageModel
{
    [BindProperty] public CodeInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public bool Waiting { get; private set; }

    public sealed class CodeInput
    {
        [Required(ErrorMessage = "Enter one of your recovery codes")]
        public string Code { get; set; } = "";
    }

    public async Task OnGetAsync() => Waiting = await signIn.GetTwoFactorAuthenticationUserAsync() is not null;

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        Waiting = user is not null;
        if (user is null || !ModelState.IsValid) return Page();
        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(Input.Code.Replace(" ", "", StringComparison.Ordinal));
        await TwoFactorAudit.RecordAsync(db, user, result, "recovery code");
        if (result.Succeeded) return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        ModelState.AddModelError("Input.Code", result.IsLockedOut ? SignInMessages.Locked : "The recovery code is not right, or it has been used");
        return Page();
    }
}
