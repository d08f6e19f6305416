using System.Diagnostics;
using System.Net;
using SchoolSight.Bench.Indicators;

namespace SchoolSight.Bench.Pages;

/// <summary>
/// One browser-like client: its own <see cref="SocketsHttpHandler"/> (one connection, no redirects followed) and its own
/// cookie container holding a copy of its user's sign-in cookie, as a second tab would.
/// </summary>
public sealed class LoadClient : IDisposable
{
    private readonly HttpClient _client;
    private readonly byte[] _buffer = new byte[64 * 1024];

    public LoadClient(Uri address, LoadUser user, CookieCollection cookies, int seed)
    {
        var container = new CookieContainer();
        container.Add(cookies);
        _client = new HttpClient(new SocketsHttpHandler { CookieContainer = container, AllowAutoRedirect = false, MaxConnectionsPerServer = 1 })
        {
            BaseAddress = address,
            Timeout = TimeSpan.FromSeconds(60),
        };
        User = user;
        Random = new Random(seed);
    }

    public LoadUser User { get; }

    public Random Random { get; }

    /// <summary>The first few unexpected answers, to say what went wrong.</summary>
    public static readonly System.Collections.Concurrent.ConcurrentQueue<string> Problems = new();

    /// <summary>Fetches <paramref name="path"/> whole; OK when it answers 200.</summary>
    public async Task<Sample> GetAsync(string page, string path)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            // The whole body is read before the time is taken, as a browser would, into one buffer of the client's own:
            // buffering each page whole would make the harness, not the app, the largest allocator in the process.
            using var response = await _client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
            await using var body = await response.Content.ReadAsStreamAsync();
            long bytes = 0;
            for (int read; (read = await body.ReadAsync(_buffer)) > 0;) bytes += read;
            var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (response.StatusCode != HttpStatusCode.OK && Problems.Count < 20)
                Problems.Enqueue($"{path} answered {(int)response.StatusCode} {response.Headers.Location}");
            return new Sample(page, ms, response.StatusCode == HttpStatusCode.OK, bytes);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            if (Problems.Count < 20) Problems.Enqueue($"{path}: {e.Message}");
            return new Sample(page, Stopwatch.GetElapsedTime(start).TotalMilliseconds, false);
        }
    }

    /// <summary>Signs <paramref name="email"/> in through the real sign-in page; the cookies of the signed-in session.</summary>
    public static async Task<CookieCollection> SignInAsync(Uri address, string email, string password)
    {
        var container = new CookieContainer();
        using var client = new HttpClient(new SocketsHttpHandler { CookieContainer = container, AllowAutoRedirect = false }) { BaseAddress = address };
        using var page = await client.GetAsync("/Account/SignIn");
        var token = PageLoad.TokenPattern().Match(await page.Content.ReadAsStringAsync()).Groups[1].Value;
        using var response = await client.PostAsync("/Account/SignIn", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.ToString() is { } to && to.Contains("SignIn", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"Sign-in of {email} answered {(int)response.StatusCode} {response.Headers.Location}");
        return container.GetAllCookies();
    }

    public void Dispose() => _client.Dispose();
}
