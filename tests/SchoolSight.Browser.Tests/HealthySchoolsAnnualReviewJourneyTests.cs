using Microsoft.Playwright;
using SchoolSight.Core.Demo;
using SchoolSight.Domain.HealthySchools;
using static SchoolSight.Browser.Tests.BrowserSession;

namespace SchoolSight.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class HealthySchoolsAnnualReviewJourneyTests(BrowserSession session)
{
    private const int School = DemoSeeder.DemoHeadSchoolUrn;
    private static readonly string ReviewPage = $"/Schools/{School}/HealthySchools/AnnualReview";

    private static Task Shot(IPage page, string name) => BrowserSession.ScreenshotAsync(page, $"healthy-schools-annual-review-{name}");

    [Fact]
    public async Task TheCoordinatorRecordsTheStatus_TheSchoolSelfValidatesItsReview_AndTheQuasDrawsAndModeratesIt()
    {
        // The school achieved the LA's status two months ago, so it may join directly; the coordinator records the day it
        // was achieved (here corrected to an earlier day): the page says which pathway applies.
        var coordinator = await session.SignInAsync("healthy@demo-borough.example");
        await coordinator.GotoAsync(ReviewPage);
        (await coordinator.Locator("[data-testid=joining]").InnerTextAsync()).ShouldContain("may join");
        // Achieved two years ago: current, but the year to join without a review has passed.
        var achieved = new DateOnly(DateTime.UtcNow.Year - 2, 6, 1);
        await BrowserSession.FillDateAsync(coordinator, "Status_AchievedOn", achieved);
        await ClickAsync(coordinator, "Record the status");
        await ExpectSuccessAsync(coordinator);
        (await coordinator.Locator(".govuk-notification-banner--success").InnerTextAsync()).ShouldContain($"as achieved on 1 June {achieved.Year}");
        (await coordinator.Locator("[data-testid=joining]").InnerTextAsync()).ShouldContain("joins after its annual review");
        await Shot(coordinator, "01-status-and-pathway");

        // The head confirms each criterion of the four themes with its evidence (the first with a file), then self-validates.
        var head = await session.SignInAsync("head@demo-borough.example");
        await head.GotoAsync($"/Schools/{School}/HealthySchools");
        await head.Locator("[data-testid=annual-review-link]").ClickAsync();
        var first = true;
        foreach (var criterion in ReviewCriteria.Shipped.All)
        {
            var form = head.Locator($"[data-testid=confirm-{criterion.Id}]");
            await form.Locator("textarea").FillAsync($"Seen by the governors in the autumn term: {criterion.Id}.");
            if (first)
                await form.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "pshe-scheme.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4\n%%EOF\n"u8.ToArray() });
            await ClickAsync(head, "Confirm", form);
            await ExpectSuccessAsync(head);
            if (first) (await head.Locator("[data-testid=files]").InnerTextAsync()).ShouldContain("pshe-scheme.pdf");
            first = false;
        }
        await Shot(head, "02-criteria-confirmed");
        await ClickAsync(head, "Self-validate the annual review");
        await ExpectSuccessAsync(head);
        (await head.Locator("[data-testid=review-state]").InnerTextAsync()).ShouldStartWith("Self-validated on");
        (await head.Locator("[data-testid=joining]").InnerTextAsync()).ShouldContain("the school may join");
        await Shot(head, "03-self-validated");

        // The QUAS draws the year's reviews for moderation with a seed it can show; the drawn review waits in its queue.
        var quas = await session.SignInAsync("quas@demo-borough.example");
        await quas.GotoAsync("/HealthySchools");
        await quas.Locator("#Draw_Seed").FillAsync("2026");
        await ClickAsync(quas, "Draw the reviews for moderation");
        await ExpectSuccessAsync(quas);
        (await quas.Locator(".govuk-notification-banner--success").InnerTextAsync()).ShouldContain("with seed 2026");
        (await quas.Locator("[data-testid=queue]").InnerTextAsync()).ShouldContain("drawn for moderation");
        await Shot(quas, "04-drawn-and-queued");
        // The QUAS report, from the Healthy Schools menu: the drawn review waits among the approvals.
        await quas.GetByRole(AriaRole.Link, new() { Name = "QUAS report" }).First.ClickAsync();
        (await quas.Locator("[data-testid=pending]").InnerTextAsync()).ShouldContain("Moderation");
        (await quas.Locator("[data-testid=no-service]").InnerTextAsync()).ShouldContain("lunchtime play leaders");
        await Shot(quas, "04b-quas-report");
        await quas.GotoAsync("/HealthySchools");
        var schoolName = await head.Locator(".govuk-caption-l").InnerTextAsync();
        await quas.Locator("[data-testid=queue]").GetByRole(AriaRole.Link, new() { Name = schoolName }).First.ClickAsync();
        await quas.Locator("#Moderation_Outcome").CheckAsync();
        await quas.Locator("#Moderation_Comments").FillAsync("The evidence for each theme is clear and current.");
        await Shot(quas, "05-moderating");
        await ClickAsync(quas, "Record the moderation");
        await ExpectSuccessAsync(quas);

        await head.GotoAsync(ReviewPage);
        (await head.Locator("[data-testid=moderation-outcome]").InnerTextAsync()).ShouldContain("The panel agrees");
        await Shot(head, "06-moderated");
    }
}
