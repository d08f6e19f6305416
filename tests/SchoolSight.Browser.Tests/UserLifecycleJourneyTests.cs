using Microsoft.Playwright;
using SchoolSight.Core.Demo;
using SchoolSight.TestSupport;

namespace SchoolSight.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class UserLifecycleJourneyTests(BrowserSession session)
{
    // No other journey signs in as this user: the journey changes their password and turns on two-factor sign-in.
    private const string Coordinator = Core.Demo.DemoSipVisits.SecondarySipEmail;
    private const string NewPassword = "Robin-new-password-7";

    [Fact]
    public async Task TheAdministrator_DisablesAUser_EnablesThem_AndSendsAResetLink_ThenTheUserSetsAPassword_AndTurnsOnTwoFactor()
    {
        // The administrator disables the coordinator, after a confirmation page.
        var admin = await session.SignInAsync(DemoSeeder.DemoUsers.Single(u => u.Role == Domain.Access.Role.LaAdministrator).Email);
        await admin.GotoAsync("/Users");
        var row = admin.Locator("tbody tr", new() { HasTextString = Coordinator });
        await row.GetByRole(AriaRole.Link, new() { NameString = "Disable" }).ClickAsync();
        (await admin.Locator("h1").InnerTextAsync()).ShouldBe("Are you sure you want to disable Robin Secondary?");
        await BrowserSession.ScreenshotAsync(admin, "users-01-disable-confirm");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Disable account" }).ClickAsync();
        await admin.WaitForURLAsync(url => url.EndsWith("/Users", StringComparison.Ordinal));
        (await row.InnerTextAsync()).ShouldContain("Disabled");
        await BrowserSession.ScreenshotAsync(admin, "users-02-list-with-disabled");

        // With the right password they are told the account is disabled; they are not signed in.
        var coordinator = await session.NewPageAsync();
        await SignInAsync(coordinator, Coordinator, DemoSeeder.DemoPassword);
        (await coordinator.Locator(".govuk-error-summary").InnerTextAsync()).ShouldContain("This account has been disabled");
        coordinator.Url.ShouldContain("/Account/SignIn");
        await BrowserSession.ScreenshotAsync(coordinator, "users-03-disabled-sign-in");

        // Enabled again, then a one-time reset link.
        await row.GetByRole(AriaRole.Link, new() { NameString = "Enable" }).ClickAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Enable account" }).ClickAsync();
        await admin.WaitForURLAsync(url => url.EndsWith("/Users", StringComparison.Ordinal));
        (await row.InnerTextAsync()).ShouldContain("Active");
        await row.GetByRole(AriaRole.Link, new() { NameString = "Reset password" }).ClickAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Create reset link" }).ClickAsync();
        var link = (await admin.Locator("[data-testid=reset-link]").InnerTextAsync()).Trim();
        await BrowserSession.ScreenshotAsync(admin, "users-04-reset-link");

        // The coordinator follows the link and sets a new password; the link works once.
        await coordinator.GotoAsync(link);
        await coordinator.GetByLabel("New password", new() { Exact = true }).FillAsync(NewPassword);
        await coordinator.GetByLabel("New password again").FillAsync(NewPassword);
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();
        await coordinator.WaitForURLAsync(url => url.Contains("/Account/SignIn", StringComparison.Ordinal));
        await SignInAsync(coordinator, Coordinator, NewPassword);
        await coordinator.WaitForURLAsync(url => !url.Contains("/Account/SignIn", StringComparison.Ordinal));

        // They turn on two-factor sign-in with a code from their app, and get recovery codes.
        await coordinator.GotoAsync("/Account/SetUpAuthenticator");
        var key = await coordinator.Locator("[data-testid=shared-key]").InnerTextAsync();
        await BrowserSession.ScreenshotAsync(coordinator, "users-05-set-up-authenticator");
        await coordinator.GetByLabel("Code from the app").FillAsync(Totp.Code(key, DateTimeOffset.UtcNow));
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Turn on two-factor sign-in" }).ClickAsync();
        (await coordinator.Locator("h1").InnerTextAsync()).ShouldBe("Your recovery codes");
        await BrowserSession.ScreenshotAsync(coordinator, "users-06-recovery-codes");

        // Next time, the password is followed by a code.
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await SignInAsync(coordinator, Coordinator, NewPassword);
        await coordinator.WaitForURLAsync(url => url.Contains("/Account/SignInCode", StringComparison.Ordinal));
        await BrowserSession.ScreenshotAsync(coordinator, "users-07-sign-in-code");
        await coordinator.GetByLabel("Code").FillAsync(Totp.Code(key, DateTimeOffset.UtcNow));
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await coordinator.WaitForURLAsync(url => !url.Contains("/Account/", StringComparison.Ordinal));
        (await coordinator.Locator("header").InnerTextAsync()).ShouldContain("Robin Secondary");
    }

    private static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/Account/SignIn");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForLoadStateAsync();
    }
}
