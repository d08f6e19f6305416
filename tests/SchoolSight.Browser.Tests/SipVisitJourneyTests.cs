using System.Globalization;
using Microsoft.Playwright;
using SchoolSight.Core.Demo;
using SchoolSight.Domain;
using static SchoolSight.Browser.Tests.BrowserSession;

namespace SchoolSight.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class SipVisitJourneyTests(BrowserSession session)
{
    private const int School = DemoSeeder.DemoHeadSchoolUrn;

    private static Task Shot(IPage page, string name) => BrowserSession.ScreenshotAsync(page, $"sip-visit-{name}");

    /// <summary>The day of the visit, today, and its academic year (the dashboard opens on the last year the LA rated).</summary>
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.Now);
    private static readonly int Year = AcademicYear.Of(Today);

    /// <summary>The dashboard's figures for standard 2.4 (the SIP reports' seven features) for the year of the visit, one line each.</summary>
    private static async Task<string> ReportFiguresAsync(IPage page)
    {
        await page.GotoAsync($"/LaSelfEvaluation?year={Year}");
        var rows = page.Locator("[data-testid=figures] tr[data-measure^=Reports]");
        return string.Join('\n', await rows.AllInnerTextsAsync());
    }

    /// <summary>Per phase, the reports missing one or two features and the reports whose features are all settled ("X of N issued SIP reports").</summary>
    private static async Task<Dictionary<string, (int Missing, int Settled)>> MissingOneOrTwoAsync(IPage page)
    {
        await page.GotoAsync($"/LaSelfEvaluation?year={Year}");
        var figures = new Dictionary<string, (int, int)>();
        foreach (var text in await page.Locator("[data-testid=figures] tr[data-measure=ReportsMissingOneOrTwoFeatures]").AllInnerTextsAsync())
        {
            var m = System.Text.RegularExpressions.Regex.Match(text, @"(\d+) of (\d+) issued SIP reports");
            if (m.Success) figures[text.Split('(', ')')[1]] = (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
        }
        return figures;
    }

    /// <summary>How many issued reports the dashboard says still wait for a reviewer, over all its rows.</summary>
    private static int Waiting(string figures) =>
        System.Text.RegularExpressions.Regex.Matches(figures, @"(\d+) issued reports? still waits? for a reviewer").Sum(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));

    [Fact]
    public async Task TheSipIssuesTheReport_TheHeadMarksItInaccurate_TheReviewerJudgesIt_AndTheDashboardCountsIt()
    {
        // Before: the year's reports as Demo Borough's SIPs left them.
        var smt = await session.SignInAsync("smt@demo-borough.example");
        var waitingBefore = Waiting(await ReportFiguresAsync(smt));
        var before = await MissingOneOrTwoAsync(smt);
        await Shot(smt, "01-dashboard-before");

        // The SIP starts the record of a visit to one of their schools, made today, and fills every field of it.
        var sip = await session.SignInAsync("sip@demo-borough.example");
        await sip.GotoAsync($"/Sip?urn={School}");
        var start = sip.Locator("[data-testid=start-visit]");
        await start.Locator("#StartUrn").SelectOptionAsync($"{School}");
        await BrowserSession.FillDateAsync(sip, "VisitedOn", Today);
        await Shot(sip, "02-start");
        await ClickAsync(sip, "Start the record of visit", start);
        await ExpectNoErrorsAsync(sip);
        (await sip.Locator("[data-testid=visit-status]").TextContentAsync()).ShouldBe("Draft");
        var visitUrl = sip.Url;
        var schoolName = await sip.Locator(".govuk-caption-l").InnerTextAsync();

        var form = sip.Locator("[data-testid=visit-form]");
        await form.Locator("#Input_Purpose").FillAsync("Autumn term review of the school's progress towards its targets");
        await form.Locator("#Input_Targets").FillAsync("85% of pupils at the expected standard in reading, writing and mathematics.");
        await form.Locator("#Input_ProgressTowardsTargets").FillAsync("On track in reading and mathematics; writing is behind in year 6.");
        await form.Locator("#Input_KeyStrengths").FillAsync("Phonics teaching in key stage 1; attendance above the LA's average.");
        await form.Locator("#Input_Priorities").FillAsync("Writing in upper key stage 2; middle leaders' monitoring.");
        await form.Locator("#Input_Robustness").SelectOptionAsync("Robust");
        await form.Locator("#Input_EvidenceBase").FillAsync("Book looks, lesson visits and the school's tracking data.");
        await form.Locator("#Input\\.TargetsInLineWithGuidance_yes").CheckAsync();
        await form.Locator("#Input\\.TrackingAccurate_yes").CheckAsync();
        await form.Locator("#Input_Challenge").FillAsync("Challenged the governors on the pace of improvement in writing.");
        await form.Locator("#action_0_text").FillAsync("Writing moderation with a partner school");
        await form.Locator("#action_0_owner").FillAsync("Deputy headteacher");
        await form.Locator("#action_0_due").FillAsync(Today.AddDays(42).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await form.Locator("#action_1_text").FillAsync("Governors' visit to review writing");
        await form.Locator("#action_1_owner").FillAsync("Chair of governors");
        await form.Locator("#action_1_due").FillAsync(Today.AddDays(70).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await Shot(sip, "03-record-filled");
        await ClickAsync(sip, "Save the draft", form);
        await ExpectNoErrorsAsync(sip);
        (await sip.Locator("#Input_Purpose").InputValueAsync()).ShouldStartWith("Autumn term review");
        (await sip.Locator("#action_1_owner").InputValueAsync()).ShouldBe("Chair of governors");

        await ClickAsync(sip, "Issue the report");
        await ExpectNoErrorsAsync(sip);
        (await sip.Locator("[data-testid=visit-status]").TextContentAsync()).ShouldBe("Issued");
        (await sip.Locator("[data-testid=feature-accurate-and-evidenced]").InnerTextAsync()).ShouldBe("Not judged yet");
        await Shot(sip, "04-issued");

        // Issued but not yet reviewed: the dashboard leaves the report out and says so.
        Waiting(await ReportFiguresAsync(smt)).ShouldBeGreaterThan(waitingBefore);

        // The headteacher sees the issued report, downloads it and marks it inaccurate with a comment.
        var head = await session.SignInAsync("head@demo-borough.example");
        await head.GotoAsync($"/Sip?urn={School}");
        await head.Locator("[data-testid=visits]").GetByRole(AriaRole.Link).First.ClickAsync();
        head.Url.ShouldBe(visitUrl);
        (await head.Locator("[data-testid=agreed-actions]").InnerTextAsync()).ShouldContain("Writing moderation with a partner school");
        (await head.Locator("[data-testid=earlier-actions]").CountAsync()).ShouldBe(1); // the actions of the school's last visit, carried forward
        var pdf = await DownloadPdfTextAsync(head, head.GetByRole(AriaRole.Link, new() { Name = "Download the report (PDF)" }));
        pdf.ShouldContain(schoolName);
        pdf.ShouldContain("Writing moderation with a partner school");
        await Shot(head, "05-head-reads-report");
        await head.Locator("textarea[name='Decision.Comment']").FillAsync("Attendance is below the LA's average this term, not above it.");
        await ClickAsync(head, "Mark the report inaccurate");
        await ExpectNoErrorsAsync(head);
        (await head.Locator("[data-testid=visit-status]").TextContentAsync()).ShouldBe("Marked inaccurate by the school");
        (await head.Locator("[data-testid=school-response]").InnerTextAsync()).ShouldContain("Attendance is below the LA's average");
        await Shot(head, "06-marked-inaccurate");

        // The QA manager judges the two features a reviewer settles: evidenced, but no evidence of the challenge.
        var qa = await session.SignInAsync("qa@demo-borough.example");
        await qa.GotoAsync(visitUrl);
        (await qa.Locator("[data-testid=school-response]").InnerTextAsync()).ShouldContain("Marked inaccurate");
        var review = qa.Locator("[data-testid=review-form]");
        await review.Locator("#Review\\.AccurateAndEvidenced_yes").CheckAsync();
        await review.Locator("#Review\\.EvidenceOfChallenge_no").CheckAsync();
        await review.Locator("#Review_Note").FillAsync("Say what the governors were asked and what they answered.");
        await Shot(qa, "07-reviewing");
        await ClickAsync(qa, "Save the review", review);
        await ExpectNoErrorsAsync(qa);
        (await qa.Locator("[data-testid=feature-accurate-and-evidenced]").InnerTextAsync()).ShouldBe("Yes");
        (await qa.Locator("[data-testid=feature-evidence-of-challenge]").InnerTextAsync()).ShouldBe("No");
        var features = await qa.Locator("[data-testid=features] td[data-testid^=feature-]").AllInnerTextsAsync();
        features.Count.ShouldBe(7);
        features.ShouldNotContain("Not judged yet");
        var missing = features.Count(f => f == "No");
        missing.ShouldBeInRange(1, 2); // the challenge, and the risk register while no SIP judgements are recorded for the day
        await Shot(qa, "08-reviewed");

        // After: the dashboard counts the reviewed report among those missing one or two features, and so does the 2.4 cell.
        var after = await MissingOneOrTwoAsync(smt);
        var phase = after.Keys.Single(p => after[p].Settled == (before.TryGetValue(p, out var b) ? b.Settled : 0) + 1);
        var (missingBefore, settledBefore) = before.GetValueOrDefault(phase);
        after[phase].ShouldBe((missingBefore + 1, settledBefore + 1));
        await Shot(smt, "09-dashboard-after");

        var cell = smt.Locator($"[data-testid='cell-2.4-{phase.Replace(" ", "", StringComparison.Ordinal)}'] a");
        await cell.ClickAsync();
        var figure = await smt.Locator("[data-testid='computed-2.4-ni-one-or-two']").InnerTextAsync();
        figure.ShouldContain($"{missingBefore + 1} of {settledBefore + 1} issued SIP reports");
        (await smt.Locator("[data-testid='computed-2.4-g-features']").InnerTextAsync()).ShouldContain($"of {settledBefore + 1} issued SIP reports");
        await Shot(smt, "10-cell-2.4-after");
    }
}
