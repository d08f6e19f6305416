using Microsoft.Playwright;
using SchoolSight.Core.Demo;
using SchoolSight.Domain.Access;

namespace SchoolSight.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class AccessJourneyTests(BrowserSession session)
{
    private static string EmailOf(Role role) => DemoSeeder.DemoUsers.Single(u => u.Role == role).Email;

    [Fact]
    public async Task SchoolUser_SeesTheirOwnSchool_AndIsRefusedAnotherSchoolsPage()
    {
        var page = await session.SignInAsync(EmailOf(Role.SchoolUser));
        await page.GetByRole(AriaRole.Link, new() { Name = "My school" }).First.ClickAsync();
        await BrowserSession.ScreenshotAsync(page, "school-user-own-school-list");
        (await page.ContentAsync()).ShouldContain(DemoSeeder.DemoHeadSchoolUrn.ToString());

        var response = await page.GotoAsync($"/Schools/{DemoSeeder.OtherDemoSchoolUrn}");
        await BrowserSession.ScreenshotAsync(page, "school-user-refused-other-school");
        response!.Status.ShouldBe(403);
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("You do not have access to this page");
    }

    [Fact]
    public async Task WrongPassword_ShowsAnErrorSummary_AndDoesNotSignIn()
    {
        var page = await session.NewPageAsync();
        await page.GotoAsync("/Account/SignIn");
        await page.GetByLabel("Email address").FillAsync(EmailOf(Role.LaAdministrator));
        await page.GetByLabel("Password").FillAsync("not-the-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await BrowserSession.ScreenshotAsync(page, "sign-in-wrong-password");
        (await page.Locator(".govuk-error-summary").InnerTextAsync()).ShouldContain("The email address or password is not right.");
        page.Url.ShouldContain("/Account/SignIn");
    }
}
