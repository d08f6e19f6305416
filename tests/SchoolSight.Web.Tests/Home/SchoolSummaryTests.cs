using System.Net;
using SchoolSight.Core.Data;
using SchoolSight.Core.Demo;
using SchoolSight.Domain.Access;
using SchoolSight.TestSupport;

namespace SchoolSight.Web.Tests.Home;

/// <summary>The one-screen summary at the top of a school's page, as each reader may see it.</summary>
public abstract class SchoolSummaryTests(DatabaseProvider provider) : IAsyncLifetime
{
    private SchoolSightWebFactory _app = null!;
    private const int Urn = DemoSeeder.DemoHeadSchoolUrn;

    public async Task InitializeAsync() => _app = await SchoolSightWebFactory.CreateAsync(provider);
    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task TheSchoolPage_OpensWithItsSummary_EachPartLinkedToItsDetail()
    {
        var html = await _app.ClientFor(Role.InterventionOfficer).GetStringAsync($"/Schools/{Urn}");
        html.ShouldContain("data-testid=\"school-summary\"");
        html.ShouldContain("data-testid=\"summary-level\"");
        html.ShouldContain($"href=\"/Schools/{Urn}/Level\"");
        html.ShouldContain("data-testid=\"summary-programme\"");
        html.ShouldContain("Next deadline:");
        html.ShouldContain("data-testid=\"summary-ofsted\"");
        html.ShouldContain($"href=\"/Schools/{Urn}/Judgements\"");
        var sip = DemoSeeder.DemoUsers.Single(u => u.Role == Role.SchoolImprovementPartner).Name;
        var sipRow = html[html.IndexOf("data-testid=\"summary-sip\"", StringComparison.Ordinal)..];
        sipRow[..sipRow.IndexOf("</dd>", StringComparison.Ordinal)].ShouldContain(sip);
        var indicators = html[html.IndexOf("data-testid=\"summary-indicators\"", StringComparison.Ordinal)..];
        System.Text.RegularExpressions.Regex.Matches(indicators[..indicators.IndexOf("</dl>", StringComparison.Ordinal)], $"href=\"/Schools/{Urn}/Data/").Count.ShouldBe(6);
    }

    [Fact]
    public async Task TheSchoolsProfilePdf_OpensWithTheSummary_ThenItsIndicatorsLevelHistoryAndJudgements()
    {
        var officer = _app.ClientFor(Role.InterventionOfficer);
        (await officer.GetStringAsync($"/Schools/{Urn}")).ShouldContain($"href=\"/Schools/{Urn}?handler=Pdf\" data-testid=\"profile-pdf-link\" download>Download profile (PDF)");
        var response = await officer.GetAsync($"/Schools/{Urn}?handler=Pdf");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        response.Content.Headers.ContentDisposition!.FileNameStar.ShouldStartWith($"school-profile-{Urn}-");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        PdfText.LooksLikePdf(bytes).ShouldBeTrue();
        var text = await PdfText.ExtractAsync(bytes);
        var sip = DemoSeeder.DemoUsers.Single(u => u.Role == Role.SchoolImprovementPartner).Name;
        string[] order = ["School profile: Ashcombe Nursery School", "Summary", "Level of support", "Improving Outcomes Programme", "Next deadline:",
            "Latest Ofsted outcome", "Latest judgements", sip, "Headline figures", "Headline indicators against their benchmarks",
            "Level of support history", "Latest judgements, "];
        var at = 0;
        foreach (var part in order)
        {
            var next = text.IndexOf(part, at, StringComparison.Ordinal);
            next.ShouldBeGreaterThanOrEqualTo(0, $"'{part}' after what comes before it");
            at = next + part.Length;
        }
        ChromiumPdfPages(bytes).ShouldBeGreaterThanOrEqualTo(2, "the summary is a page of its own");
    }

    [Fact]
    public async Task ASchool_DownloadsItsOwnProfile_ButNotAnotherSchools()
    {
        var head = _app.ClientFor(Role.SchoolUser);
        var own = await head.GetAsync($"/Schools/{Urn}?handler=Pdf");
        own.StatusCode.ShouldBe(HttpStatusCode.OK);
        var text = await PdfText.ExtractAsync(await own.Content.ReadAsByteArrayAsync());
        text.ShouldContain("School profile: Ashcombe Nursery School");
        text.ShouldContain("Level of support history");
        IsRefused(await head.GetAsync($"/Schools/{OtherSchool}?handler=Pdf")).ShouldBeTrue("a school cannot download another's profile");
        IsRefused(await _app.ClientFor(Role.Governor).GetAsync($"/Schools/{OtherSchool}?handler=Pdf")).ShouldBeTrue();
        var partner = await _app.ClientFor(Role.Partner).GetAsync($"/Schools/{Urn}?handler=Pdf");
        partner.Content.Headers.ContentType?.MediaType.ShouldNotBe("application/pdf", "partners do not read the register");

        // A role that does not see levels or judgements gets the profile without them.
        var healthy = await PdfText.ExtractAsync(await _app.ClientFor(Role.HealthySchoolsCoordinator).GetByteArrayAsync($"/Schools/{Urn}?handler=Pdf"));
        healthy.ShouldContain("Headline indicators against their benchmarks");
        healthy.ShouldNotContain("Level of support");
        healthy.ShouldNotContain("Latest judgements");
    }

    private const int OtherSchool = 999007;

    private static bool IsRefused(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.Forbidden ||
        (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString().Contains("/Account/AccessDenied"));

    private static int ChromiumPdfPages(byte[] pdf) =>
        System.Text.RegularExpressions.Regex.Matches(System.Text.Encoding.Latin1.GetString(pdf), @"/Type\s*/Page(?![a-zA-Z])").Count;

    [Fact]
    public async Task AHeadteacher_SeesTheirSchoolsSummary_WithoutTheLasProposal()
    {
        var html = await _app.ClientFor(Role.SchoolUser).GetStringAsync($"/Schools/{Urn}");
        html.ShouldContain("data-testid=\"summary-level\"");
        html.ShouldNotContain("/Categorisation/Proposals");
    }

    [Fact]
    public async Task ARoleThatDoesNotSeeLevels_GetsTheSummaryWithoutTheLevelOrJudgements()
    {
        var html = await _app.ClientFor(Role.HealthySchoolsCoordinator).GetStringAsync($"/Schools/{Urn}");
        html.ShouldContain("data-testid=\"school-summary\"");
        html.ShouldNotContain("data-testid=\"summary-level\"");
        html.ShouldNotContain("data-testid=\"summary-judgements\"");
        html.ShouldNotContain("data-testid=\"summary-programme\"");
    }
}

public sealed class SchoolSummaryTests_Sqlite() : SchoolSummaryTests(DatabaseProvider.Sqlite);
public sealed class SchoolSummaryTests_Postgres() : SchoolSummaryTests(DatabaseProvider.Postgres);
