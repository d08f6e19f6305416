using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SchoolSight.Core.Data;
using SchoolSight.Core.Demo;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Categorisation;

namespace SchoolSight.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class RiskRegisterJourneyTests(BrowserSession session)
{
    private const int School = DemoSeeder.DemoHeadSchoolUrn + 10;

    [Fact]
    public async Task ASeniorManager_FiltersTheRiskRegister_AndOpensABoardPack()
    {
        using (var scope = session.App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.SchoolLevels.Add(new SchoolLevelDecision(School, LevelOfSupport.Targeted, LevelOfSupport.Universal, LevelOfSupport.Targeted, null, "2026.1",
                "Key stage 2 expected standard below the floor for two years", "smt@demo-borough.example", Role.SeniorManager, db.UtcNow.AddDays(-14), "Agreed at SMT."));
            await db.SaveChangesAsync();
        }
        var page = await session.SignInAsync(DemoSeeder.DemoUsers.Single(u => u.Role == Role.SeniorManager).Email);
        await page.GetByRole(AriaRole.Link, new() { Name = "Risk register", Exact = true }).First.ClickAsync();
        await page.Locator("[data-testid=risk-register]").WaitForAsync();
        await BrowserSession.ScreenshotAsync(page, "risk-register-all");

        await page.Locator("#level").SelectOptionAsync("targeted");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("level=targeted", StringComparison.Ordinal));
        await BrowserSession.ScreenshotAsync(page, "risk-register-targeted");
        var rows = page.Locator("[data-testid=risk-register] tbody tr");
        (await rows.CountAsync()).ShouldBe(1);
        (await rows.First.InnerTextAsync()).ShouldContain("Key stage 2 expected standard below the floor for two years");

        await page.GetByRole(AriaRole.Link, new() { Name = "Boards", Exact = true }).First.ClickAsync();
        await page.Locator("main table a").First.ClickAsync();
        await page.Locator("[data-testid=level-counts]").WaitForAsync();
        await BrowserSession.ScreenshotAsync(page, "board-pack");
        (await page.Locator("h1").InnerTextAsync()).ShouldContain(BoardMeeting.SsebName);
    }
}
