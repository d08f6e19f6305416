using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SchoolSight.Core.Data;
using SchoolSight.Domain.Access;
using SchoolSight.TestSupport;
using SchoolSight.Web.Api;
using Xunit.Abstractions;

namespace SchoolSight.Web.Tests.Access;

/// <summary>
/// Every write SchoolSight takes — each API POST/PUT and each page's post handler — sent by every role and signed out,
/// with and without its cross-site guard (the API's request header, the form's antiforgery token). Without the guard a
/// write is refused and changes nothing; signed out it goes to sign-in (pages) or gets 401 (API); a role the access
/// matrix does not allow is refused either way. The API's writes with the header, for every role, are checked by
/// <see cref="AccessMatrixTests.EveryEndpoint_ForEveryRole_IsAllowedOrForbiddenAsTheMatrixSays"/> on both databases; this
/// battery checks the edge, before any data is read, so it runs on SQLite only.
/// </summary>
public sealed class WriteBatteryTests(ITestOutputHelper output) : IAsyncLifetime
{
    private SchoolSightWebFactory _app = null!;

    public async Task InitializeAsync() => _app = await SchoolSightWebFactory.CreateAsync(DatabaseProvider.Sqlite);
    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    [Trait("Category", "Battery")]
    public async Task EveryWrite_ForEveryRole_WithAndWithoutItsGuard_IsRefusedOrAllowedAsTheMatrixSays()
    {
        var adminId = await AccessMatrixTests.AdminUserIdAsync(_app);
        var apiWrites = AccessMatrix.Entries.Where(e => !e.Key.StartsWith("GET ", StringComparison.Ordinal)).ToList();
        var pageWrites = await PageWritesAsync();
        var failures = new List<string>();
        var requests = 0;
        var clock = System.Diagnostics.Stopwatch.StartNew();

        // Without the guard first, so that nothing before can hide a change.
        var before = await FingerprintAsync();
        foreach (var (key, allowed) in apiWrites)
        {
            var (method, pattern) = AccessMatrixTests.Split(key);
            var url = AccessMatrixTests.Fill(pattern, adminId);
            requests++;
            using (var anonymous = AccessMatrixTests.Request(method, url))
            {
                var response = await _app.AnonymousClient().SendAsync(anonymous);
                if (response.StatusCode != HttpStatusCode.Unauthorized) failures.Add($"{key} signed out: expected 401, got {(int)response.StatusCode}");
            }
            foreach (var role in Roles.All)
            {
                var client = _app.ClientFor(role);
                client.DefaultRequestHeaders.Remove(ApiRequestHeader.Name);
                using var request = AccessMatrixTests.Request(method, url);
                var response = await client.SendAsync(request);
                requests++;
                // A role the endpoint's policy lets through but its handler would refuse (an SMT-only decision) is stopped by the header check first.
                var ok = allowed!.Contains(role) ? response.StatusCode == HttpStatusCode.BadRequest : response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.BadRequest;
                if (!ok) failures.Add($"{key} as {role} without {ApiRequestHeader.Name}: expected {(allowed.Contains(role) ? "400" : "403")}, got {(int)response.StatusCode}");
            }
        }
        foreach (var (key, allowed) in pageWrites)
        {
            var url = PageUrl(key, adminId);
            requests++;
            var signedOut = await _app.AnonymousClient().PostAsync(url, EmptyForm());
            if (allowed is null ? signedOut.StatusCode != HttpStatusCode.BadRequest : !AccessMatrixTests.IsSignInRedirect(signedOut))
                failures.Add($"{key} signed out without a token: expected {(allowed is null ? "400" : "the sign-in page")}, got {(int)signedOut.StatusCode} {signedOut.Headers.Location}");
            foreach (var role in Roles.All)
            {
                var response = await _app.ClientFor(role).PostAsync(url, EmptyForm());
                requests++;
                var ok = allowed is null || allowed.Contains(role) ? response.StatusCode == HttpStatusCode.BadRequest : AccessMatrixTests.IsRefused(response);
                if (!ok) failures.Add($"{key} as {role} without a token: expected {(allowed is null || allowed.Contains(role) ? "400" : "refused")}, got {(int)response.StatusCode} {response.Headers.Location}");
            }
        }
        (await FingerprintAsync()).ShouldBe(before, "a write without its guard changed something");
        var withoutGuard = requests;

        var withoutGuardTime = clock.Elapsed;

        // With the guard. The API's writes with the header, for every role, are EveryEndpoint_ForEveryRole_IsAllowedOrForbiddenAsTheMatrixSays.
        // Every signed-in page carries the sign-out form, and with it the user's antiforgery token.
        var clients = new Dictionary<Role, (HttpClient Client, string Token)>();
        foreach (var role in Roles.All)
        {
            var client = _app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
            client.DefaultRequestHeaders.Add(SchoolSightWebFactory.TestUserHeader, Core.Demo.DemoSeeder.DemoUsers.Single(u => u.Role == role).Email);
            clients[role] = (client, Forms.AntiforgeryToken(await client.GetStringAsync("/")));
        }
        foreach (var (key, allowed) in pageWrites)
        {
            var url = PageUrl(key, adminId);
            foreach (var role in Roles.All)
            {
                var (client, token) = clients[role];
                var response = await client.PostAsync(url, EmptyForm(token));
                requests++;
                var pageAllowed = allowed is null || allowed.Contains(role);
                if (response.StatusCode == HttpStatusCode.BadRequest && IsAntiforgeryRefusal(response))
                    failures.Add($"{key} as {role} with its token: refused as if it had none");
                else if (!pageAllowed && !AccessMatrixTests.IsRefused(response))
                    failures.Add($"{key} as {role} with its token: expected refused, got {(int)response.StatusCode} {response.Headers.Location}");
                else if (response.StatusCode >= HttpStatusCode.InternalServerError)
                    failures.Add($"{key} as {role} with its token: {(int)response.StatusCode}");
            }
        }

        output.WriteLine($"{apiWrites.Count} API writes and {pageWrites.Count} page post handlers × ({Roles.All.Count} roles + signed out) without their guard: " +
                          $"{withoutGuard} requests in {withoutGuardTime.TotalSeconds:F0} s; page post handlers with their token × {Roles.All.Count} roles: " +
                          $"{requests - withoutGuard} requests in {(clock.Elapsed - withoutGuardTime).TotalSeconds:F0} s.");
        foreach (var f in failures) output.WriteLine(f);
        failures.ShouldBeEmpty();
        apiWrites.Count.ShouldBeGreaterThan(20);
        pageWrites.Count.ShouldBeGreaterThan(40);
    }

