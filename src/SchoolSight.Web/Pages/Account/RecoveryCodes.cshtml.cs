using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SchoolSight.Core.Access;
using SchoolSight.Core.Data;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Pages.Account;

/// <summary>Shows a user's new recovery codes, once; or makes a new set, which replaces the old one.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class RecoveryCodesModel(UserManager<AppUser> users) : PageModel
{
    public const string TempDataKey = "RecoveryCodes";

    public IReadOnlyList<string> Codes { get; private set; } = [];

    public IActionResult OnGet()
    {
        if (TempData[TempDataKey] is not string[] codes || codes.Length == 0) return RedirectToPage("/Account/TwoFactor");
        Codes = codes;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (!user.TwoFactorEnabled) return RedirectToPage("/Account/TwoFactor");
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, SetUpAuthenticatorModel.RecoveryCodeCount);
        TempData[TempDataKey] = codes?.ToArray() ?? [];
        return RedirectToPage();
    }
}
