using Microsoft.Playwright;
using SchoolSight.Core.Demo;
using SchoolSight.Domain.Access;
using SchoolSight.TestSupport;

namespace SchoolSight.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class DataJourneyTests(BrowserSession session)
{
    [Fact]
    public async Task LaOfficer_RanksSchoolsOnTheLaPage_OpensASchoolsData_AndAnIndicatorsBreakdown()
    {
        await IndicatorTestData.SeedAsync(session.App.Services);
        var page = await session.SignInAsync(DemoSeeder.DemoUsers.Single(u => u.Role == Role.InterventionOfficer).Email);

        await page.GetByRole(AriaRole.Link, new() { Name = "Data", Exact = true }).First.ClickAsync();
        await page.Locator("h1", new() { HasTextString = "Demo Borough" }).WaitForAsync();
        await page.Locator("#indicator").SelectOptionAsync("KS2_RWM_EXP");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Value", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("sort=value", StringComparison.Ordinal));
        (await page.Locator("th[aria-sort] a", new() { HasTextString = "Value" }).CountAsync()).ShouldBe(1);
        var firstValue = await page.Locator("[data-testid=ranking] tbody tr").First.Locator("[data-cell=value]").InnerTextAsync();
        firstValue.ShouldBe("90.0%", "sorted highest first");
        await BrowserSession.ScreenshotAsync(page, "data-la-ranking");

        await page.Locator("[data-testid=ranking] tbody tr").First.Locator("a").First.ClickAsync();
        await page.Locator("h1", new() { HasTextString = "Data for" }).WaitForAsync();
        (await page.Locator("[data-indicator=KS2_RWM_EXP]").First.InnerTextAsync()).ShouldContain("significantly above (better)");
        await BrowserSession.ScreenshotAsync(page, "data-school");

        await page.Locator("[data-indicator=KS2_RWM_EXP] a").First.ClickAsync();
        await page.Locator("[data-testid=group-table]").WaitForAsync();
        (await page.Locator("[data-testid=definition]").InnerTextAsync()).ShouldContain("Today's equivalent");
        (await page.Locator("svg.ss-bars").CountAsync()).ShouldBe(1);
        await BrowserSession.ScreenshotAsync(page, "data-indicator-breakdown");

        await page.GoBackAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Stay safe", Exact = true }).ClickAsync();
        await page.Locator("[data-testid=guiding-questions]").WaitForAsync();
        await BrowserSession.ScreenshotAsync(page, "data-wellbeing-stay-safe");
    }
}
