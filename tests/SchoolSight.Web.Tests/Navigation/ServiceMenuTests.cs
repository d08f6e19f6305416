using System.Net;
using System.Text.RegularExpressions;
using SchoolSight.Core.Demo;
using SchoolSight.Domain.Access;
using SchoolSight.TestSupport;
using SchoolSight.Web.Tests.Access;

namespace SchoolSight.Web.Tests.Navigation;

/// <summary>
/// The service navigation is built from the access table: every role sees at most eight items, and every link it is
/// shown opens for it. Rendering does not depend on the database, so it runs on SQLite only.
/// </summary>
public sealed partial class ServiceMenuTests(SqliteDemoApp fixture) : IClassFixture<SqliteDemoApp>
{
    private readonly SchoolSightWebFactory _app = fixture.App;

    public static TheoryData<Role> EveryRole => [.. Roles.All];

    [Theory]
    [MemberData(nameof(EveryRole))]
    public async Task EveryRole_SeesAtMostEightMenuItems_AndEveryLinkItIsShownOpensForIt(Role role)
    {
        var client = _app.ClientFor(role);
        var home = await client.GetStringAsync("/");
        MenuItems().Matches(home).Count.ShouldBeInRange(1, ServiceMenu.MostItems);

        var school = role.IsSchoolBound() ? DemoSeeder.DemoHeadSchoolUrn.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        foreach (var link in ServiceMenu.For(role, school).SelectMany(s => s.Links))
            (await client.GetAsync(link.Href)).StatusCode.ShouldBe(HttpStatusCode.OK, $"{link.Text} ({link.Href}) for {role}");
    }

    [Fact]
    public async Task OnASectionsPage_TheMenuMarksTheSection_AndListsTheSectionsOwnLinks()
    {
        var html = await _app.ClientFor(Role.SeniorManager).GetStringAsync("/RiskRegister");
        html.ShouldContain("govuk-js-service-navigation-toggle", Case.Sensitive, "the menu button for small screens");
        ActiveSection().Match(html).Groups[1].Value.ShouldBe("/Categorisation", "the School improvement section, which starts at the levels of support");
        var section = SectionNavigation().Match(html);
        section.Success.ShouldBeTrue();
        section.Value.ShouldContain("href=\"/RiskRegister\" aria-current=page>Risk register</a>");
        section.Value.ShouldContain(">Boards</a>");
        section.Value.ShouldContain(">Programme</a>");
    }

    [Theory]
    [InlineData(Role.LaAdministrator, true)]
    [InlineData(Role.SeniorManager, false)]
    [InlineData(Role.SchoolUser, false)]
    public async Task TheApiDocumentationLink_IsShownOnlyToRolesThatUseTheApi(Role role, bool shown)
    {
        var html = await _app.ClientFor(role).GetStringAsync("/Partners");
        html.Contains("href=\"/api/docs\"", StringComparison.Ordinal).ShouldBe(shown);
    }

    [Fact]
    public async Task TheBackLink_IsInsideTheMainLandmark()
    {
        var html = await _app.ClientFor(Role.LaAdministrator).GetStringAsync($"/Schools/{DemoSeeder.DemoHeadSchoolUrn}/Level");
        var main = html.IndexOf("<main", StringComparison.Ordinal);
        var back = html.IndexOf("govuk-back-link", StringComparison.Ordinal);
        back.ShouldBeGreaterThan(main);
        main.ShouldBeGreaterThan(0);
    }

    [GeneratedRegex("govuk-service-navigation__item--active\">\\s*<a class=\"govuk-service-navigation__link\" href=\"([^\"]+)\" aria-current=true>")]
    private static partial Regex ActiveSection();

    [GeneratedRegex("<li class=\"govuk-service-navigation__item")]
    private static partial Regex MenuItems();

    [GeneratedRegex("<nav class=\"ss-section-navigation\".*?</nav>", RegexOptions.Singleline)]
    private static partial Regex SectionNavigation();
}
