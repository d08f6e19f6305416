using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SchoolSight.Core.Access;
using SchoolSight.Core.Data;
using SchoolSight.Domain.Access;
using SchoolSight.Web;

namespace SchoolSight.Bench.Indicators;

/// <summary>
/// A school data page under load: SchoolSight served by Kestrel on 127.0.0.1 over the benchmark's database, an LA
/// officer signed in, then <c>requests</c> page loads of randomly chosen schools (fixed seed) from <c>concurrency</c>
/// clients at once, after a warm-up. Reports the median, 95th and 99th percentile latency.
/// </summary>
public static partial class PageLoad
{
    private const string Email = "bench.officer@schoolsight.example";
    private const string Password = "Bench-password-1";

    public static async Task RunAsync(DatabaseOptions database, IReadOnlyList<int> urns, int requests, int concurrency, int seed)
    {
        await using var app = BuildApp(database);
        await SchoolSightApp.PrepareDatabaseAsync(app);
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            if (await users.FindByEmailAsync(Email) is null)
            {
                var result = await users.CreateAsync(new AppUser { UserName = Email, Email = Email, EmailConfirmed = true, DisplayName = "Bench officer", Role = Role.InterventionOfficer }, Password);
                if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
            }
        }
        await app.StartAsync();
        var address = new Uri(app.Urls.First());
        using var handler = new SocketsHttpHandler { CookieContainer = new CookieContainer(), MaxConnectionsPerServer = concurrency, AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = address };
        await SignInAsync(client);

        var random = new Random(seed);
        var picks = Enumerable.Range(0, requests).Select(_ => urns[random.Next(urns.Count)]).ToArray();
        foreach (var urn in picks.Take(Math.Min(50, picks.Length))) await GetAsync(client, urn);

        var latencies = new double[picks.Length];
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < picks.Length)
            {
                var start = Stopwatch.GetTimestamp();
                await GetAsync(client, picks[i]);
                latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
        }));
        clock.Stop();
        Array.Sort(latencies);
        double Percentile(double p) => latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(p * latencies.Length) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| School data page /Schools/{{urn}}/Data, {requests:N0} requests, {concurrency} at once | median {Percentile(0.5):N1} ms, p95 {Percentile(0.95):N1} ms, p99 {Percentile(0.99):N1} ms | {requests / clock.Elapsed.TotalSeconds:N0} pages/s |"));
        await app.StopAsync();
    }

    /// <summary>
    /// SchoolSight as the benchmarks run it: the app's own name and content root (so its pages and static files are found
    /// as when it runs itself), production settings, a free port on 127.0.0.1, the benchmark's database, warnings only;
    /// <paramref name="settings"/> are added after these.
    /// </summary>
    internal static WebApplication BuildApp(DatabaseOptions database, params string[] settings) => SchoolSightApp.Build([
        "--applicationName", "SchoolSight.Web", "--contentRoot", WebContentRoot(),
        "--urls", "http://127.0.0.1:0", "--environment", "Production",
        "--Database:Provider", database.Provider.ToString(), "--Database:ConnectionString", database.ConnectionString,
        "--DataProtection:KeysFolder", Path.Combine(Path.GetTempPath(), "schoolsight-bench-keys"), "--Logging:LogLevel:Default", "Warning",
        .. settings,
    ]);

    /// <summary>The web project's folder, so the app's pages and static files are found as when it runs itself.</summary>
    internal static string WebContentRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, "src", "SchoolSight.Web"))) return Path.Combine(dir.FullName, "src", "SchoolSight.Web");
        return Directory.GetCurrentDirectory();
    }

    private static async Task GetAsync(HttpClient client, int urn)
    {
        using var response = await client.GetAsync($"/Schools/{urn}/Data");
        if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"/Schools/{urn}/Data answered {(int)response.StatusCode}");
        await response.Content.ReadAsByteArrayAsync();
    }

    private static async Task SignInAsync(HttpClient client)
    {
        using var page = await client.GetAsync("/Account/SignIn");
        if (page.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"The sign-in page answered {(int)page.StatusCode} {page.Headers.Location}");
        var form = await page.Content.ReadAsStringAsync();
        var token = TokenPattern().Match(form).Groups[1].Value;
        using var response = await client.PostAsync("/Account/SignIn", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = Email,
            ["Input.Password"] = Password,
            ["__RequestVerificationToken"] = token,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Sign-in answered {(int)response.StatusCode}");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    internal static partial Regex TokenPattern();
}
