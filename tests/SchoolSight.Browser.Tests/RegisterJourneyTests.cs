using Microsoft.Playwright;
using SchoolSight.Core.Demo;
using SchoolSight.Domain.Access;

namespace SchoolSight.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class RegisterJourneyTests(BrowserSession session)
{
    [Fact]
    public async Task LaAdministrator_FindsASchool_AndEditsIt()
    {
        var page = await session.SignInAsync(DemoSeeder.DemoUsers.Single(u => u.Role == Role.LaAdministrator).Email);
        await page.GetByRole(AriaRole.Link, new() { Name = "Schools", Exact = true }).First.ClickAsync();
        await page.Locator("#search").FillAsync("Brookmere");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await BrowserSession.ScreenshotAsync(page, "admin-school-search");

        await page.Locator("main table a", new() { HasTextString = "Brookmere" }).First.ClickAsync();
        await page.Locator("h1").WaitForAsync();
        var schoolUrl = page.Url;
        await BrowserSession.ScreenshotAsync(page, "admin-school-profile");

        await page.GetByRole(AriaRole.Link, new() { Name = "Edit school details" }).ClickAsync();
        await page.Locator("#Input_Telephone").FillAsync("01632 960777");
        await page.Locator("#Input_NumberOfPupils").FillAsync("not a number");
        await BrowserSession.ClickAsync(page, "Save changes");
        await page.Locator(".govuk-error-summary").WaitForAsync();
        await BrowserSession.ScreenshotAsync(page, "admin-school-edit-error");

        await page.Locator("#Input_NumberOfPupils").FillAsync("230");
        await page.Locator("#Input_NumberOfBoys").FillAsync("115");
        await page.Locator("#Input_NumberOfGirls").FillAsync("115");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await page.WaitForURLAsync(schoolUrl);
        await BrowserSession.ScreenshotAsync(page, "admin-school-edited");
        (await page.Locator(".govuk-notification-banner--success").InnerTextAsync()).ShouldNotBeNullOrWhiteSpace();
        (await page.Locator("main").InnerTextAsync()).ShouldContain("01632 960777");
    }
}
