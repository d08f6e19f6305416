using Microsoft.Playwright;
using SchoolSight.Core.Demo;
using SchoolSight.Domain.Access;

namespace SchoolSight.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class CategorisationJourneyTests(BrowserSession session)
{
    private static string EmailOf(Role role) => DemoSeeder.DemoUsers.Single(u => u.Role == role).Email;

    [Fact]
    public async Task AConcernIsRecorded_LevelsAreProposed_TheSmtAgrees_AndTheSchoolSeesItsLevelAndWhy()
    {
        const int school = DemoSeeder.DemoHeadSchoolUrn;

        // The M&I officer records a safeguarding concern, then runs the criteria.
        var officer = await session.SignInAsync(EmailOf(Role.InterventionOfficer));
        await officer.GotoAsync($"/Schools/{school}/Concerns");
        await officer.Locator("input[name='Input.Kind'][value='safeguarding']").CheckAsync();
        await BrowserSession.FillDateAsync(officer, "Input_RaisedOn", DateOnly.FromDateTime(DateTime.UtcNow));
        await officer.Locator("#Input_Summary").FillAsync("Visitors were able to enter the site unchallenged on two occasions.");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Record the concern" }).ClickAsync();
        await officer.GetByText("Visitors were able to enter the site unchallenged").First.WaitForAsync();

        await BrowserSession.OpenFromMenuAsync(officer, "School improvement", "Levels of support");
        await officer.Locator("h1", new() { HasTextString = "Levels of support and intervention" }).WaitForAsync();
        await BrowserSession.ScreenshotAsync(officer, "categorisation-01-overview");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Propose levels for every school" }).ClickAsync();
        (await officer.Locator(".govuk-notification-banner, [role=alert], .govuk-panel").First.InnerTextAsync()).ShouldContain("new proposals");
        var row = officer.Locator("[data-testid=proposals] tbody tr", new() { HasTextString = $"URN {school}" });
        (await row.InnerTextAsync()).ShouldContain("Intensive");
        await BrowserSession.ScreenshotAsync(officer, "categorisation-02-proposals");

        // The SMT member opens the proposal, sees the rule and its evidence, and agrees it.
        var smt = await session.SignInAsync(EmailOf(Role.SeniorManager));
        await smt.GotoAsync("/Categorisation");
        await smt.Locator("[data-testid=proposals] tbody tr", new() { HasTextString = $"URN {school}" }).Locator("a").First.ClickAsync();
        await smt.Locator("[data-testid=proposed-level]").WaitForAsync();
        (await smt.Locator("[data-testid=proposed-level]").InnerTextAsync()).ShouldBe("Intensive");
        var fired = smt.Locator("[data-testid=fired-rule][data-rule=safety-threatened]");
        (await fired.InnerTextAsync()).ShouldContain("Safeguarding: the safety of pupils or staff, open");
        await BrowserSession.ScreenshotAsync(smt, "categorisation-03-proposal");
        await smt.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        (await smt.Locator(".govuk-error-summary").InnerTextAsync()).ShouldContain("Choose whether to agree the proposed level or set another");
        await BrowserSession.ScreenshotAsync(smt, "categorisation-04-decision-error");
        await smt.Locator("#Input_Choice").CheckAsync();
        await smt.Locator("#Input_Reason").FillAsync("Agreed at the SMT: the LA will work with the school through the Improving Outcomes Programme.");
        await smt.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        await smt.WaitForURLAsync(url => url.EndsWith("/Categorisation", StringComparison.Ordinal));

        // The headteacher sees the school's level, what it means and why, in plain words.
        var head = await session.SignInAsync(EmailOf(Role.SchoolUser));
        await head.GetByRole(AriaRole.Link, new() { Name = "My school", Exact = true }).ClickAsync();
        await head.Locator($"a[href='/Schools/{school}']").First.ClickAsync();
        await head.Locator("[data-testid=level-link]").ClickAsync();
        var level = head.Locator("[data-testid=school-level]");
        (await level.InnerTextAsync()).ShouldContain("Intensive");
        (await level.InnerTextAsync()).ShouldContain("structured improvement programme");
        // The LA's concern is its own intelligence: the school is told only that the LA holds information.
        var reasons = await head.Locator("[data-testid=level-reasons]").InnerTextAsync();
        reasons.ShouldContain("Information held by the LA");
        reasons.ShouldNotContain("safety of pupils", Case.Insensitive);
        reasons.ShouldNotContain("concern", Case.Insensitive);
        // The SMT's own reason, written for the school to read (the decision form asks them not to name a concern).
        var page = await head.Locator("body").InnerTextAsync();
        page.ShouldContain("the LA will work with the school through the Improving Outcomes Programme");
        page.ShouldNotContain("safeguarding", Case.Insensitive);
        (await head.Locator("[data-testid=level-history] tbody tr").CountAsync()).ShouldBeGreaterThanOrEqualTo(2);
        await BrowserSession.ScreenshotAsync(head, "categorisation-05-school-sees-level");
    }
}
