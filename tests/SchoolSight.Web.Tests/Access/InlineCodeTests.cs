using System.Net;
using System.Text.RegularExpressions;
using SchoolSight.Domain.Access;
using SchoolSight.TestSupport;

namespace SchoolSight.Web.Tests.Access;

/// <summary>
/// Crawls the demo as several roles, following every link to a page (one page per route shape), and checks no page
/// holds what the Content-Security-Policy would block: inline script, inline style, on...= handlers.
/// Rendering does not depend on the database, so it runs on SQLite only.
/// </summary>
public sealed class InlineCodeTests(SqliteDemoApp fixture) : IClassFixture<SqliteDemoApp>
{
    private readonly SchoolSightWebFactory _app = fixture.App;

    [Fact]
    [Trait("Category", "Battery")]
    public async Task NoRenderedPage_HasInlineScript_InlineStyle_OrEventHandlers()
    {
        var offences = new List<string>();
        var crawled = 0;
        foreach (var role in new[] { Role.LaAdministrator, Role.SeniorManager, Role.InterventionOfficer, Role.SchoolUser })
        {
            var client = _app.ClientFor(role);
            var seen = new HashSet<string>();
            var queue = new Queue<string>(["/"]);
            while (queue.Count > 0 && seen.Count < 120)
            {
                var url = queue.Dequeue();
                if (!seen.Add(PerimeterTests.Shape(url))) continue;
                var response = await client.GetAsync(url);
                if (response.Content.Headers.ContentType?.MediaType != "text/html") continue;
                var html = await response.Content.ReadAsStringAsync();
                crawled++;
                offences.AddRange(PerimeterTests.InlineCode(html).Select(o => $"{url} as {role}: {o}"));
                foreach (Match link in PerimeterTests.Link().Matches(html))
                {
                    var href = WebUtility.HtmlDecode(link.Groups[1].Value).Split('#')[0];
                    if (href.Length > 0 && !href.Contains("handler=", StringComparison.OrdinalIgnoreCase) && !href.Contains("format=", StringComparison.OrdinalIgnoreCase)
                        && !href.StartsWith("/api/", StringComparison.Ordinal) && !href.StartsWith("/openapi", StringComparison.Ordinal) && !href.StartsWith("/Account/SignOut", StringComparison.Ordinal))
                        queue.Enqueue(href);
                }
            }
        }
        // A form sent back with its errors (the error summary), and the sign-in page.
        var invalid = await _app.ClientFor(Role.LaAdministrator).PostFormAsync("/Localities/Create", new Dictionary<string, string> { ["Input.Name"] = "" });
        offences.AddRange(PerimeterTests.InlineCode(await invalid.Content.ReadAsStringAsync()).Select(o => $"/Localities/Create with errors: {o}"));
        offences.AddRange(PerimeterTests.InlineCode(await _app.AnonymousClient().GetStringAsync("/Account/SignIn")).Select(o => $"/Account/SignIn: {o}"));

        crawled.ShouldBeGreaterThan(60);
        offences.ShouldBeEmpty();
    }
}
