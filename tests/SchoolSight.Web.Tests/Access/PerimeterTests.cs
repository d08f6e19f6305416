using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SchoolSight.Core.Demo;
using SchoolSight.Domain.Access;
using SchoolSight.TestSupport;
using SchoolSight.Web.Api;

namespace SchoolSight.Web.Tests.Access;

/// <summary>
/// SchoolSight behind a TLS-terminating reverse proxy: forwarded headers believed only from a known proxy, Secure cookies,
/// HSTS and the HTTPS redirect; the Content-Security-Policy and no-store on pages, API answers and exports.
/// </summary>
public abstract partial class PerimeterTests(DemoApp fixture)
{
    private const string KnownProxy = "10.20.30.40";
    private const string PublicHost = "http://schoolsight.example.org";
    private readonly SchoolSightWebFactory _app = fixture.App;

    [Fact]
    public async Task APage_AnApiAnswer_AndAnExport_CarryTheStrictPolicy_AndAreNotStored()
    {
        var client = _app.ClientFor(Role.LaAdministrator);
        foreach (var url in new[] { "/Schools", "/api/v1/schools", "/RiskRegister?format=csv", "/RiskRegister?format=xlsx", $"/Schools/{DemoSeeder.DemoHeadSchoolUrn}/Data?format=csv" })
        {
            var response = await client.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
            Header(response, "Content-Security-Policy").ShouldBe(Perimeter.ContentSecurityPolicy, url);
            response.Headers.CacheControl?.NoStore.ShouldBe(true, url);
            Header(response, "X-Content-Type-Options").ShouldBe("nosniff", url);
            Header(response, "X-Frame-Options").ShouldBe("DENY", url);
        }
        var signIn = await _app.AnonymousClient().GetAsync("/Account/SignIn");
        Header(signIn, "Content-Security-Policy").ShouldBe(Perimeter.ContentSecurityPolicy);
        var missing = await client.GetAsync("/no-such-page");
        Header(missing, "Content-Security-Policy").ShouldBe(Perimeter.ContentSecurityPolicy, "the error page too");
    }

    [Fact]
    public void ThePolicy_ForbidsInlineScript_FramingAndPlugins()
    {
        var directives = Perimeter.ContentSecurityPolicy.Split(';', StringSplitOptions.TrimEntries);
        directives.ShouldContain("script-src 'self'");
        directives.ShouldContain("style-src 'self'");
        directives.ShouldContain("object-src 'none'");
        directives.ShouldContain("frame-ancestors 'none'");
        directives.ShouldContain("base-uri 'self'");
        directives.ShouldContain("form-action 'self'");
        Perimeter.ContentSecurityPolicy.ShouldNotContain("unsafe");
    }

    [Fact]
    public async Task OnlyTheApiDocumentation_HasTheRelaxedPolicy()
    {
        var client = _app.ClientFor(Role.InterventionOfficer);
        var docs = await client.GetAsync("/api/docs/");
        docs.StatusCode.ShouldBe(HttpStatusCode.OK);
        Header(docs, "Content-Security-Policy").ShouldBe(Perimeter.ApiDocsContentSecurityPolicy);
        Header(await client.GetAsync("/openapi/v1.json"), "Content-Security-Policy").ShouldBe(Perimeter.ContentSecurityPolicy);
        Header(await client.GetAsync("/api/v1/partners"), "Content-Security-Policy").ShouldBe(Perimeter.ContentSecurityPolicy);
        Header(await client.GetAsync("/api/documents"), "Content-Security-Policy").ShouldBe(Perimeter.ContentSecurityPolicy, "a path that only starts with the same letters");
    }

    [Fact]
    public async Task StaticFiles_MayBeCached()
    {
        var css = await _app.AnonymousClient().GetAsync("/site.css");
        css.StatusCode.ShouldBe(HttpStatusCode.OK);
        (css.Headers.CacheControl?.NoStore ?? false).ShouldBeFalse();
        Header(css, "X-Content-Type-Options").ShouldBe("nosniff");
    }

    [Fact]
    public async Task ForwardedHttps_FromAKnownProxy_MakesTheCookiesSecure_AndSendsHsts()
    {
        await using var app = BehindProxy(("ReverseProxy:KnownProxies", KnownProxy));
        var (antiforgery, auth, response) = await SignInAsync(app, from: KnownProxy, forwardedProto: "https");
        antiforgery.ShouldContain("secure", Case.Insensitive);
        auth.ShouldNotBeNull("signed in").ShouldContain("secure", Case.Insensitive);
        Header(response, "Strict-Transport-Security").ShouldStartWith("max-age=31536000");
    }

