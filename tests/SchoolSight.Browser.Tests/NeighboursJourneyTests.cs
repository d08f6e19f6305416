using SchoolSight.Core.Demo;
using SchoolSight.Domain.Access;

namespace SchoolSight.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class NeighboursJourneyTests(BrowserSession session)
{
    [Fact]
    public async Task TheLaAgainstItsNeighbours_FitsAPhoneScreen_EachRowACard()
    {
        var page = await session.SignInAsync(DemoSeeder.DemoUsers.Single(u => u.Role == Role.QualityAssuranceManager).Email, width: 375);
        await page.GotoAsync("/Data/Neighbours");
        await page.Locator("[data-testid=neighbour-table]").WaitForAsync();
        (await page.Locator("[data-measure=KS2RWM_Expected_STD] [data-cell=rank]").InnerTextAsync()).ShouldContain("63 of 151");
        await BrowserSession.ScreenshotAsync(page, "data-neighbours-375");
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        widths[0].ShouldBeLessThanOrEqualTo(widths[1], "the page scrolls sideways at 375 pixels");
    }
}
