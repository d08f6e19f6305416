using System.Net;
using SchoolSight.Core.Demo;
using SchoolSight.Domain.Access;
using SchoolSight.TestSupport;
using SchoolSight.Web.Tests.Access;

namespace SchoolSight.Web.Tests.Sip;

/// <summary>A SIP's profile: caseload against visits due, headship, report quality and paired-visit grades over time; for the LA and the SIP themselves.</summary>
public abstract class SipProfilePageTests(SipApp fixture)
{
    private SchoolSightWebFactory App => fixture.App;

    [Fact]
    public async Task TheLa_SeesASipsCaseload_Headship_ReportQuality_AndPairedVisitGradesAsChartAndTable()
    {
        var sip = await fixture.UserIdAsync($"sip@{DemoSeeder.EmailDomain}");
        var page = await App.ClientFor(Role.QualityAssuranceManager).GetStringAsync($"/Sip/Partners/{sip}");
        page.ShouldContain("data-testid=\"headship\">Yes, primary");
        page.ShouldContain("data-testid=\"assigned-schools\"");
        page.ShouldContain($"href=\"/Sip?urn={DemoSeeder.DemoHeadSchoolUrn}\"");
        page.ShouldMatch("data-testid=\"visits-against-due\">\\d+ of \\d+ due");
        page.ShouldContain("data-testid=\"missing-one-or-two\"");
        page.ShouldContain("<svg class=\"ss-level-chart\" role=\"img\" aria-label=\"");
        page.ShouldContain("overall effectiveness at each paired visit");
        page.ShouldContain("data-testid=\"paired-visit-grades\"");
        page.ShouldContain("href=\"/Sip/PairedVisits/");

        // Linked from the caseloads on the visits page and from the school summary's SIP name.
        (await App.ClientFor(Role.QualityAssuranceManager).GetStringAsync("/Sip")).ShouldContain($"href=\"/Sip/Partners/{sip}\"");
        (await App.ClientFor(Role.InterventionOfficer).GetStringAsync($"/Schools/{DemoSeeder.DemoHeadSchoolUrn}")).ShouldContain($"href=\"/Sip/Partners/{sip}\"");
    }

    [Fact]
    public async Task ASip_SeesTheirOwnProfile_ButNotAnotherSips()
    {
        var mine = await fixture.UserIdAsync($"sip@{DemoSeeder.EmailDomain}");
        var other = await fixture.UserIdAsync(DemoSipVisits.SecondarySipEmail);
        var sip = App.ClientFor(Role.SchoolImprovementPartner);
        (await sip.GetAsync($"/Sip/Partners/{mine}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await sip.GetAsync($"/Sip/Partners/{other}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await App.ClientFor(Role.QualityAssuranceManager).GetStringAsync($"/Sip/Partners/{other}")).ShouldContain("Yes, secondary");
    }

    [Theory]
    [InlineData(Role.SchoolUser)]
    [InlineData(Role.Governor)]
    public async Task TheSchoolsOwnPeople_CannotSeeTheProfile_NorALinkToIt(Role role)
    {
        var sip = await fixture.UserIdAsync($"sip@{DemoSeeder.EmailDomain}");
        AccessMatrixTests.IsRefused(await App.ClientFor(role).GetAsync($"/Sip/Partners/{sip}")).ShouldBeTrue();
        (await App.ClientFor(role).GetStringAsync($"/Schools/{DemoSeeder.DemoHeadSchoolUrn}")).ShouldNotContain("/Sip/Partners/");
    }
}

public sealed class SipProfilePageTests_Sqlite(SqliteSipApp app) : SipProfilePageTests(app), IClassFixture<SqliteSipApp>;
public sealed class SipProfilePageTests_Postgres(PostgresSipApp app) : SipProfilePageTests(app), IClassFixture<PostgresSipApp>;
