using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace SchoolSight.Web;

/// <summary>
/// What SchoolSight does at its edge: trusts <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> only from the
/// reverse proxies named in <c>ReverseProxy:KnownProxies</c> / <c>ReverseProxy:KnownNetworks</c> (none by default),
/// redirects to HTTPS and sends HSTS when served over HTTPS, marks its cookies <c>Secure</c> on HTTPS requests, and sends
/// a strict Content-Security-Policy (no inline script or style) and <c>Cache-Control: no-store</c> on everything that is not
/// a static file (pages, API answers, exports).
/// </summary>
public static class Perimeter
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The API documentation (Scalar) writes its configuration as an inline script and styles itself inline, so its pages
    /// allow inline script and style; everything else is as strict as <see cref="ContentSecurityPolicy"/>.
    /// </summary>
    public const string ApiDocsContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
        "connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static readonly PathString ApiDocsPath = "/api/docs";

    public static IServiceCollection AddSchoolSightPerimeter(this IServiceCollection services, IConfiguration configuration)
    {
        var proxy = ReverseProxySettings.FromConfiguration(configuration);
        services.AddSingleton(proxy);
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The defaults trust loopback; SchoolSight trusts exactly what is configured.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var address in proxy.KnownProxies) options.KnownProxies.Add(address);
            foreach (var network in proxy.KnownNetworks) options.KnownIPNetworks.Add(network);
            options.ForwardLimit = proxy.ForwardLimit;
        });
        services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = false;
        });
        if (proxy.HttpsPort is { } port) services.AddHttpsRedirection(options => options.HttpsPort = port);
        services.PostConfigure<Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions>(options =>
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        return services;
    }

    /// <summary>First in the pipeline: the scheme and client address are settled before anything reads them.</summary>
    public static WebApplication UseSchoolSightPerimeter(this WebApplication app)
    {
        var proxy = app.Services.GetRequiredService<ReverseProxySettings>();
        // With no known proxy the middleware would trust every sender, so it is only added when one is configured.
        if (proxy.TrustsAnyProxy) app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        app.Use(async (context, next) =>
        {
            // Set as the answer starts, so an error page written after the exception handler cleared the headers has them too.
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments(ApiDocsPath) ? ApiDocsContentSecurityPolicy : ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "same-origin";
                // Static files are served before routing and have no endpoint; everything else may carry pupil-level data.
                if (context.GetEndpoint() is not null && !headers.CacheControl.ToString().Contains("no-store", StringComparison.Ordinal))
                    headers.CacheControl = "no-store";
                return Task.CompletedTask;
            });
            await next();
        });
        return app;
    }
}

/// <summary>The <c>ReverseProxy</c> settings: which proxies' forwarded headers are believed.</summary>
public sealed record ReverseProxySettings(IReadOnlyList<IPAddress> KnownProxies, IReadOnlyList<System.Net.IPNetwork> KnownNetworks, int ForwardLimit, int? HttpsPort)
{
    public bool TrustsAnyProxy => KnownProxies.Count > 0 || KnownNetworks.Count > 0;

    public static ReverseProxySettings FromConfiguration(IConfiguration configuration)
    {
        var section = configuration.GetSection("ReverseProxy");
        var proxies = Values(section.GetSection("KnownProxies")).Select(v => IPAddress.TryParse(v, out var a)
            ? a : throw new InvalidOperationException($"ReverseProxy:KnownProxies: '{v}' is not an IP address.")).ToList();
        var networks = Values(section.GetSection("KnownNetworks")).Select(v => System.Net.IPNetwork.TryParse(v, out var n)
            ? n : throw new InvalidOperationException($"ReverseProxy:KnownNetworks: '{v}' is not a network such as 10.0.0.0/8.")).ToList();
        return new ReverseProxySettings(proxies, networks, section.GetValue("ForwardLimit", 1), section.GetValue<int?>("HttpsPort"));
    }

    /// <summary>A list either as an array (<c>KnownProxies:0</c>, <c>KnownProxies:1</c>) or as one comma-separated value.</summary>
    private static IEnumerable<string> Values(IConfigurationSection section) =>
        (section.Value is { } single ? single.Split(',') : section.GetChildren().Select(c => c.Value ?? ""))
        .Select(v => v.Trim()).Where(v => v.Length > 0);
}
