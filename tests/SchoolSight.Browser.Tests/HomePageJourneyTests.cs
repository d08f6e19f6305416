using Microsoft.Playwright;
using SchoolSight.Core.Demo;
using SchoolSight.Domain.Access;

namespace SchoolSight.Browser.Tests;

/// <summary>
/// What each demo role sees first on signing in: the home page at 1280 pixels, its first item (or the "nothing needs
/// you today" state), and the page that item's link leads to, where the thing is done.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class HomePageJourneyTests(BrowserSession session)
{
    private const string Nothing = "";

    private static string EmailOf(Role role) => DemoSeeder.DemoUsers.Single(u => u.Role == role).Email;

    /// <summary>Each role, the name of its screenshots, and the links its first item may have (empty: nothing needs it today).</summary>
    public static TheoryData<Role, string, string> FirstItems => new()
    {
        { Role.LaAdministrator, "la-administrator", @"^/Schools/\d+/Level$|^/Imports/\d+$" },
        { Role.SeniorManager, "smt-member", @"^/Categorisation$|^/Programme/Cases/\d+$" },
        { Role.InterventionOfficer, "mi-officer", @"^/Programme/Cases/\d+(/[A-Za-z]+(/\d+)?)?$" },
        { Role.QualityAssuranceManager, "qa-manager", @"^/Programme/Cases/\d+(/[A-Za-z]+(/\d+)?)?$" },
        { Role.SchoolImprovementPartner, "sip", @"^/Programme/Cases/\d+(/[A-Za-z]+(/\d+)?)?$|^/Schools/\d+/(Level|Data)$" },
        { Role.SchoolUser, "headteacher", @"^/Programme/Cases/\d+(/[A-Za-z]+(/\d+)?)?$" },
        { Role.Governor, "governor", @"^/Programme/Cases/\d+(/[A-Za-z]+(/\d+)?)?$" },
        { Role.HealthySchoolsCoordinator, "healthy-schools-coordinator", @"^/Schools/\d+/HealthySchools$" },
        { Role.QuasPanelMember, "quas-panel-member", @"^/Schools/\d+/HealthySchools$" },
        { Role.Partner, "partner", Nothing },
    };

    [Theory]
    [MemberData(nameof(FirstItems))]
    public async Task EachRole_SeesFirstWhatNeedsThem_AndItsLinkLeadsToWhereItIsDone(Role role, string name, string expectedLink)
    {
        var page = await session.SignInAsync(EmailOf(role));
        page.Url.ShouldEndWith("/");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("What needs you today");
        await BrowserSession.ScreenshotAsync(page, $"home-{name}");

        if (expectedLink == Nothing)
        {
            (await page.Locator("[data-testid=nothing-today]").InnerTextAsync()).ShouldContain("Nothing needs you today");
            (await page.Locator("[data-testid=home-item]").CountAsync()).ShouldBe(0);
            return;
        }

        // The administrator's items are what changed since their last sign-in: when other journeys signed them in a moment
        // ago and nothing failed since, the page is the designed empty state.
        if (role == Role.LaAdministrator && await page.Locator("[data-testid=home-item]").CountAsync() == 0)
        {
            (await page.Locator("[data-testid=nothing-today]").InnerTextAsync()).ShouldContain("Nothing needs you today");
            return;
        }

        var first = page.Locator("[data-testid=home-item]").First.Locator("a").First;
        var title = await first.InnerTextAsync();
        var href = await first.GetAttributeAsync("href") ?? "";
        href.ShouldMatch(expectedLink, $"{name}'s first item, \"{title}\"");

        await first.ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == href);
        await BrowserSession.ScreenshotAsync(page, $"home-{name}-first-item");
        var heading = await page.Locator("h1").First.InnerTextAsync();
        heading.ShouldNotBe("You do not have access to this page");
        heading.ShouldNotBe("Page not found");
        // An item about a school ("School name: what to do") lands on a page of that school.
        if (title.IndexOf(':', StringComparison.Ordinal) is > 0 and var colon)
            (await page.Locator("main").InnerTextAsync()).ShouldContain(title[..colon]);
    }

    [Fact]
    public async Task TheHeadteachersHomePage_FitsAPhoneScreen_WithoutSidewaysScrolling()
    {
        var page = await session.SignInAsync(EmailOf(Role.SchoolUser), width: 375);
        await BrowserSession.ScreenshotAsync(page, "home-headteacher-375");
        var needs = await page.Locator("[data-testid=home-items]").First.BoundingBoxAsync();
        var school = await page.Locator("[data-testid=own-school]").BoundingBoxAsync();
        needs!.Y.ShouldBeLessThan(school!.Y, "what needs the head comes before their school's summary");
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        widths[0].ShouldBeLessThanOrEqualTo(widths[1], "the page scrolls sideways at 375 pixels");
    }
}
