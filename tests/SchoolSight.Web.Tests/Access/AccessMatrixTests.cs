using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SchoolSight.Core.Data;
using SchoolSight.Core.Demo;
using SchoolSight.Domain.Access;
using SchoolSight.TestSupport;
using Xunit.Abstractions;

namespace SchoolSight.Web.Tests.Access;

/// <summary>
/// Walks every page and API endpoint for every role and checks it is allowed or forbidden exactly as
/// <see cref="AccessMatrix"/> says; and that school-bound roles cannot reach another school.
/// </summary>
public abstract partial class AccessMatrixTests(DatabaseProvider provider, ITestOutputHelper output) : IAsyncLifetime
{
    private SchoolSightWebFactory _app = null!;

    public async Task InitializeAsync() => _app = await SchoolSightWebFactory.CreateAsync(provider);
    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public void EveryEndpoint_IsInTheMatrix()
    {
        var mapped = MappedEndpoints();
        var missing = mapped.Except(AccessMatrix.Entries.Keys).OrderBy(k => k).ToList();
        var stale = AccessMatrix.Entries.Keys.Except(mapped).OrderBy(k => k).ToList();
        missing.ShouldBeEmpty($"endpoints missing from the access matrix: {string.Join(", ", missing)}");
        stale.ShouldBeEmpty($"matrix entries for endpoints that no longer exist: {string.Join(", ", stale)}");
    }

    [Fact]
    public async Task EveryEndpoint_ForEveryRole_IsAllowedOrForbiddenAsTheMatrixSays()
    {
        var adminId = await AdminUserIdAsync();
        var failures = new List<string>();
        foreach (var (key, allowed) in AccessMatrix.Entries)
        {
            var (method, pattern) = Split(key);
            var url = Fill(pattern, adminId);
            foreach (var role in Roles.All)
            {
                using var request = Request(method, url);
                var response = await _app.ClientFor(role).SendAsync(request);
                if (allowed is null)
                {
                    // Open pages: reachable signed in or out (the access-denied page itself answers 403 by design).
                    if (response.StatusCode is HttpStatusCode.Unauthorized or >= HttpStatusCode.InternalServerError || IsSignInRedirect(response))
                        failures.Add($"{key} as {role}: expected reachable, got {(int)response.StatusCode}");
                    continue;
                }
                var forbidden = IsRefused(response);
                var expectAllowed = allowed.Contains(role);
                if (forbidden == expectAllowed)
                    failures.Add($"{key} as {role}: expected {(expectAllowed ? "allowed" : "forbidden")}, got {(int)response.StatusCode} {response.Headers.Location}");
            }
            if (allowed is not null)
            {
                using var anonymous = Request(method, url);
                var response = await _app.AnonymousClient().SendAsync(anonymous);
                if (!IsRefused(response)) failures.Add($"{key} signed out: expected refused, got {(int)response.StatusCode}");
            }
        }
        foreach (var f in failures) output.WriteLine(f);
        failures.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(Role.SchoolUser)]
    [InlineData(Role.Governor)]
    [InlineData(Role.SchoolImprovementPartner)]
    public async Task ASchoolBoundRole_CannotReachAnotherSchool(Role role)
    {
        const int otherSchool = DemoSeeder.OtherDemoSchoolUrn;
        var client = _app.ClientFor(role);
        IsRefused(await client.GetAsync($"/Schools/{otherSchool}")).ShouldBeTrue("profile page");
        IsRefused(await client.GetAsync($"/api/v1/schools/{otherSchool}")).ShouldBeTrue("API");
        IsRefused(await client.GetAsync($"/Schools/{otherSchool}/Data")).ShouldBeTrue("data page");
        IsRefused(await client.GetAsync($"/Schools/{otherSchool}/Data/KS2_RWM_EXP")).ShouldBeTrue("indicator page");
        IsRefused(await client.GetAsync($"/Schools/{otherSchool}/Wellbeing/stay-safe")).ShouldBeTrue("well-being page");
        IsRefused(await client.GetAsync($"/api/v1/schools/{otherSchool}/indicators")).ShouldBeTrue("indicators API");
        IsRefused(await client.GetAsync($"/api/v1/schools/{otherSchool}/indicators/KS2_RWM_EXP")).ShouldBeTrue("indicator API");
        var list = await client.GetStringAsync("/Schools?search=" + otherSchool);
        list.ShouldNotContain($"/Schools/{otherSchool}\"");
        var api = await client.GetStringAsync("/api/v1/schools?search=" + otherSchool);
        api.ShouldNotContain(otherSchool.ToString());
    }

    [Fact]
    public async Task ApiRefusals_AreProblemDetails_NotPages()
    {
        var forbidden = await _app.ClientFor(Role.Partner).GetAsync("/api/v1/schools");
        forbidden.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        forbidden.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");

        var signedOut = await _app.AnonymousClient().PostAsync("/api/v1/localities", new StringContent("{}", Encoding.UTF8, "application/json"));
        signedOut.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        signedOut.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
    }

    internal static bool IsRefused(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized ||
        (response.StatusCode == HttpStatusCode.Redirect &&
         response.Headers.Location?.ToString() is { } location &&
         (location.Contains("/Account/AccessDenied", StringComparison.Ordinal) || location.Contains("/Account/SignIn", StringComparison.Ordinal)));

    internal static bool IsSignInRedirect(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.ToString().Contains("/Account/SignIn", StringComparison.Ordinal) == true;

    private HashSet<string> MappedEndpoints()
    {
        var keys = new HashSet<string>();
        foreach (var endpoint in _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            if (pattern.EndsWith("/Index", StringComparison.Ordinal)) continue; // a page's "Index" alias of its folder route
            if (pattern.StartsWith("/api/docs", StringComparison.Ordinal)) pattern = "/api/docs/{documentName?}";
            var methods = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (var method in methods) keys.Add($"{method} {pattern}");
        }
        return keys;
    }

    private Task<string> AdminUserIdAsync() => AdminUserIdAsync(_app);

    internal static async Task<string> AdminUserIdAsync(SchoolSightWebFactory app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Users.Where(u => u.Role == Role.LaAdministrator).Select(u => u.Id).FirstAsync();
    }

    internal static (string Method, string Pattern) Split(string key) => (key[..key.IndexOf(' ')], key[(key.IndexOf(' ') + 1)..]);

    internal static string Fill(string pattern, string adminId) => RouteParameter().Replace(pattern, m => m.Groups[1].Value switch
    {
        "urn" => DemoSeeder.DemoHeadSchoolUrn.ToString(),
        "id" when pattern.StartsWith("/Users", StringComparison.Ordinal) => adminId,
        "id" => "1",
        "documentName" => "v1",
        "indicatorId" => "KS2_RWM_EXP",
        "outcome" => "stay-safe",
        "fileId" => Guid.Empty.ToString(),
        // No such move: the route's policy decides, not which moves the record happens to allow the role.
        "move" => "no-such-move",
        _ => "1",
    }).Replace("{documentName?}", "v1");

    internal static HttpRequestMessage Request(string method, string url)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method is "POST" or "PUT") request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        return request;
    }

    [GeneratedRegex(@"\{([A-Za-z]+)(?::[^}]*)?\??\}")]
    private static partial Regex RouteParameter();
}

public sealed class AccessMatrixTests_Sqlite(ITestOutputHelper output) : AccessMatrixTests(DatabaseProvider.Sqlite, output);
public sealed class AccessMatrixTests_Postgres(ITestOutputHelper output) : AccessMatrixTests(DatabaseProvider.Postgres, output);
