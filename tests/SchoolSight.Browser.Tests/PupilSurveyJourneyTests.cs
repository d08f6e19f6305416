using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SchoolSight.Core.Demo;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Indicators;

namespace SchoolSight.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class PupilSurveyJourneyTests(BrowserSession session)
{
    /// <summary>A touch screen 375 pixels wide, by default without JavaScript, as the survey pages must work in.</summary>
    internal static async Task<IPage> TabletPageAsync(BrowserSession session, bool javaScript = false)
    {
        var context = await session.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = session.BaseUrl,
            ViewportSize = new() { Width = 375, Height = 740 },
            HasTouch = true,
            JavaScriptEnabled = javaScript,
        });
        return await context.NewPageAsync();
    }

    private Task<IPage> PupilPageAsync() => TabletPageAsync(session);

    internal static async Task EnterCodeAsync(IPage page, string code)
    {
        await page.GotoAsync("/Survey");
        await page.GetByLabel("Type the code from your slip").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();
    }

    private static async Task AnswerAsync(IPage page, string answer, string button = "Next")
    {
        await page.GetByLabel(answer, new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
    }

    [Fact]
    public async Task APupil_OnA375PixelScreen_AnswersWithACode_LeavesAndComesBack_AndTheCodeIsRefusedAfterSending()
    {
        await using var db = session.App.Database.CreateContext();
        var code = (await db.SurveyCodes.Where(c => c.Urn == DemoSeeder.DemoHeadSchoolUrn && c.Respondent == RespondentType.Pupil && c.StartedAt == null)
            .OrderBy(c => c.Id).Select(c => c.Code).FirstAsync())!;

        var page = await PupilPageAsync();
        await EnterCodeAsync(page, code[..4] + "-" + code[4..].ToLowerInvariant());
        await BrowserSession.ScreenshotAsync(page, "pupil-survey-question-1-375px");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("I feel safe in school");
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(375);
        await AnswerAsync(page, "Yes, a lot");
        await AnswerAsync(page, "Yes");
        await page.Context.CloseAsync();

        var later = await PupilPageAsync();
        await EnterCodeAsync(later, code);
        later.Url.ShouldEndWith("/Survey/Question/3");
        await BrowserSession.ScreenshotAsync(later, "pupil-survey-carries-on-at-question-3");
        await AnswerAsync(later, "No");
        await AnswerAsync(later, "Yes");
        await AnswerAsync(later, "I don't know", "Check your answers");
        await BrowserSession.ScreenshotAsync(later, "pupil-survey-check-answers");
        (await later.Locator("main").InnerTextAsync()).ShouldContain("You answered 5 of 5 questions");
        await later.GetByRole(AriaRole.Button, new() { Name = "Send my answers" }).ClickAsync();
        await BrowserSession.ScreenshotAsync(later, "pupil-survey-sent");
        (await later.Locator("h1").InnerTextAsync()).ShouldBe("Thank you");

        var again = await PupilPageAsync();
        await EnterCodeAsync(again, code);
        await BrowserSession.ScreenshotAsync(again, "pupil-survey-code-refused-after-sending");
        (await again.Locator(".govuk-error-summary").InnerTextAsync()).ShouldContain("This code has already been used");

        var head = await session.SignInAsync(DemoSeeder.DemoUsers.Single(u => u.Role == Role.SchoolUser).Email);
        await head.GotoAsync("/Surveys");
        await BrowserSession.ScreenshotAsync(head, "head-survey-response-rates");
        (await head.Locator("main").InnerTextAsync()).ShouldContain("Reception");
    }
}