    [Fact]
    public async Task ForwardedHttps_FromAnUnknownAddress_IsNotBelieved()
    {
        await using var app = BehindProxy(("ReverseProxy:KnownProxies", KnownProxy));
        var (antiforgery, auth, response) = await SignInAsync(app, from: "203.0.113.9", forwardedProto: "https");
        antiforgery.ShouldNotContain("secure", Case.Insensitive);
        auth.ShouldNotBeNull("signed in").ShouldNotContain("secure", Case.Insensitive);
        Header(response, "Strict-Transport-Security").ShouldBeNull();
    }

    [Fact]
    public async Task ByDefault_NoProxyIsTrusted_NotEvenOnTheSameMachine()
    {
        await using var app = BehindProxy();
        var (antiforgery, auth, _) = await SignInAsync(app, from: "127.0.0.1", forwardedProto: "https");
        antiforgery.ShouldNotContain("secure", Case.Insensitive);
        auth.ShouldNotBeNull("signed in").ShouldNotContain("secure", Case.Insensitive);
    }

    [Fact]
    public async Task AKnownNetwork_IsTrusted_AndPlainHttp_IsRedirectedToHttps()
    {
        await using var app = BehindProxy(("ReverseProxy:KnownNetworks", "10.20.0.0/16"), ("ReverseProxy:HttpsPort", "443"));
        var client = Client(app, "10.20.99.1");

        using var plain = new HttpRequestMessage(HttpMethod.Get, "/Account/SignIn");
        plain.Headers.Add("X-Forwarded-Proto", "http");
        var redirected = await client.SendAsync(plain);
        redirected.StatusCode.ShouldBe(HttpStatusCode.TemporaryRedirect);
        redirected.Headers.Location!.ToString().ShouldBe("https://schoolsight.example.org/Account/SignIn");

        using var secure = new HttpRequestMessage(HttpMethod.Get, "/Account/SignIn");
        secure.Headers.Add("X-Forwarded-Proto", "https");
        var answered = await client.SendAsync(secure);
        answered.StatusCode.ShouldBe(HttpStatusCode.OK, answered.Headers.Location?.ToString());
        Header(answered, "Strict-Transport-Security").ShouldNotBeNull();
    }

    [Fact]
    public void AMistypedProxyAddress_StopsTheAppAtStartUp()
    {
        using var app = BehindProxy(("ReverseProxy:KnownProxies", "proxy.example.org"));
        Should.Throw<Exception>(() => app.CreateClient()).ToString().ShouldContain("ReverseProxy:KnownProxies: 'proxy.example.org' is not an IP address");
    }

