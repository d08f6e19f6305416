using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Microsoft.Playwright;
using SchoolSight.Core.Demo;
using SchoolSight.Domain.Access;
using Xunit.Abstractions;

namespace SchoolSight.Browser.Tests;

/// <summary>
/// Crawls every page a role reaches by following links from its home page (one page per route shape) and checks each
/// with axe-core at a desktop width (1280 px) and a phone width (375 px), that nothing on it is wider than the phone's
/// screen, and that no form uses the browser's date box. Each page is loaded once per role; the viewport is narrowed on the loaded page. axe-core comes with its NuGet
/// package, never from the internet.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Battery")]
public sealed partial class AccessibilityCrawlBattery(BrowserSession session, ITestOutputHelper output)
{
    private const int PagesPerRole = 70;

    /// <summary>At the phone width colours are as at the desktop one (checked there), so colour contrast is not checked twice.</summary>
    private static readonly AxeRunOptions AtPhoneWidth = new()
    {
        ResultTypes = [ResultType.Violations],
        Rules = new Dictionary<string, RuleOptions> { ["color-contrast"] = new() { Enabled = false } },
    };

    public static TheoryData<Role> CrawledRoles => [Role.LaAdministrator, Role.SchoolUser, Role.SchoolImprovementPartner];

    [Theory]
    [MemberData(nameof(CrawledRoles))]
    public async Task EveryPageARoleReaches_HasNoSeriousAxeViolation_AndFitsAPhoneScreen(Role role)
    {
        var page = await session.SignInAsync(DemoSeeder.DemoUsers.Single(u => u.Role == role).Email);
        var problems = new List<string>();
        var seen = new HashSet<string>();
        var queue = new Queue<string>(["/"]);
        var checkedPages = 0;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (queue.Count > 0 && checkedPages < PagesPerRole)
        {
            var url = queue.Dequeue();
            if (!seen.Add(Shape(url))) continue;
            await page.SetViewportSizeAsync(1280, 900);
            IResponse? response;
            try { response = await page.GotoAsync(url); }
            catch (PlaywrightException) { continue; } // a download, not a page
            if (response is null || response.Headers.GetValueOrDefault("content-type")?.StartsWith("text/html", StringComparison.Ordinal) != true) continue;
            checkedPages++;

            problems.AddRange(await AxeCheck.SeriousViolationsAsync(page, AxeCheck.EveryRule, $"{url} at 1280 px"));
            foreach (var href in await page.EvalOnSelectorAllAsync<string[]>("a[href^='/']", "links => links.map(a => a.getAttribute('href'))"))
                if (Followable(href)) queue.Enqueue(href.Split('#')[0]);

            if (await page.Locator("input[type=date]").CountAsync() > 0) problems.Add($"{url} has the browser's date box instead of the GOV.UK date input");

            await page.SetViewportSizeAsync(375, 800);
            problems.AddRange(await AxeCheck.SeriousViolationsAsync(page, AtPhoneWidth, $"{url} at 375 px"));
            var tooWide = await page.EvaluateAsync<string[]>(WiderThanViewport);
            if (tooWide.Length > 0) problems.Add($"{url} at 375 px is wider than the screen: {string.Join("; ", tooWide)}");
        }
        await BrowserSession.ScreenshotAsync(page, $"crawl-{role}-last-page-375");
        output.WriteLine($"{role}: {checkedPages} pages checked at 1280 and 375 px in {clock.Elapsed.TotalSeconds:0} s: {string.Join(", ", seen.Order())}");

        checkedPages.ShouldBeGreaterThan(10);
        problems.ShouldBeEmpty(string.Join("\n", problems));
    }

    private static bool Followable(string href) =>
        href.Length > 0 && !href.Contains("handler=", StringComparison.OrdinalIgnoreCase) && !href.Contains("format=", StringComparison.OrdinalIgnoreCase)
        && !href.StartsWith("/api/", StringComparison.Ordinal) && !href.StartsWith("/openapi", StringComparison.Ordinal)
        && !href.StartsWith("/Account/SignOut", StringComparison.Ordinal) && !href.StartsWith("/lib/", StringComparison.Ordinal)
        && !SurveyPage().IsMatch(href);

    /// <summary>The pupils' and parents' survey pages, which <see cref="SurveyPagesAccessibilityTests"/> checks.</summary>
    [GeneratedRegex(@"^/Survey(/|\?|#|$)")]
    private static partial Regex SurveyPage();

    /// <summary>The page's route shape: numbers, indicator codes and the query left out, so 79 schools' pages count as one.</summary>
    private static string Shape(string url) => Code().Replace(url.Split('?')[0].Split('#')[0], "/#");

    /// <summary>The widest elements that stick out of the viewport on the right, named by tag and class.</summary>
    private const string WiderThanViewport = """
        () => {
          const limit = document.documentElement.clientWidth;
          if (document.documentElement.scrollWidth <= limit) return [];
          return [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > limit + 1 && e.getClientRects().length > 0)
            .filter(e => ![...e.children].some(c => c.getBoundingClientRect().right > limit + 1))
            .slice(0, 4)
            .map(e => `${e.tagName.toLowerCase()}${e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : ''} (${Math.round(e.getBoundingClientRect().right)} px)`);
        }
        """;

    [GeneratedRegex(@"/[A-Z0-9_]*[0-9_][A-Z0-9_]*(?=/|$)|/[A-Z][A-Z_]+(?=/|$)")]
    private static partial Regex Code();
}
