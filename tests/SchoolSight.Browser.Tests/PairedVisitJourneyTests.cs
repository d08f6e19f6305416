using Microsoft.Playwright;
using SchoolSight.Domain.Sip;
using static SchoolSight.Browser.Tests.BrowserSession;

namespace SchoolSight.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class PairedVisitJourneyTests(BrowserSession session)
{
    private static Task Shot(IPage page, string name) => ScreenshotAsync(page, $"paired-visit-{name}");

    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.Now);

    [Fact]
    public async Task TheQaManager_RecordsAPairedVisit_IsToldOfAMissingGrade_SendsTheSummary_AndReadsTheSipsProfile()
    {
        var qa = await session.SignInAsync("qa@demo-borough.example");
        var csp = WatchContentSecurityPolicy(qa);
        await qa.GotoAsync("/Sip");
        await qa.GetByRole(AriaRole.Link, new() { Name = "Paired visits", Exact = true }).ClickAsync();
        await qa.GetByRole(AriaRole.Link, new() { Name = "Record a paired visit" }).ClickAsync();

        // Every aspect but the report graded, with evidence: sending the summary is refused, the grade named.
        var form = qa.Locator("[data-testid=paired-visit-form]");
        await form.Locator("#Input_VisitId").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await FillDateAsync(qa, "Input_VisitedOn", Today.AddDays(-1));
        await form.Locator("#Input_LengthOfVisit").FillAsync("Half a day");
        foreach (var aspect in PairedVisitAspects.All)
        {
            if (aspect != PairedVisitAspect.Report) await form.Locator($"#Input_{aspect}Grade_2").CheckAsync();
            await form.Locator($"#Input_{aspect}Evidence").FillAsync($"Seen at the visit and in the report: {aspect.Describe().ToLowerInvariant()}.");
        }
        await form.Locator("#Input_HeadFeedback").FillAsync("The headteacher valued the challenge on writing.");
        await form.Locator("#Input_Strengths").FillAsync("Sharp questions to the governors about disadvantaged pupils.");
        await form.Locator("#Input_AreasForDevelopment").FillAsync("Agree timescales for every action at the visit.");
        await ClickAsync(qa, "Send the written summary to the headteacher and the LA", form);
        (await qa.Locator(".govuk-error-summary").InnerTextAsync()).ShouldContain("Choose a grade from 1 to 4");
        (await qa.TitleAsync()).ShouldStartWith("Error: ");
        await Shot(qa, "01-missing-grade");

        await qa.Locator("#Input_ReportGrade_3").CheckAsync();
        (await qa.Locator("#Input_Strengths").InputValueAsync()).ShouldStartWith("Sharp questions");
        await ClickAsync(qa, "Send the written summary to the headteacher and the LA", form);
        await ExpectNoErrorsAsync(qa);
        (await qa.Locator("[data-testid=paired-status]").InnerTextAsync()).ShouldStartWith("Summary sent");
        (await qa.Locator("[data-testid=grade-Report]").InnerTextAsync()).ShouldStartWith("3");
        var pdf = await DownloadPdfTextAsync(qa, qa.Locator("[data-testid=paired-pdf]"));
        pdf.ShouldContain("Agree timescales for every action at the visit.");
        await Shot(qa, "02-summary-sent");

        // The SIP's profile, from the caseloads: the new grades are in its table and its chart.
        await qa.GotoAsync("/Sip");
        await FollowAsync(qa, qa.Locator("a[href^='/Sip/Partners/']").First);
        (await qa.Locator("[data-testid=paired-visit-chart] svg").CountAsync()).ShouldBe(1);
        (await qa.Locator("[data-testid=assigned-schools] tbody tr").CountAsync()).ShouldBeGreaterThan(0);
        await Shot(qa, "03-sip-profile");

        // On a phone the profile's tables become cards and nothing scrolls sideways.
        var phone = await session.SignInAsync("qa@demo-borough.example", width: 375);
        await phone.GotoAsync(qa.Url);
        (await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue();
        await Shot(phone, "04-sip-profile-phone");
        csp.ShouldBeEmpty();
    }
}