    /// <summary>Each page's post handlers, as "POST /pattern?handler=Name", with who may reach the page (its GET in the matrix).</summary>
    private async Task<List<KeyValuePair<string, IReadOnlySet<Role>?>>> PageWritesAsync()
    {
        var loader = _app.Services.GetRequiredService<PageLoader>();
        var pages = _app.Services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items.OfType<PageActionDescriptor>();
        var writes = new Dictionary<string, IReadOnlySet<Role>?>();
        foreach (var page in pages)
        {
            var pattern = "/" + (page.AttributeRouteInfo?.Template ?? "").TrimStart('/');
            if (pattern.EndsWith("/Index", StringComparison.Ordinal)) continue;
            var compiled = await loader.LoadAsync(page, EndpointMetadataCollection.Empty);
            foreach (var handler in compiled.HandlerMethods.Where(h => h.HttpMethod == "Post"))
            {
                var key = $"POST {pattern}" + (handler.Name is { } name ? $"?handler={name}" : "");
                writes[key] = AccessMatrix.Entries.TryGetValue("GET " + pattern, out var allowed)
                    ? allowed : throw new InvalidOperationException($"{key}: the page {pattern} is not in the access matrix");
            }
        }
        return writes.OrderBy(w => w.Key, StringComparer.Ordinal).ToList();
    }

    private static string PageUrl(string key, string adminId)
    {
        var (_, target) = AccessMatrixTests.Split(key);
        // The handler's query, not the '?' of an optional route parameter such as {id:int?}.
        var q = target.IndexOf("?handler=", StringComparison.Ordinal);
        return q < 0 ? AccessMatrixTests.Fill(target, adminId) : AccessMatrixTests.Fill(target[..q], adminId) + target[q..];
    }

    private static FormUrlEncodedContent EmptyForm(string? token = null) =>
        new(token is null ? [] : new Dictionary<string, string> { ["__RequestVerificationToken"] = token });

    /// <summary>A failed antiforgery check answers 400 with an empty body, which the error page then fills with its "400" text.</summary>
    private static bool IsAntiforgeryRefusal(HttpResponseMessage response) =>
        response.Content.Headers.ContentType?.MediaType == "text/html" && response.Content.ReadAsStringAsync().Result.Contains("govuk-template", StringComparison.Ordinal);

    /// <summary>How many rows every table holds and the newest audit entry: any create, update or delete moves it.</summary>
    private async Task<string> FingerprintAsync()
    {
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var audit = await db.AuditEntries.CountAsync();
        var newest = audit == 0 ? 0 : await db.AuditEntries.MaxAsync(a => a.Id);
        var users = await db.Users.Select(u => u.Id + u.ConcurrencyStamp + u.AccessFailedCount).ToListAsync();
        return $"audit {audit} newest {newest}; users {string.Join(",", users.Order())}";
    }
}
