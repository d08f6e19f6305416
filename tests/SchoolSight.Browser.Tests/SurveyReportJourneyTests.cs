using Microsoft.Playwright;
using SchoolSight.Core.Demo;
using SchoolSight.Domain.Access;

namespace SchoolSight.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class SurveyReportJourneyTests(BrowserSession session)
{
    /// <summary>Demo Borough's first primary school: pupils and parents answered, it has similar schools, and some of its year groups are too small to show.</summary>
    private const int School = DemoSeeder.DemoHeadSchoolUrn + 6;

    private static async Task ShowAt375PixelsAsync(IPage page, string screenshot)
    {
        await page.SetViewportSizeAsync(375, 800);
        await BrowserSession.ScreenshotAsync(page, screenshot);
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(375);
        await page.SetViewportSizeAsync(1280, 900);
    }

    [Fact]
    public async Task AnLaOfficer_ReadsASchoolsSurveyReport_DownloadsItsPdf_AndChangesWhatYouToldUs()
    {
        var page = await session.SignInAsync(DemoSeeder.DemoUsers.Single(u => u.Role == Role.InterventionOfficer).Email);
        await page.GotoAsync($"/Schools/{School}");
        await page.GetByTestId("survey-report-link").ClickAsync();
        await page.WaitForURLAsync($"**/Schools/{School}/Surveys/Report");
        await BrowserSession.ScreenshotAsync(page, "survey-report-desktop");
        var pupils = page.GetByTestId("report-Pupil");
        var headers = await pupils.Locator("thead th").AllInnerTextsAsync();
        headers.ShouldContain("LA 999");
        headers.ShouldContain(h => h.EndsWith("similar schools", StringComparison.Ordinal));
        (await pupils.InnerTextAsync()).ShouldContain("I feel safe in school");
        (await page.GetByTestId("report-Parent").InnerTextAsync()).ShouldContain("My child feels safe at this school");
        (await page.GetByTestId("small-groups").InnerTextAsync()).ShouldContain("Groups of fewer than 10 people are not shown");
        (await page.GetByTestId("years-Pupil").Locator("td[data-group]").AllInnerTextsAsync()).ShouldContain("c");
        await ShowAt375PixelsAsync(page, "survey-report-375px");

        var pdf = await BrowserSession.DownloadPdfTextAsync(page, page.GetByTestId("report-pdf"));
        pdf.ShouldContain("Survey report");
        pdf.ShouldContain("My child feels safe at this school");

        await page.GetByTestId("summary-link").ClickAsync();
        await page.WaitForURLAsync($"**/Schools/{School}/Surveys/WhatYouToldUs");
        await BrowserSession.ScreenshotAsync(page, "survey-what-you-told-us-draft-desktop");
        (await page.GetByTestId("summary").InnerTextAsync()).ShouldContain("of you said");
        (await page.GetByTestId("summary-state").InnerTextAsync()).ShouldContain("nothing is saved yet");
        await page.GetByLabel("What you tell pupils").FillAsync("Thank you to everyone who answered our survey.\n\nMost of you feel safe in school. From next term the school council will choose one thing to change each half term.");
        await BrowserSession.ClickAsync(page, "Save the summary");
        await page.Locator(".govuk-notification-banner--success, .govuk-error-summary").First.WaitForAsync();
        await BrowserSession.ExpectSuccessAsync(page);
        var summary = await page.GetByTestId("summary").InnerTextAsync();
        summary.ShouldContain("the school council will choose one thing to change");
        summary.ShouldNotContain("of you said");
        (await page.GetByTestId("summary-state").InnerTextAsync()).ShouldContain("Last saved by Morgan Intervention");
        await BrowserSession.ScreenshotAsync(page, "survey-what-you-told-us-saved-desktop");
        await ShowAt375PixelsAsync(page, "survey-what-you-told-us-saved-375px");
    }
}
