using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SchoolSight.Bench.Indicators;
using SchoolSight.Core.Data;
using SchoolSight.Domain.Access;
using SchoolSight.Web;

namespace SchoolSight.Bench.Pages;

/// <summary>
/// One database's run: SchoolSight on Kestrel (127.0.0.1) in this process, the users signed in through the sign-in page,
/// a warm-up, then a static file and /health as baselines and the mix at each number of clients of the ramp, each client asking for its
/// next page as soon as the last one arrived (closed loop), for a fixed time; every sample kept.
/// </summary>
public static class LoadRun
{
    private const string Password = "Bench-password-1";

    private static readonly Role[] LaRoles = [Role.InterventionOfficer, Role.SeniorManager, Role.QualityAssuranceManager, Role.LaAdministrator];

    public static async Task<bool> RunAsync(BenchDatabase database, DatabaseProvider provider, MixData data, PagesLoadBenchmark.Options options)
    {
        // The bench's users sign in once each from one address, without an authenticator app.
        await using var app = PageLoad.BuildApp(database.Options, "--Security:RequireTwoFactorForLaRoles", "false");
        await SchoolSightApp.PrepareDatabaseAsync(app);
        var users = await CreateUsersAsync(app, data, options.Seed);
        await app.StartAsync();
        var address = new Uri(app.Urls.First());
        var sessions = new List<(LoadUser User, System.Net.CookieCollection Cookies)>();
        foreach (var user in users) sessions.Add((user, await LoadClient.SignInAsync(address, user.Email, Password)));
        var clients = Enumerable.Range(0, options.Ramp.Append(options.Clients).Max())
            .Select(i => new LoadClient(address, sessions[i % sessions.Count].User, sessions[i % sessions.Count].Cookies, options.Seed * 1000 + i)).ToList();
        var ok = true;
        try
        {
            Console.WriteLine();
            Console.WriteLine($"## {provider}: {data.Urns.Count:N0} schools in the LA ranked, {users.Count(u => u.LaOfficer)} LA officers and {users.Count(u => !u.LaOfficer)} school users signed in");
            await StageAsync(clients.Take(options.Clients).ToList(), data, TimeSpan.FromSeconds(Math.Min(10, options.Seconds)));
            if (options.Profile) await CommandProfile.RunAsync(clients.First(c => c.User.LaOfficer), data);
            var summary = new List<string>();
            // The baselines can be left out (--no-baselines) when a profiler is to see the mix alone.
            foreach (var (page, path) in options.Baselines ? new[] { (PageMix.StaticFile, "/js/js-enabled.js"), (PageMix.Health, "/health") } : [])
                summary.Add(Summary($"{page}, {options.Clients} clients", await StageAsync(clients.Take(options.Clients).ToList(), data, TimeSpan.FromSeconds(options.Seconds), (page, path))));
            foreach (var count in options.Ramp)
            {
                var load = LoadStats.LoadAverage();
                var (samples, wall) = await StageAsync(clients.Take(count).ToList(), data, TimeSpan.FromSeconds(options.Seconds));
                Console.WriteLine();
                Console.WriteLine($"### {provider}, {count} clients, {wall.TotalSeconds:N1} s, load average {load} → {LoadStats.LoadAverage()}");
                Console.WriteLine(LoadStats.Header);
                foreach (var row in LoadStats.PerPage(samples, wall)) Console.WriteLine(row.Row());
                summary.Add(Summary($"the mix, {count} clients", (samples, wall)));
                ok &= samples.All(s => s.Ok);
            }
            Console.WriteLine();
            Console.WriteLine($"### {provider}: the ramp");
            Console.WriteLine(LoadStats.Header.Replace("| page |", "| stage |", StringComparison.Ordinal));
            foreach (var line in summary) Console.WriteLine(line);
            while (LoadClient.Problems.TryDequeue(out var problem)) Console.Error.WriteLine($"  {provider}: {problem}");
        }
        finally
        {
            foreach (var client in clients) client.Dispose();
            await app.StopAsync();
        }
        return ok;
    }

    private static string Summary(string stage, (List<Sample> Samples, TimeSpan Wall) run) =>
        (LoadStats.Of(stage, run.Samples, run.Wall) with { Page = stage }).Row();

    /// <summary>Every client asks for its next page (or always <paramref name="only"/>) as soon as the last arrived, until <paramref name="duration"/> has passed.</summary>
    private static async Task<(List<Sample> Samples, TimeSpan Wall)> StageAsync(IReadOnlyList<LoadClient> clients, MixData data, TimeSpan duration, (string Page, string Path)? only = null)
    {
        var samples = new ConcurrentQueue<Sample>();
        var counter = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(clients.Select(client => Task.Run(async () =>
        {
            while (clock.Elapsed < duration)
            {
                var (page, path) = only is { } fixedRequest ? fixedRequest
                    : PageMix.Next(client.User, data, client.Random, export: Interlocked.Increment(ref counter) % 50 == 0);
                samples.Enqueue(await client.GetAsync(page, path));
            }
        })));
        clock.Stop();
        return ([.. samples], clock.Elapsed);
    }

    /// <summary>LA officers of the four LA roles (five of each) and ten school users of the LA's schools.</summary>
    private static async Task<List<LoadUser>> CreateUsersAsync(WebApplication app, MixData data, int seed)
    {
        await using var scope = app.Services.GetRequiredService<IServiceScopeFactory>().CreateScopeAs(ActingUsers.CommandLine("SchoolSight bench"));
        var manager = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var random = new Random(seed);
        var users = new List<LoadUser>();
        for (var i = 0; i < 20; i++)
            users.Add(new LoadUser($"officer{i}@bench.example", true, null));
        for (var i = 0; i < 10; i++)
            users.Add(new LoadUser($"head{i}@bench.example", false, data.Urns[random.Next(data.Urns.Count)]));
        foreach (var (user, i) in users.Select((u, i) => (u, i)))
        {
            var role = user.LaOfficer ? LaRoles[i % LaRoles.Length] : i % 2 == 0 ? Role.SchoolUser : Role.Governor;
            var result = await manager.CreateAsync(new AppUser
            {
                UserName = user.Email,
                Email = user.Email,
                EmailConfirmed = true,
                DisplayName = $"Bench user {i}",
                Role = role,
                SchoolUrn = user.Urn,
            }, Password);
            if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
        return users;
    }
}
