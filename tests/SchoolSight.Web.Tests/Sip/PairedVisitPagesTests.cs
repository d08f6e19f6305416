using System.Globalization;
using System.Net;
using SchoolSight.Core.Demo;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Sip;
using SchoolSight.TestSupport;

namespace SchoolSight.Web.Tests.Sip;

/// <summary>The paired visit pages: a senior adviser records one, the SIP reads their own, the head reads the summary once sent.</summary>
public abstract class PairedVisitPagesTests(SipApp fixture)
{
    private SchoolSightWebFactory App => fixture.App;

    private static Dictionary<string, string> Fields(int visitId, int version, bool send, params PairedVisitAspect[] graded)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.VisitId"] = visitId.ToString(CultureInfo.InvariantCulture),
            ["Input.VisitedOn"] = DateTime.UtcNow.AddDays(-3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Input.LengthOfVisit"] = "Half a day",
            ["Input.HeadFeedback"] = "The head found the challenge on reading sharp.",
            ["Input.Strengths"] = "Knows the school's data well.",
            ["Input.AreasForDevelopment"] = "Broker support from the teaching school sooner.",
            ["Input.Version"] = version.ToString(CultureInfo.InvariantCulture),
            ["Input.SendSummary"] = send ? "true" : "false",
        };
        foreach (var aspect in PairedVisitAspects.All)
        {
            if (graded.Contains(aspect)) fields[$"Input.Grades[{aspect}]"] = "2";
            fields[$"Input.Evidence[{aspect}]"] = $"Seen at the visit: {aspect}.";
        }
        return fields;
    }

    private static PairedVisitAspect[] AllBut(PairedVisitAspect missing) => [.. PairedVisitAspects.All.Where(a => a != missing)];

    [Fact]
    public async Task SendingAPairedVisit_WithAGradeMissing_ShowsTheErrorSummary_AndSavesNothing_ThenSendsOnceGraded()
    {
        var visit = await fixture.IssuedVisitAtTheHeadsSchoolAsync();
        var before = await fixture.ReadAsync(db => Task.FromResult(db.PairedVisits.Count()));
        var qa = App.ClientFor(Role.QualityAssuranceManager);

        var refused = await qa.PostFormAsync("/Sip/PairedVisits/Record", Fields(visit, 0, send: true, AllBut(PairedVisitAspect.Report)));
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await refused.Content.ReadAsStringAsync();
        page.ShouldContain("govuk-error-summary");
        page.ShouldContain("<a href=\"#Input_ReportGrade\">Choose a grade from 1 to 4</a>");
        page.ShouldContain("id=\"Input_ReportGrade\"");
        page.ShouldContain("<title>Error: ");
        (await fixture.ReadAsync(db => Task.FromResult(db.PairedVisits.Count()))).ShouldBe(before);

        var sent = await qa.PostFormAsync("/Sip/PairedVisits/Record", Fields(visit, 0, send: true, [.. PairedVisitAspects.All]));
        sent.StatusCode.ShouldBe(HttpStatusCode.Redirect, await sent.Content.ReadAsStringAsync());
        var url = sent.Headers.Location!.ToString();
        url.ShouldStartWith("/Sip/PairedVisits/");
        var shown = await qa.GetStringAsync(url);
        shown.ShouldContain("Summary sent");
        shown.ShouldContain("data-testid=\"grade-Report\">2 ");
        shown.ShouldNotContain("Change the paired visit");

        // The head reads the written summary of their school's paired visit, and its PDF.
        var head = App.ClientFor(Role.SchoolUser);
        (await head.GetStringAsync("/Sip/PairedVisits")).ShouldContain($"href=\"{url}\"");
        var pdf = await head.GetAsync(url + "?handler=Pdf");
        pdf.StatusCode.ShouldBe(HttpStatusCode.OK);
        pdf.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        (await PdfText.ExtractAsync(await pdf.Content.ReadAsByteArrayAsync())).ShouldContain("Broker support from the teaching school sooner.");
    }

    [Fact]
    public async Task ADraft_IsChangedFromTheVersionSeen_AStaleVersionIsRefused_AndTheHeadCannotReadIt()
    {
        var visit = await fixture.IssuedVisitAtTheHeadsSchoolAsync();
        var qa = App.ClientFor(Role.QualityAssuranceManager);
        var draft = await qa.PostFormAsync("/Sip/PairedVisits/Record", Fields(visit, 0, send: false, PairedVisitAspect.Challenge));
        draft.StatusCode.ShouldBe(HttpStatusCode.Redirect, await draft.Content.ReadAsStringAsync());
        var id = draft.Headers.Location!.ToString().Split('/').Last();
        (await qa.GetStringAsync($"/Sip/PairedVisits/{id}")).ShouldContain("Change the paired visit");

        var form = await qa.GetStringAsync($"/Sip/PairedVisits/Record/{id}");
        form.ShouldContain("name=\"Input.Grades[Challenge]\" type=\"radio\" value=\"2\" checked=\"checked\"");
        var seen = int.Parse(System.Text.RegularExpressions.Regex.Match(form, "name=\"Input.Version\" value=\"(\\d+)\"").Groups[1].Value, CultureInfo.InvariantCulture);
        var changed = await qa.PostFormAsync($"/Sip/PairedVisits/Record/{id}", Fields(0, seen, send: false, PairedVisitAspect.Challenge, PairedVisitAspect.Report));
        changed.StatusCode.ShouldBe(HttpStatusCode.Redirect, await changed.Content.ReadAsStringAsync());
        (await qa.GetStringAsync($"/Sip/PairedVisits/{id}")).ShouldContain("data-testid=\"grade-Report\">2 ");

        var stale = await App.ClientFor(Role.InterventionOfficer).PostFormAsync($"/Sip/PairedVisits/Record/{id}", Fields(0, seen, send: false));
        stale.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await stale.Content.ReadAsStringAsync()).ShouldContain("after you opened it. Your changes have not been saved.");

        var head = App.ClientFor(Role.SchoolUser);
        (await head.GetAsync($"/Sip/PairedVisits/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await head.GetStringAsync("/Sip/PairedVisits")).ShouldNotContain($"href=\"/Sip/PairedVisits/{id}\"");
    }

    [Fact]
    public async Task ASip_ReadsTheirOwnPairedVisits_ButNotAnotherSips()
    {
        var mine = await fixture.UserIdAsync($"sip@{DemoSeeder.EmailDomain}");
        var (own, others) = await fixture.ReadAsync(db => Task.FromResult((
            db.PairedVisits.Where(p => p.SipUserId == mine).Select(p => p.Id).First(),
            db.PairedVisits.Where(p => p.SipUserId != mine).Select(p => p.Id).First())));
        var sip = App.ClientFor(Role.SchoolImprovementPartner);

        (await sip.GetAsync($"/Sip/PairedVisits/{own}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await sip.GetAsync($"/Sip/PairedVisits/{others}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await sip.GetAsync($"/Sip/PairedVisits/{others}?handler=Pdf")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var list = await sip.GetStringAsync("/Sip/PairedVisits");
        list.ShouldContain($"href=\"/Sip/PairedVisits/{own}\"");
        list.ShouldNotContain($"href=\"/Sip/PairedVisits/{others}\"");
        list.ShouldNotContain("Record a paired visit");
        Access.AccessMatrixTests.IsRefused(await sip.GetAsync("/Sip/PairedVisits/Record")).ShouldBeTrue();
    }
}

public sealed class PairedVisitPagesTests_Sqlite(SqliteSipApp app) : PairedVisitPagesTests(app), IClassFixture<SqliteSipApp>;
public sealed class PairedVisitPagesTests_Postgres(PostgresSipApp app) : PairedVisitPagesTests(app), IClassFixture<PostgresSipApp>;
