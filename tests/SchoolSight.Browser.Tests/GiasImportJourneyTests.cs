using Microsoft.Playwright;
using SchoolSight.Core.Demo;
using SchoolSight.Domain.Access;
using SchoolSight.TestSupport;

namespace SchoolSight.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class GiasImportJourneyTests(BrowserSession session)
{
    [Fact]
    public async Task LaAdministrator_UploadsAGiasFileWithABadRow_SeesTheLineNumberedError_AndNothingChanges()
    {
        var file = GiasTestFile.Real().KeepOnly(r => r[1] == "850");
        var target = file.OpenSchool(850, skip: 3);
        var urn = file.Urn(target);
        file.Set(urn, "OpenDate", "31-02-2019");
        var path = file.WriteTemp();
        var badLine = file.LineOf(urn);

        var page = await session.SignInAsync(DemoSeeder.DemoUsers.Single(u => u.Role == Role.LaAdministrator).Email);
        var schoolsBefore = await SchoolCountAsync(page);

        await page.GotoAsync("/Imports/Gias");
        await page.Locator("#Upload").SetInputFilesAsync(path);
        await page.Locator("#LaCodes").FillAsync("850");
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload and import" }).ClickAsync();
        await page.Locator("[data-testid=import-rejected]").WaitForAsync();
        await BrowserSession.ScreenshotAsync(page, "gias-import-rejected");

        (await page.Locator(".govuk-error-summary__title").InnerTextAsync()).ShouldContain("Nothing has been changed");
        var errors = await page.Locator("[data-testid=import-errors]").InnerTextAsync();
        errors.ShouldContain(badLine.ToString());
        errors.ShouldContain("OpenDate");

        (await SchoolCountAsync(page)).ShouldBe(schoolsBefore);
        var missing = await page.GotoAsync($"/Schools/{urn}");
        missing!.Status.ShouldBe(404);

        await page.GotoAsync("/Imports");
        await BrowserSession.ScreenshotAsync(page, "gias-import-history");
        (await page.Locator("main").InnerTextAsync()).ShouldContain("Rejected");
        File.Delete(path);
    }

    private static async Task<string> SchoolCountAsync(IPage page)
    {
        await page.GotoAsync("/Schools?status=");
        return await page.Locator("#result-count").InnerTextAsync();
    }
}
