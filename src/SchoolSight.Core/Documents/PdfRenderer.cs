using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Playwright;
using SchoolSight.Core.Observability;

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
public sealed partial class ChromiumPdfRenderer(IConfiguration? configuration = null, SchoolSightTelemetry? telemetry = null) : IPdfRenderer, IAsyncDisposable
{
    public const string DefaultChromiumPath = "/usr/bin/chromium";
    private readonly SemaphoreSlim _start = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    private string ChromiumPath => configuration?["Documents:ChromiumPath"] is { Length: > 0 } path ? path : DefaultChromiumPath;

    public async Task<byte[]> RenderAsync(string html, CancellationToken ct = default)
    {
        var started = Stopwatch.GetTimestamp();
        var pdf = await RenderPdfAsync(html, ct);
        telemetry?.PdfRendered(Title(html), Pages(pdf), pdf.Length, Stopwatch.GetElapsedTime(started));
        return pdf;
    }

    /// <summary>The document's title, for the log; "untitled" when it has none.</summary>
    internal static string Title(string html) =>
        TitlePattern().Match(html) is { Success: true } m ? System.Net.WebUtility.HtmlDecode(m.Groups[1].Value).Trim() : "untitled";

    /// <summary>The number of pages: the PDF's page objects.</summary>
    internal static int Pages(byte[] pdf) => PagePattern().Count(Encoding.Latin1.GetString(pdf));

    [GeneratedRegex(@"<title>([^<]*)</title>", RegexOptions.IgnoreCase)]
    private static partial Regex TitlePattern();

    [GeneratedRegex(@"/Type\s*/Page(?![a-zA-Z])")]
    private static partial Regex PagePattern();

    private async Task<byte[]> RenderPdfAsync(string html, CancellationToken ct)
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
