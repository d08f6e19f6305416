using System.Net;
using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Demo;
using SchoolSight.Domain.Access;
using SchoolSight.TestSupport;
using SchoolSight.Web.Tests.Access;

namespace SchoolSight.Web.Tests.Voice;

/// <summary>The school's survey report and "what you told us" over Demo Borough (its schools' surveys).</summary>
public abstract class SurveyReportPagesTests(DemoApp fixture)
{
    private SchoolSightWebFactory App => fixture.App;
    private const int HeadSchool = DemoSeeder.DemoHeadSchoolUrn;
    private static readonly string Report = $"/Schools/{DemoSeeder.DemoHeadSchoolUrn}/Surveys/Report";
    private static readonly string Summary = $"/Schools/{DemoSeeder.DemoHeadSchoolUrn}/Surveys/WhatYouToldUs";

    private async Task<int> LatestSurveyYearAsync()
    {
        await using var db = App.Database.CreateContext();
        return await db.SurveyDataBlocks.Where(b => b.Urn == HeadSchool).MaxAsync(b => b.AcademicYear);
    }

    /// <summary>A page refuses a role as every page does: to the access-denied page.</summary>
    private static void ShouldBeDenied(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Found);
        response.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
    }

    [Fact]
    public async Task TheHead_ReadsTheReport_AndItsPdf_FromTheSchoolPage()
    {
        var head = App.ClientFor(Role.SchoolUser);
        (await head.GetStringAsync($"/Schools/{HeadSchool}")).ShouldContain($"href=\"{Report}\"");
        var page = await head.GetStringAsync(Report);
        page.ShouldContain("data-testid=\"report-Parent\""); // a nursery school: its parents' survey
        page.ShouldContain("LA 999");
        page.ShouldContain("My child feels safe at this school");
        page.ShouldContain("Groups of fewer than 10 people are not shown");

        var pdf = await head.GetAsync($"{Report}?handler=Pdf");
        pdf.StatusCode.ShouldBe(HttpStatusCode.OK);
        pdf.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var text = await PdfText.ExtractAsync(await pdf.Content.ReadAsByteArrayAsync());
        text.ShouldContain("Survey report");
        text.ShouldContain("My child feels safe at this school");
    }

    [Fact]
    public async Task AnotherSchoolsReport_IsNotFound_AndGovernorsAndPartnersAreRefused()
    {
        var head = App.ClientFor(Role.SchoolUser);
        (await head.GetAsync($"/Schools/{DemoSeeder.OtherDemoSchoolUrn}/Surveys/Report")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await head.GetAsync($"/Schools/{DemoSeeder.OtherDemoSchoolUrn}/Surveys/WhatYouToldUs?handler=Pdf")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        ShouldBeDenied(await App.ClientFor(Role.Governor).GetAsync(Report));
        ShouldBeDenied(await App.ClientFor(Role.Partner).GetAsync(Summary));
        (await App.ClientFor(Role.InterventionOfficer).GetAsync(Report)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task TheHead_EditsWhatYouToldUs_AStaleVersionIsRefused_AndThePdfHoldsTheText()
    {
        var head = App.ClientFor(Role.SchoolUser);
        var year = await LatestSurveyYearAsync();
        var page = await head.GetStringAsync(Summary);
        page.ShouldContain("data-testid=\"summary-form\"");
        page.ShouldContain("of you said");

        Dictionary<string, string> Form(string text, string version) => new() { ["Text"] = text, ["Version"] = version, ["AcademicYear"] = $"{year}" };
        (await head.PostFormAsync(Summary, Form("Thank you for answering.\n\nMost of you feel your child is safe.", ""), Summary)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await head.PostFormAsync(Summary, Form("Thank you, parents.\n\nMost of you feel your child is safe here.", "1"), Summary)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await head.GetStringAsync(Summary)).ShouldContain("Last saved by Jordan Head");

        var stale = await head.PostFormAsync(Summary, Form("From an old copy.", "1"), Summary);
        stale.StatusCode.ShouldBe(HttpStatusCode.OK);
        var refused = await stale.Content.ReadAsStringAsync();
        refused.ShouldContain("after you opened it");
        refused.ShouldContain("Most of you feel your child is safe here.");
        refused.ShouldContain("<title>Error: What you told us");
        refused.ShouldNotContain("Error: Error:");

        var sip = await App.ClientFor(Role.SchoolImprovementPartner).PostFormAsync(Summary, Form("A SIP's words.", "2"), Summary);
        ShouldBeDenied(sip);
        (await App.ClientFor(Role.SchoolImprovementPartner).GetStringAsync(Summary)).ShouldNotContain("data-testid=\"summary-form\"");

        var pdf = await head.GetAsync($"{Summary}?handler=Pdf");
        pdf.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var text = await PdfText.ExtractAsync(await pdf.Content.ReadAsByteArrayAsync());
        text.ShouldContain("What you told us");
        text.ShouldContain("Most of you feel your child is safe here.");
    }
}

public sealed class SurveyReportPagesTests_Sqlite(SqliteDemoApp app) : SurveyReportPagesTests(app), IClassFixture<SqliteDemoApp>;
public sealed class SurveyReportPagesTests_Postgres(PostgresDemoApp app) : SurveyReportPagesTests(app), IClassFixture<PostgresDemoApp>;
