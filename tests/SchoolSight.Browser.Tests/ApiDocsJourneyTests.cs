using Microsoft.Playwright;
using SchoolSight.Core.Demo;
using SchoolSight.Domain.Access;

namespace SchoolSight.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class ApiDocsJourneyTests(BrowserSession session)
{
    [Fact]
    public async Task SignedInUser_BrowsesTheApiDocumentation_ServedWithoutAnyCdn()
    {
        var page = await session.SignInAsync(DemoSeeder.DemoUsers.Single(u => u.Role == Role.InterventionOfficer).Email);
        var refusals = BrowserSession.WatchContentSecurityPolicy(page);
        var outside = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(session.BaseUrl, StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
                outside.Add(request.Url);
        };
        await page.GotoAsync("/api/docs/");
        await page.GetByText("/api/v1/schools").First.WaitForAsync(new() { Timeout = 20000 });
        await BrowserSession.ScreenshotAsync(page, "api-docs");
        outside.ShouldBeEmpty("the API documentation must load everything from SchoolSight itself");
        refusals.ShouldBeEmpty("the API documentation works under its own Content-Security-Policy");
        (await page.ContentAsync()).ShouldContain("X-SchoolSight-Request");
    }
}
