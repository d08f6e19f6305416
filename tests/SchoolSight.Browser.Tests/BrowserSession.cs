using Microsoft.Playwright;
using SchoolSight.Core.Data;
using SchoolSight.Core.Demo;
using SchoolSight.TestSupport;

namespace SchoolSight.Browser.Tests;

/// <summary>
/// SchoolSight on Kestrel at 127.0.0.1 over a fresh demo database, driven by Debian's headless Chromium through
/// Playwright (never a downloaded browser). Screenshots of each journey are kept under artifacts/screenshots.
/// </summary>
public sealed class BrowserSession : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    private IPlaywright? _playwright;

    public SchoolSightWebFactory App { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    public static string ScreenshotFolder { get; } = Path.Combine(
        Environment.GetEnvironmentVariable("SCHOOLSIGHT_ARTIFACTS") is { Length: > 0 } a ? a : Path.Combine(Path.GetTempPath(), "schoolsight-artifacts"),
        "screenshots");

    public async Task InitializeAsync()
    {
        App = await SchoolSightWebFactory.CreateAsync(DatabaseProvider.Sqlite, realServer: true);
        BaseUrl = App.ServerAddress.ToString().TrimEnd('/');
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        });
        Directory.CreateDirectory(ScreenshotFolder);
    }

    public async Task<IPage> NewPageAsync(int width = 1280)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, ViewportSize = new() { Width = width, Height = 900 } });
        return await context.NewPageAsync();
    }

    /// <summary>Signs in through the real sign-in page, in a window <paramref name="width"/> pixels wide.</summary>
    public async Task<IPage> SignInAsync(string email, int width = 1280)
    {
        var page = await NewPageAsync(width);
        await page.GotoAsync("/Account/SignIn");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(DemoSeeder.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/SignIn", StringComparison.Ordinal));
        return page;
    }

    /// <summary>
    /// Collects what the page's Content-Security-Policy blocks (Chromium reports each on the console), so a journey can
    /// check that SchoolSight's pages work under the policy without a refusal.
    /// </summary>
    public static List<string> WatchContentSecurityPolicy(IPage page)
    {
        var refusals = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                lock (refusals) refusals.Add($"{page.Url}: {message.Text}");
        };
        return refusals;
    }

    /// <summary>Clicks the button named exactly <paramref name="button"/> (within <paramref name="within"/> when given) and waits for the page it leads to.</summary>
    public static async Task ClickAsync(IPage page, string button, ILocator? within = null)
    {
        await (within ?? page.Locator("body")).GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    /// <summary>Fails with the page's error summary, if it shows one; otherwise expects the success banner.</summary>
    public static async Task ExpectSuccessAsync(IPage page)
    {
        await ExpectNoErrorsAsync(page);
        (await page.Locator(".govuk-notification-banner--success").CountAsync()).ShouldBe(1);
    }

    /// <summary>Fails with the page's error summary, if it shows one (for pages that go back to the record on success, without a banner).</summary>
    public static async Task ExpectNoErrorsAsync(IPage page)
    {
        var errors = page.Locator(".govuk-error-summary");
        if (await errors.CountAsync() > 0) throw new InvalidOperationException("The page showed errors: " + await errors.InnerTextAsync());
    }

    /// <summary>Types a date into the GOV.UK date input whose Day box has the id <paramref name="id"/> (its Month and Year boxes follow).</summary>
    public static async Task FillDateAsync(IPage page, string id, DateOnly date)
    {
        await page.Locator($"#{id}").FillAsync(date.Day.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator($"#{id}-month").FillAsync(date.Month.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator($"#{id}-year").FillAsync(date.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Opens a page from the service navigation: its section, then (when given) the link in the section's own navigation.</summary>
    public static async Task OpenFromMenuAsync(IPage page, string section, string? link = null)
    {
        await FollowAsync(page, page.Locator(".govuk-service-navigation").GetByRole(AriaRole.Link, new() { Name = section, Exact = true }));
        if (link is not null) await FollowAsync(page, page.Locator(".ss-section-navigation").GetByRole(AriaRole.Link, new() { Name = link, Exact = true }));
    }

    /// <summary>
    /// Clicks a link and waits until the browser is at the link's address and that page has been parsed. Waiting for the
    /// address, not for "the page" to load, means a second click can never land on the page being left while the next
    /// one is still on its way.
    /// </summary>
    public static async Task FollowAsync(IPage page, ILocator link)
    {
        var href = await link.GetAttributeAsync("href") ?? throw new InvalidOperationException("The link has no address.");
        var target = new Uri(new Uri(page.Url), href);
        await link.ClickAsync();
        await page.WaitForURLAsync(
            url => Uri.TryCreate(url, UriKind.Absolute, out var at) && at.PathAndQuery == target.PathAndQuery,
            new() { WaitUntil = WaitUntilState.DOMContentLoaded });
    }

    /// <summary>Downloads the PDF behind a link as the user would, checks it is a real PDF, and gives its text.</summary>
    public static async Task<string> DownloadPdfTextAsync(IPage page, ILocator link)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        var bytes = await File.ReadAllBytesAsync(await download.PathAsync());
        PdfText.LooksLikePdf(bytes).ShouldBeTrue();
        return await PdfText.ExtractAsync(bytes);
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserSession>
{
    public const string Name = "Browser";
}
