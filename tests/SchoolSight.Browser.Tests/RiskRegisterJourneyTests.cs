using Microsoft.Playwright;
using SchoolSight.Core.Demo;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Categorisation;

namespace SchoolSight.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class RiskRegisterJourneyTests(BrowserSession session)
{
    [Fact]
    public async Task ASeniorManager_FiltersTheRiskRegister_AndOpensABoardPack()
    {
        var page = await session.SignInAsync(DemoSeeder.DemoUsers.Single(u => u.Role == Role.SeniorManager).Email);
        await BrowserSession.OpenFromMenuAsync(page, "School improvement", "Risk register");
        await page.Locator("[data-testid=risk-register]").WaitForAsync();
        await BrowserSession.ScreenshotAsync(page, "risk-register-all");

        await page.Locator("#level").SelectOptionAsync("targeted");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("level=targeted", StringComparison.Ordinal));
        await BrowserSession.ScreenshotAsync(page, "risk-register-targeted");
        var rows = page.Locator("[data-testid=risk-register] tbody tr");
        // Demo Borough's agreed levels: every row left is a targeted school, with the reasons the SMT agreed.
        var count = await rows.CountAsync();
        count.ShouldBeGreaterThan(0);
        for (var i = 0; i < count; i++) (await rows.Nth(i).InnerTextAsync()).ShouldContain("Targeted");
        (await page.Locator("[data-testid=risk-register]").InnerTextAsync()).ShouldContain("Ofsted judged the school requires improvement");

        await BrowserSession.OpenFromMenuAsync(page, "School improvement", "Boards");
        await page.Locator("main table a").First.ClickAsync();
        await page.Locator("[data-testid=level-counts]").WaitForAsync();
        await BrowserSession.ScreenshotAsync(page, "board-pack");
        (await page.Locator("h1").InnerTextAsync()).ShouldContain(BoardMeeting.SsebName);
    }
}