    [Fact]
    public async Task AnApiWrite_WithoutTheRequestHeader_IsRefused_AndChangesNothing()
    {
        var admin = _app.ClientFor(Role.LaAdministrator);
        var before = await admin.GetStringAsync("/api/v1/localities");

        admin.DefaultRequestHeaders.Remove(ApiRequestHeader.Name);
        var json = new StringContent("""{"name":"Cross-site locality","boardName":"Cross-site Board"}""", Encoding.UTF8, "application/json");
        var refused = await admin.PostAsync("/api/v1/localities", json);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        refused.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        (await refused.Content.ReadAsStringAsync()).ShouldContain(ApiRequestHeader.Name);

        // What another site can make a browser send without a preflight: text/plain, an empty body, a multipart form.
        var senior = _app.ClientFor(Role.SeniorManager);
        senior.DefaultRequestHeaders.Remove(ApiRequestHeader.Name);
        (await senior.PostAsync("/api/v1/categorisation/rulesets", new StringContent("version: 2\n", Encoding.UTF8, "text/plain"))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await senior.PostAsync("/api/v1/categorisation/proposals", null)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var form = new MultipartFormDataContent { { new StringContent("URN,Name\n1,A\n"), "file", "pupils.csv" } };
        (await admin.PostAsync("/api/v1/imports/pupils", form)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        (await _app.ClientFor(Role.LaAdministrator).GetStringAsync("/api/v1/localities")).ShouldBe(before);
        (await _app.ClientFor(Role.LaAdministrator).GetStringAsync("/api/v1/imports")).ShouldNotContain("pupils.csv");
        (await _app.ClientFor(Role.SeniorManager).GetStringAsync("/api/v1/categorisation/rulesets")).ShouldNotContain("\"version\":2,");
    }

    [Fact]
    public async Task AnApiWrite_WithTheRequestHeader_IsAccepted_AndReadsNeedNoHeader()
    {
        var admin = _app.ClientFor(Role.LaAdministrator);
        var created = await admin.PostAsync("/api/v1/localities",
            new StringContent("""{"name":"Riverside North","boardName":"Riverside North Board"}""", Encoding.UTF8, "application/json"));
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());

        admin.DefaultRequestHeaders.Remove(ApiRequestHeader.Name);
        (await admin.GetAsync("/api/v1/localities")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task TheOpenApiDocument_NamesTheRequestHeader_OnEveryWrite()
    {
        var json = await _app.ClientFor(Role.LaAdministrator).GetStringAsync("/openapi/v1.json");
        using var document = System.Text.Json.JsonDocument.Parse(json);
        document.RootElement.GetProperty("info").GetProperty("description").GetString()!.ShouldContain(ApiRequestHeader.Name);
        var writes = 0;
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Name is "post" or "put" or "patch" or "delete"))
            {
                writes++;
                var parameters = operation.Value.TryGetProperty("parameters", out var p) ? p.EnumerateArray().ToList() : [];
                parameters.ShouldContain(x => x.GetProperty("name").GetString() == ApiRequestHeader.Name && x.GetProperty("in").GetString() == "header"
                    && x.GetProperty("required").GetBoolean(), $"{operation.Name} {path.Name}");
            }
        writes.ShouldBeGreaterThan(20);
    }

    /// <summary>Script elements without a src (unless nonce'd), style attributes and elements, and on...= handlers.</summary>
    public static IEnumerable<string> InlineCode(string html)
    {
        foreach (Match tag in Tag().Matches(html))
        {
            var text = tag.Value;
            var name = tag.Groups[1].Value.ToLowerInvariant();
            if (name == "script" && !Attribute("src").IsMatch(text) && !Attribute("nonce").IsMatch(text)) yield return "inline <script>";
            if (name == "style" && !Attribute("nonce").IsMatch(text)) yield return "inline <style>";
            if (Attribute("style").IsMatch(text)) yield return $"style attribute in {Trim(text)}";
            if (Handler().Match(text) is { Success: true } handler) yield return $"{handler.Value.Trim()} handler in {Trim(text)}";
        }
    }

    private static Regex Attribute(string name) => new($@"\s{name}\s*=", RegexOptions.IgnoreCase);
    private static string Trim(string tag) => tag.Length > 120 ? tag[..120] + "…" : tag;

    /// <summary>The page's route shape: numbers and the query left out, so 79 schools' pages count as one.</summary>
    internal static string Shape(string url) => Digits().Replace(url.Split('?')[0], "#");

    private WebApplicationFactory<Program> BehindProxy(params (string Key, string Value)[] settings) =>
        _app.WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, RemoteAddressFromHeader>());
        });

    private static HttpClient Client(WebApplicationFactory<Program> app, string from)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri(PublicHost) });
        client.DefaultRequestHeaders.Add(RemoteAddressFromHeader.Header, from);
        return client;
    }

    /// <summary>Signs in through the sign-in page as a browser behind the proxy would (cookies carried by hand, whatever their Secure flag).</summary>
    private static async Task<(string Antiforgery, string? Auth, HttpResponseMessage Response)> SignInAsync(WebApplicationFactory<Program> app, string from, string forwardedProto)
    {
        var client = Client(app, from);
        using var get = new HttpRequestMessage(HttpMethod.Get, "/Account/SignIn");
        get.Headers.Add("X-Forwarded-Proto", forwardedProto);
        var page = await client.SendAsync(get);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var antiforgery = Cookie(page, "SchoolSight.Antiforgery").ShouldNotBeNull("the sign-in page sets the antiforgery cookie");

        using var post = new HttpRequestMessage(HttpMethod.Post, "/Account/SignIn")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = DemoSeeder.DemoUsers.Single(u => u.Role == Role.SeniorManager).Email,
                ["Input.Password"] = DemoSeeder.DemoPassword,
                ["__RequestVerificationToken"] = Forms.AntiforgeryToken(await page.Content.ReadAsStringAsync()),
            }),
        };
        post.Headers.Add("X-Forwarded-Proto", forwardedProto);
        post.Headers.Add("Cookie", antiforgery.Split(';')[0]);
        var signedIn = await client.SendAsync(post);
        return (antiforgery, Cookie(signedIn, "SchoolSight.Auth"), signedIn);
    }

    private static string? Cookie(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values.FirstOrDefault(v => v.StartsWith(name + "=", StringComparison.Ordinal)) : null;

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values)
        : response.Content.Headers.TryGetValues(name, out var content) ? string.Join(", ", content) : null;

    /// <summary>Stands in for the network: the test says which address the request comes from, as Kestrel would.</summary>
    private sealed class RemoteAddressFromHeader : IStartupFilter
    {
        public const string Header = "X-Test-Remote-Address";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers[Header].ToString() is { Length: > 0 } address) context.Connection.RemoteIpAddress = IPAddress.Parse(address);
                return nextMiddleware(context);
            });
            next(app);
        };
    }

    [GeneratedRegex(@"<([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex Handler();

    [GeneratedRegex("href=\"(/[^\"]*)\"")]
    internal static partial Regex Link();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();
}

public sealed class PerimeterTests_Sqlite(SqliteDemoApp fixture) : PerimeterTests(fixture), IClassFixture<SqliteDemoApp>;
public sealed class PerimeterTests_Postgres(PostgresDemoApp fixture) : PerimeterTests(fixture), IClassFixture<PostgresDemoApp>;
