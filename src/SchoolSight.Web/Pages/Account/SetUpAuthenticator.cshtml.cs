using System.ComponentModel.DataAnnotations;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SchoolSight.Core.Access;
using SchoolSight.Core.Data;
using SchoolSight.Web.Authentication;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Pages.Account;

/// <summary>
/// A signed-in user sets up an authenticator app: the page shows the shared key (and an otpauth:// link), the user
/// enters the code the app shows, and two-factor sign-in is on, with a set of recovery codes shown once.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class SetUpAuthenticatorModel(UserManager<AppUser> users, SignInManager<AppUser> signIn,
    Microsoft.Extensions.Options.IOptions<SignInSecurityOptions> security) : PageModel
{
    public const int RecoveryCodeCount = 10;

    [BindProperty] public CodeInput Input { get; set; } = new();
    public string SharedKey { get; private set; } = "";
    public string AuthenticatorUri { get; private set; } = "";
    public bool Required { get; private set; }

    public sealed class CodeInput
    {
        [Required(ErrorMessage = "Enter the 6-digit code from your authenticator app")]
        public string Code { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (user.TwoFactorEnabled) return RedirectToPage("/Account/TwoFactor");
        await LoadKeyAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (user.TwoFactorEnabled) return RedirectToPage("/Account/TwoFactor");
        var code = Input.Code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (ModelState.IsValid && !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
            ModelState.AddModelError("Input.Code", "The code is not right. Enter the 6-digit code your authenticator app shows now");
        if (!ModelState.IsValid)
        {
            await LoadKeyAsync(user);
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        await signIn.RefreshSignInAsync(user);
        TempData[RecoveryCodesModel.TempDataKey] = codes?.ToArray() ?? [];
        return RedirectToPage("/Account/RecoveryCodes");
    }

    private async Task LoadKeyAsync(AppUser user)
    {
        Required = TwoFactorRequirement.AppliesTo(User.GetRole(), security.Value);
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // A new key changes the security stamp: refresh this session's cookie so it stays valid.
            await users.ResetAuthenticatorKeyAsync(user);
            await signIn.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? "";
        }
        SharedKey = Grouped(key);
        var account = Uri.EscapeDataString(user.Email ?? user.UserName ?? "");
        AuthenticatorUri = $"otpauth://totp/SchoolSight:{account}?secret={key}&issuer=SchoolSight&digits=6";
    }

    private static string Grouped(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
            text.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        return text.ToString().TrimEnd().ToLowerInvariant();
    }
}
