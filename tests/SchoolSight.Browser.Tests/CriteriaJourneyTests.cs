using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SchoolSight.Core.Categorisation;
using SchoolSight.Core.Demo;
using SchoolSight.Domain.Access;

namespace SchoolSight.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class CriteriaJourneyTests(BrowserSession session)
{
    /// <summary>
    /// The shipped criteria as a new version in which an Ofsted judgement of requires improvement points to intensive
    /// support — and, for the first upload, with a typing mistake in an indicator id.
    /// </summary>
    private static string Draft(string version, bool withTypo)
    {
        var text = RuleSets.ReadDefault();
        var rule = Regex.Match(text, @"  - id: ofsted-requires-improvement\n(    .*\n)*?    level: targeted\n");
        rule.Success.ShouldBeTrue();
        text = text.Replace("version: \"2026.3\"", $"version: \"{version}\"", StringComparison.Ordinal)
            .Replace(rule.Value, rule.Value.Replace("level: targeted", "level: intensive", StringComparison.Ordinal), StringComparison.Ordinal);
        return withTypo ? text.Replace("indicator: PERSISTENT_ABSENCE", "indicator: PERSISTANT_ABSENCE", StringComparison.Ordinal) : text;
    }

    private static FilePayload Yaml(string text) => new() { Name = "criteria.yaml", MimeType = "text/yaml", Buffer = Encoding.UTF8.GetBytes(text) };

    [Fact]
    public async Task AnEditedCriteriaFile_IsCheckedOnUpload_ShowsWhichSchoolsWouldMove_AndIsAdoptedWithAReason()
    {
        var smt = await session.SignInAsync(DemoSeeder.DemoUsers.Single(u => u.Role == Role.SeniorManager).Email);
        await BrowserSession.OpenFromMenuAsync(smt, "School improvement", "Levels of support");
        await smt.GetByRole(AriaRole.Link, new() { Name = "All versions, upload and what-if" }).ClickAsync();

        // A typing mistake in an indicator id: the page says where, suggests the id, and stores nothing.
        var versionsBefore = await smt.Locator("[data-testid=rule-sets] tbody tr").CountAsync();
        await smt.Locator("#Upload").SetInputFilesAsync(Yaml(Draft("2026.4", withTypo: true)));
        await smt.GetByRole(AriaRole.Button, new() { Name = "Check and upload" }).ClickAsync();
        var summary = await smt.Locator(".govuk-error-summary").InnerTextAsync();
        summary.ShouldContain("'PERSISTANT_ABSENCE' is not an indicator in the catalogue: did you mean PERSISTENT_ABSENCE?");
        summary.ShouldMatch(@"Line \d+, column \d+");
        (await smt.Locator("[data-testid=rule-sets] tbody tr").CountAsync()).ShouldBe(versionsBefore);
        await BrowserSession.ScreenshotAsync(smt, "criteria-01-upload-error");

        // Corrected, it is stored as a draft and the what-if lists the schools that would move, and why.
        await smt.Locator("#Upload").SetInputFilesAsync(Yaml(Draft("2026.4", withTypo: false)));
        await smt.GetByRole(AriaRole.Button, new() { Name = "Check and upload" }).ClickAsync();
        await smt.Locator("[data-testid=what-if-summary]").WaitForAsync();
        (await smt.Locator("h1").InnerTextAsync()).ShouldContain("Version 2026.4");
        (await smt.Locator("[data-testid=what-if-summary]").InnerTextAsync()).ShouldContain("Against the adopted version 2026.3");
        var movers = smt.Locator("[data-testid=what-if] tbody tr");
        (await movers.CountAsync()).ShouldBeGreaterThan(0, await smt.Locator("main").InnerTextAsync());
        var first = await movers.First.InnerTextAsync();
        first.ShouldContain("↑ more support");
        first.ShouldContain("Points to another level: Ofsted judged the school requires improvement");
        first.ShouldContain("Now intensive, was targeted.");
        await BrowserSession.ScreenshotAsync(smt, "criteria-02-what-if");

        // Adopting it makes it the criteria new proposals come from.
        await smt.Locator("#Reason").FillAsync("Agreed at the December SMT: schools Ofsted judges to require improvement get intensive support.");
        await smt.GetByRole(AriaRole.Button, new() { Name = "Adopt these criteria" }).ClickAsync();
        await smt.WaitForURLAsync(url => url.EndsWith("/Categorisation", StringComparison.Ordinal));
        (await smt.Locator(".govuk-notification-banner").InnerTextAsync()).ShouldContain("Version 2026.4 adopted");
        (await smt.Locator("main").InnerTextAsync()).ShouldContain("Proposals come from version 2026.4");
        await BrowserSession.ScreenshotAsync(smt, "criteria-03-adopted");
    }
}
