using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SchoolSight.Core.Demo;
using SchoolSight.Domain.Indicators;

namespace SchoolSight.Browser.Tests;

/// <summary>
/// axe-core over every page a pupil or parent meets on a phone or tablet 375 pixels wide. The pupil journey runs without
/// JavaScript, where axe-core cannot run, so these pages are loaded again here in a touch-screen window with JavaScript
/// on. The survey pages are open without signing in and no signed-in page links to them, so the accessibility crawl
/// does not reach them: this is the one place they are checked.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SurveyPagesAccessibilityTests(BrowserSession session)
{
    /// <summary>A code of the demo head's open survey nobody has started (the last one, so the pupil journey keeps the first).</summary>
    private async Task<string> UnusedCodeAsync(RespondentType respondent)
    {
        await using var db = session.App.Database.CreateContext();
        return (await db.SurveyCodes.Where(c => c.Urn == DemoSeeder.DemoHeadSchoolUrn && c.Respondent == respondent && c.StartedAt == null)
            .OrderByDescending(c => c.Id).Select(c => c.Code).FirstAsync())!;
    }

    [Fact]
    public async Task EveryPupilAndParentSurveyPage_OnA375PixelTouchScreen_HasNoSeriousAxeViolation()
    {
        var (pupilCode, parentCode) = (await UnusedCodeAsync(RespondentType.Pupil), await UnusedCodeAsync(RespondentType.Parent));
        var problems = new List<string>();
        var page = await PupilSurveyJourneyTests.TabletPageAsync(session, javaScript: true);
        async Task CheckAsync(string name)
        {
            await BrowserSession.ScreenshotAsync(page, $"survey-axe-{name}-375px");
            problems.AddRange(await AxeCheck.SeriousViolationsAsync(page, AxeCheck.EveryRule, name));
            if (await page.EvaluateAsync<int>("document.documentElement.scrollWidth") > 375) problems.Add($"{name}: wider than the 375 px screen");
        }

        await page.GotoAsync("/Survey");
        await CheckAsync("code");
        await PupilSurveyJourneyTests.EnterCodeAsync(page, "ABCD-2345");
        (await page.Locator(".govuk-error-summary").InnerTextAsync()).ShouldContain("We do not recognise that code");
        await CheckAsync("code-not-recognised");

        await PupilSurveyJourneyTests.EnterCodeAsync(page, pupilCode);
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("I feel safe in school");
        (await page.Locator(".govuk-back-link").CountAsync()).ShouldBe(0);
        await CheckAsync("pupil-question-1");
        await page.GetByLabel("Yes, a lot", new() { Exact = true }).CheckAsync();
        await BrowserSession.ClickAsync(page, "Next");
        (await page.Locator(".govuk-back-link").CountAsync()).ShouldBe(1);
        await CheckAsync("pupil-question-2");
        await page.GotoAsync("/Survey/Check");
        (await page.Locator("main").InnerTextAsync()).ShouldContain("You answered 1 of 5 questions");
        await CheckAsync("pupil-check");
        await BrowserSession.ClickAsync(page, "Send my answers");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Thank you");
        await CheckAsync("thank-you");
        await PupilSurveyJourneyTests.EnterCodeAsync(page, pupilCode);
        (await page.Locator(".govuk-error-summary").InnerTextAsync()).ShouldContain("This code has already been used");
        await CheckAsync("code-already-used");

        await PupilSurveyJourneyTests.EnterCodeAsync(page, parentCode);
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("My child feels safe at this school");
        await CheckAsync("parent-question");
        await page.GotoAsync("/Survey/Check");
        (await page.Locator("main").InnerTextAsync()).ShouldContain("The school deals well with bullying");
        await CheckAsync("parent-check");
        await page.Context.CloseAsync();

        problems.ShouldBeEmpty(string.Join("\n", problems));
    }
}
