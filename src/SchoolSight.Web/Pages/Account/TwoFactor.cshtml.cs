using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using SchoolSight.Core.Access;
using SchoolSight.Core.Data;
using SchoolSight.Web.Authentication;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Pages.Account;

/// <summary>A user's two-factor sign-in: whether it is on, new recovery codes, a new authenticator app, or turning it off.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class TwoFactorModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, IOptions<SignInSecurityOptions> security) : PageModel
{
    public bool Enabled { get; private set; }
    public int RecoveryCodesLeft { get; private set; }
    public bool Required { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        Enabled = user.TwoFactorEnabled;
        RecoveryCodesLeft = Enabled ? await users.CountRecoveryCodesAsync(user) : 0;
        Required = TwoFactorRequirement.AppliesTo(User.GetRole(), security.Value);
        return Page();
    }

    /// <summary>Replaces the authenticator app: the old key stops working and the user sets up the new one.</summary>
    public async Task<IActionResult> OnPostNewAppAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        return RedirectToPage("/Account/SetUpAuthenticator");
    }

    public async Task<IActionResult> OnPostTurnOffAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (TwoFactorRequirement.AppliesTo(User.GetRole(), security.Value)) return RedirectToPage();
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        TempData["Success"] = "Two-factor sign-in is off.";
        return RedirectToPage();
    }
}
