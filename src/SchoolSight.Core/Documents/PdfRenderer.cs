using Microsoft.Extensions.Configuration;
using Microsoft.Playwright;

namespace SchoolSight.Core.Documents;

/// <summary>Turns an HTML document (with print CSS) into a PDF. Letters, meeting reports and board reports use it.</summary>
public interface IPdfRenderer
{
    Task<byte[]> RenderAsync(string html, CancellationToken ct = default);
}

/// <summary>
/// Renders PDFs with the machine's own Chromium (Debian's <c>/usr/bin/chromium</c>, or <c>Documents:ChromiumPath</c>)
/// through Playwright's <c>Page.PdfAsync</c>; it never downloads a browser. One headless browser is started on first
/// use and shared; each document gets its own page.
/// </summary>
public sealed class ChromiumPdfRenderer(IConfiguration? configuration = null) : IPdfRenderer, IAsyncDisposable
{
    public const string DefaultChromiumPath = "/usr/bin/chromium";
    private readonly SemaphoreSlim _start = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    private string ChromiumPath => configuration?["Documents:ChromiumPath"] is { Length: > 0 } path ? path : DefaultChromiumPath;

    public async Task<byte[]> RenderAsync(string html, CancellationToken ct = default)
    {
        var browser = await BrowserAsync(ct);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { JavaScriptEnabled = false });
        try
        {
            await page.SetContentAsync(html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load });
            return await page.PdfAsync(new PagePdfOptions
            {
                Format = "A4",
                PrintBackground = true,
                PreferCSSPageSize = true,
                Margin = new Margin { Top = "18mm", Bottom = "18mm", Left = "18mm", Right = "18mm" },
            });
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    private async Task<IBrowser> BrowserAsync(CancellationToken ct)
    {
        if (_browser is { IsConnected: true }) return _browser;
        await _start.WaitAsync(ct);
        try
        {
            if (_browser is { IsConnected: true }) return _browser;
            _playwright ??= await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
            });
            return _browser;
        }
        finally
        {
            _start.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
        _start.Dispose();
    }
}
