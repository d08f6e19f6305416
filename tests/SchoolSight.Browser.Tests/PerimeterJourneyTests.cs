using Microsoft.Playwright;
using SchoolSight.Core.Demo;
using SchoolSight.Domain.Access;

namespace SchoolSight.Browser.Tests;

/// <summary>The pages' scripts work under the strict Content-Security-Policy, and nothing on them is refused.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PerimeterJourneyTests(BrowserSession session)
{
    private static string EmailOf(Role role) => DemoSeeder.DemoUsers.Single(u => u.Role == role).Email;

    [Fact]
    public async Task ThePagesScripts_RunUnderTheStrictPolicy_WithNothingRefused()
    {
        var page = await session.NewPageAsync();
        var refusals = BrowserSession.WatchContentSecurityPolicy(page);

        // The error summary takes the focus when GOV.UK Frontend starts: its module loaded and ran.
        await page.GotoAsync("/Account/SignIn");
        await page.GetByLabel("Email address").FillAsync(EmailOf(Role.InterventionOfficer));
        await page.GetByLabel("Password").FillAsync("not-the-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.Locator(".govuk-error-summary").WaitForAsync();
        (await page.EvaluateAsync<bool>("document.activeElement.classList.contains('govuk-error-summary')")).ShouldBeTrue("the error summary has the focus");
        (await page.EvaluateAsync<string>("document.body.className")).ShouldContain("govuk-frontend-supported");

        await page.GetByLabel("Email address").FillAsync(EmailOf(Role.InterventionOfficer));
        await page.GetByLabel("Password").FillAsync(DemoSeeder.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/SignIn", StringComparison.Ordinal));

        // Ticking the box changes nothing until the user applies it (no control submits its form on change).
        await page.GotoAsync("/Programme");
        await page.GetByLabel("Include closed cases").CheckAsync();
        page.Url.ShouldNotContain("closed=true");
        await BrowserSession.ClickAsync(page, "Apply");
        await page.WaitForURLAsync(url => url.Contains("closed=true", StringComparison.Ordinal));
        (await page.GetByLabel("Include closed cases").IsCheckedAsync()).ShouldBeTrue();

        foreach (var path in new[] { "/Schools", $"/Schools/{DemoSeeder.DemoHeadSchoolUrn}", $"/Schools/{DemoSeeder.DemoHeadSchoolUrn}/Data", $"/Schools/{DemoSeeder.DemoHeadSchoolUrn}/Level", "/Categorisation", "/RiskRegister", "/Boards" })
        {
            var response = await page.GotoAsync(path);
            response!.Status.ShouldBe(200, path);
            response.Headers["content-security-policy"].ShouldNotContain("unsafe");
        }
        await BrowserSession.ScreenshotAsync(page, "perimeter-level-under-csp");
        refusals.ShouldBeEmpty();

        // The watch works: an inline script added now is refused, does not run, and is reported.
        await page.EvaluateAsync("document.body.appendChild(Object.assign(document.createElement('script'), { textContent: 'window.inlineRan = true' }))");
        for (var i = 0; i < 20 && refusals.Count == 0; i++) await Task.Delay(100);
        refusals.ShouldNotBeEmpty();
        (await page.EvaluateAsync<bool>("window.inlineRan === true")).ShouldBeFalse();
    }
}
