using System.Text.RegularExpressions;
using System.Threading.Channels;
using Deque.AxeCore.Commons;
using Microsoft.Playwright;
using SchoolSight.Core.Demo;
using SchoolSight.Domain.Access;
using Xunit.Abstractions;

namespace SchoolSight.Browser.Tests;

/// <summary>
/// Crawls every page a role reaches by following links from its home page (one page per route shape) and checks each
/// with axe-core at a desktop width (1280 px) and a phone width (375 px), that nothing on it is wider than the phone's
/// screen, and that no form uses the browser's date box. Each page is loaded once per role; the viewport is narrowed on the loaded page. Three tabs
/// of one signed-in window load pages at once, in the order one tab alone would. axe-core comes with its NuGet
/// package, never from the internet.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Battery")]
public sealed partial class AccessibilityCrawlBattery(BrowserSession session, ITestOutputHelper output)
{
    private const int PagesPerRole = 70;
    private const int Tabs = 3;

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
        // Tabs of one window share its sign-in, as a person's tabs do (and one that renews it renews it for all).
        var signedIn = await session.SignInAsync(DemoSeeder.DemoUsers.Single(u => u.Role == role).Email);
        var tabs = Channel.CreateUnbounded<IPage>();
        tabs.Writer.TryWrite(signedIn);
        for (var tab = 1; tab < Tabs; tab++) tabs.Writer.TryWrite(await signedIn.Context.NewPageAsync());

        // Pages load in several tabs at once, but their links join the queue in the order the pages were taken from it,
        // so the same pages are checked, in the same order, as when one tab goes through the queue alone.
        var problems = new List<string>();
        var found = new List<string> { "/" };
        var seen = new HashSet<string>();
        var looked = new List<string>();
        var visiting = new Queue<(string Shape, Task<Visit> Visit)>();
        var (next, checkedPages, lastPage) = (0, 0, "/");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (checkedPages < PagesPerRole)
        {
            for (; visiting.Count < Tabs && next < found.Count; next++)
                if (seen.Add(Shape(found[next]))) visiting.Enqueue((Shape(found[next]), VisitOnAFreeTabAsync(tabs, found[next])));
            if (visiting.Count == 0) break;
            var (shape, pending) = visiting.Dequeue();
            looked.Add(shape);
            var visit = await pending;
            if (!visit.IsPage) continue;
            checkedPages++;
            lastPage = visit.Url;
            problems.AddRange(visit.Problems);
            found.AddRange(visit.Links);
        }
        // Pages taken beyond the limit were looked at ahead of time, and count for nothing.
        await Task.WhenAll(visiting.Select(v => v.Visit.ContinueWith(_ => { }, TaskScheduler.Default)));

        var last = await tabs.Reader.ReadAsync();
        await last.SetViewportSizeAsync(375, 800);
        await last.GotoAsync(lastPage);
        await BrowserSession.ScreenshotAsync(last, $"crawl-{role}-last-page-375");
        output.WriteLine($"{role}: {checkedPages} pages checked at 1280 and 375 px in {clock.Elapsed.TotalSeconds:0} s: {string.Join(", ", looked.Order())}");

        await signedIn.Context.CloseAsync();

        checkedPages.ShouldBeGreaterThan(10);
        problems.ShouldBeEmpty(string.Join("\n", problems));
    }

    /// <summary>What one page showed: whether it is an HTML page, the links to follow from it, and what is wrong with it.</summary>
    private sealed record Visit(string Url, bool IsPage, IReadOnlyList<string> Links, IReadOnlyList<string> Problems);

    private static async Task<Visit> VisitOnAFreeTabAsync(Channel<IPage> tabs, string url)
    {
        var page = await tabs.Reader.ReadAsync();
        try { return await VisitAsync(page, url); }
        finally { tabs.Writer.TryWrite(page); }
    }

    private static async Task<Visit> VisitAsync(IPage page, string url)
    {
        var notAPage = new Visit(url, false, [], []);
        await page.SetViewportSizeAsync(1280, 900);
        IResponse? response;
        try
        {
            response = await page.GotoAsync(url);
            // A page that renews the sign-in (setting up an authenticator does) can do so while another tab's request
            // is on its way with the old cookie: that request is asked again, with the renewed one.
            if (SentToSignIn(page, url)) response = await page.GotoAsync(url);
        }
        catch (PlaywrightException) { return notAPage; } // a download, not a page
        if (response is null || response.Headers.GetValueOrDefault("content-type")?.StartsWith("text/html", StringComparison.Ordinal) != true) return notAPage;

        var problems = new List<string>(await AxeCheck.SeriousViolationsAsync(page, AxeCheck.EveryRule, $"{url} at 1280 px"));
        var links = (await page.EvalOnSelectorAllAsync<string[]>("a[href^='/']", "links => links.map(a => a.getAttribute('href'))"))
            .Where(Followable).Select(href => href.Split('#')[0]).ToList();

        if (await page.Locator("input[type=date]").CountAsync() > 0) problems.Add($"{url} has the browser's date box instead of the GOV.UK date input");

        await page.SetViewportSizeAsync(375, 800);
        problems.AddRange(await AxeCheck.SeriousViolationsAsync(page, AtPhoneWidth, $"{url} at 375 px"));
        var tooWide = await page.EvaluateAsync<string[]>(WiderThanViewport);
        if (tooWide.Length > 0) problems.Add($"{url} at 375 px is wider than the screen: {string.Join("; ", tooWide)}");
        return new Visit(url, true, links, problems);
    }

    private static bool SentToSignIn(IPage page, string url) =>
        new Uri(page.Url).AbsolutePath.StartsWith("/Account/SignIn", StringComparison.Ordinal) && !url.StartsWith("/Account/SignIn", StringComparison.Ordinal);

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
