using Microsoft.Playwright;
using SchoolSight.Core.Demo;
using SchoolSight.TestSupport;
using static SchoolSight.Browser.Tests.BrowserSession;

namespace SchoolSight.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class HealthySchoolsJourneyTests(BrowserSession session)
{
    private const int School = DemoSeeder.DemoHeadSchoolUrn;
    private static readonly string SchoolPage = $"/Schools/{School}/HealthySchools";

    private static Task Shot(IPage page, string name) => BrowserSession.ScreenshotAsync(page, $"healthy-schools-{name}");

    private static async Task<string> StageAsync(IPage page) => await page.Locator("[data-testid=stage]").InnerTextAsync();

    private static async Task SelectSecondOptionAsync(IPage page, string id)
    {
        var value = await page.Locator($"#{id} option").Nth(1).GetAttributeAsync("value");
        await page.Locator($"#{id}").SelectOptionAsync(value!);
    }

    [Fact]
    public async Task ASchool_TakesItsHealthySchoolsPath_FromItsFirstStepToItsCertificateAndAnAward()
    {
        // The head of a school that has not started finds Healthy Schools from the school's page and takes the first step.
        var head = await session.SignInAsync("head@demo-borough.example");
        await head.GotoAsync($"/Schools/{School}");
        await BrowserSession.FollowAsync(head, head.Locator("[data-testid=healthy-schools-link]"));
        (await head.Locator("[data-testid=not-engaged]").CountAsync()).ShouldBe(1);
        await Shot(head, "01-not-started");
        await ClickAsync(head, "Start the enhancement model");
        await ExpectSuccessAsync(head);
        (await StageAsync(head)).ShouldStartWith("Stage 1");
        await Shot(head, "02-engaged");

        // Stage 1: the development group, with a chair, pupils, parents, governors and a partner, and its key tasks.
        foreach (var (name, role, represents) in new[] { ("Pat Chair", "Chair", "Staff"), ("School council", "Member", "Pupils"), ("Sam Parent", "Member", "Parents"), ("Gray Governor", "Member", "Governors"), ("Nia Nurse", "Member", "Partner") })
        {
            await head.Locator("#Member_Name").FillAsync(name);
            await head.Locator("#Member_GroupRole").FillAsync(role);
            await head.Locator("#Member_Represents").SelectOptionAsync(represents);
            if (represents == "Partner") await SelectSecondOptionAsync(head, "Member_PartnerId");
            await ClickAsync(head, "Add the member");
            await ExpectSuccessAsync(head);
        }
        await head.Locator("#KeyTasks").FillAsync("Lead the needs analysis and keep the plan under review each half term.");
        await ClickAsync(head, "Save the key tasks");
        await ExpectSuccessAsync(head);
        (await head.Locator("[data-testid=members]").InnerTextAsync()).ShouldContain("Nia Nurse");
        await Shot(head, "03-development-group");
        await ClickAsync(head, "Complete stage 1: the development group");
        await ExpectSuccessAsync(head);

        // Stage 2: the needs analysis shows the school's data against its benchmarks and the LA's local priorities.
        (await StageAsync(head)).ShouldStartWith("Stage 2");
        (await head.Locator("table[data-testid^=needs-]").CountAsync()).ShouldBeGreaterThan(0);
        (await head.Locator("[data-testid=local-priorities]").InnerTextAsync()).ShouldContain("Healthy weight: more pupils physically active");
        await Shot(head, "04-needs-analysis");
        await head.Locator("#NeedsAnalysisNotes").FillAsync("Too few pupils are physically active each day, and fewer Year 6 girls than boys say they feel safe.");
        await ClickAsync(head, "Save the needs analysis");
        await ExpectSuccessAsync(head);
        await ClickAsync(head, "Complete stage 2: the needs analysis");
        await ExpectSuccessAsync(head);

        // Stage 3: one local priority and the school's own.
        (await StageAsync(head)).ShouldStartWith("Stage 3");
        await head.Locator("#Priority_Kind").SelectOptionAsync("Local");
        await SelectSecondOptionAsync(head, "Priority_LocalPriorityId");
        await ClickAsync(head, "Choose the priority");
        await ExpectSuccessAsync(head);
        await head.Locator("#Priority_Kind").SelectOptionAsync("School");
        await head.Locator("#Priority_Title").FillAsync("Feeling safe");
        await head.Locator("#Priority_IndicatorId").SelectOptionAsync("PUPIL_FEEL_SAFE");
        await ClickAsync(head, "Choose the priority");
        await ExpectSuccessAsync(head);
        await Shot(head, "05-priorities");
        await ClickAsync(head, "Complete stage 3: the two priorities");
        await ExpectSuccessAsync(head);

        // Stage 4: three meaningful outcomes for each priority, and an early success indicator.
        (await StageAsync(head)).ShouldStartWith("Stage 4");
        foreach (var priority in new[] { "1", "2" })
            foreach (var (kind, group) in new[] { ("Quantitative", ""), ("Perception", ""), ("Targeted", "Year 6 girls") })
            {
                await head.GetByText("Add a meaningful outcome").ClickAsync();
                await head.Locator("#Outcome_PriorityNumber").SelectOptionAsync(priority);
                await head.Locator("#Outcome_Kind").SelectOptionAsync(kind);
                await head.Locator("#Outcome_Description").FillAsync($"{(priority == "1" ? "More pupils active every day" : "More pupils feel safe")}: {kind.ToLowerInvariant()}");
                if (group.Length > 0) await head.Locator("#Outcome_TargetGroup").FillAsync(group);
                await head.Locator("#Outcome_Baseline").FillAsync("40");
                await head.Locator("#Outcome_Target").FillAsync("60");
                await BrowserSession.FillDateAsync(head, "Outcome_ByWhen", new DateOnly(2028, 7, 1));
                await head.Locator("#Outcome_EvidencedBy").FillAsync("The summer pupil survey");
                await ClickAsync(head, "Add the outcome");
                await ExpectSuccessAsync(head);
            }
        await head.Locator("#Indicator_Description").FillAsync("An after-school active club runs every week");
        await BrowserSession.FillDateAsync(head, "Indicator_Timescale", new DateOnly(2027, 3, 1));
        await head.Locator("#Indicator_Kind").SelectOptionAsync("Process");
        await ClickAsync(head, "Add the early success indicator");
        await ExpectSuccessAsync(head);
        await Shot(head, "06-outcomes-and-indicators");
        await ClickAsync(head, "Send the stage 4 form to the QUAS");
        await ExpectSuccessAsync(head);
        (await StageAsync(head)).ShouldStartWith("Stage 4b");
        (await head.Locator("[data-testid=no-decisions]").InnerTextAsync()).ShouldBe("Nothing waits for you at this stage.");
        await Shot(head, "07-sent-to-the-quas");

        // The QUAS finds the form waiting and asks for clarification.
        var quas = await session.SignInAsync("quas@demo-borough.example");
        await quas.GotoAsync("/HealthySchools");
        await Shot(quas, "08-quas-queue");
        var schoolName = await head.Locator(".govuk-caption-l").InnerTextAsync();
        await quas.Locator("[data-testid=queue]").GetByRole(AriaRole.Link, new() { Name = schoolName }).ClickAsync();
        await ClickAsync(quas, "Ask for clarification");
        (await quas.Locator(".govuk-error-summary").InnerTextAsync()).ShouldContain("Say what needs clarifying.");
        await quas.Locator("#Decision_Reason").FillAsync("Which survey gives the perception outcomes' baselines?");
        await Shot(quas, "09-quas-reads-the-form");
        await ClickAsync(quas, "Ask for clarification");
        await ExpectSuccessAsync(quas);

        // The head answers and sends the form again; the QUAS approves it.
        await head.GotoAsync(SchoolPage);
        (await head.Locator("[data-testid=exchange]").InnerTextAsync()).ShouldContain("Which survey gives");
        await head.Locator("#Answer_Answer").FillAsync("The summer pupil survey of 2026, run in every class from Year 3.");
        await Shot(head, "10-clarification-asked");
        await ClickAsync(head, "Send the answer");
        await ExpectSuccessAsync(head);
        await ClickAsync(head, "Send the stage 4 form to the QUAS");
        await ExpectSuccessAsync(head);

        await quas.GotoAsync(SchoolPage);
        (await quas.Locator("[data-testid=exchange]").InnerTextAsync()).ShouldContain("The summer pupil survey of 2026");
        await quas.Locator("#Decision_Reason").FillAsync("Clear outcomes with baselines and a sound indicator.");
        await Shot(quas, "11-quas-approves");
        await ClickAsync(quas, "Approve the stage 4 form");
        await ExpectSuccessAsync(quas);

        // The school downloads its certificate.
        await head.GotoAsync(SchoolPage);
        (await StageAsync(head)).ShouldStartWith("Stage 5");
        await Shot(head, "12-approved");
        (await DownloadPdfTextAsync(head, head.Locator("[data-testid=certificate]"))).ShouldContain("Healthy Schools certificate");

        // Stages 5 to 7: an activity, implementation, monitoring, and the early success indicator recorded met.
        await head.Locator("#Activity_Description").FillAsync("Daily mile for every class");
        await head.Locator("#Activity_Reach").SelectOptionAsync("Universal");
        await ClickAsync(head, "Add the activity");
        await ExpectSuccessAsync(head);
        await ClickAsync(head, "Complete stage 5: baselines and activities");
        await ExpectSuccessAsync(head);
        await ClickAsync(head, "Move to stage 7: monitoring");
        await ExpectSuccessAsync(head);
        var assess = head.Locator("[data-testid=assess-1]");
        await assess.Locator("#Assessment_Met").SelectOptionAsync("true");
        await assess.Locator("#Assessment_Evidence").FillAsync("The club has run every Wednesday since January with 30 pupils.");
        await ClickAsync(head, "Record", assess);
        await ExpectSuccessAsync(head);
        (await head.Locator("[data-testid=esi-1]").InnerTextAsync()).ShouldStartWith("Met on");
        (await head.Locator("[data-testid=barometer]").InnerTextAsync()).ShouldStartWith("1 of 1");
        await Shot(head, "13-indicator-met");

        // Stage 8: the school sends an outcome to the QUAS as met with its evidence; the QUAS confirms it.
        await ClickAsync(head, "Move to stage 8: review");
        await ExpectSuccessAsync(head);
        (await StageAsync(head)).ShouldStartWith("Stage 8");
        var review = head.Locator("[data-testid=review-1]");
        await review.GetByLabel("Evidence that the outcome is met (self-validation)").FillAsync("The summer survey: 64% of pupils now active every day, against 40%.");
        await Shot(head, "14-review");
        await ClickAsync(head, "Send to the QUAS as met", review);
        await ExpectSuccessAsync(head);
        (await head.Locator("[data-testid=outcome-1]").InnerTextAsync()).ShouldContain("With the QUAS");

        await quas.GotoAsync("/HealthySchools");
        await quas.Locator("[data-testid=queue]").GetByRole(AriaRole.Link, new() { Name = schoolName }).ClickAsync();
        (await quas.Locator("[data-testid=no-decisions]").InnerTextAsync()).ShouldContain("An outcome waits for you");
        var confirm = quas.Locator("[data-testid=review-1]");
        await confirm.Locator("#Decision_Reason").FillAsync("Well evidenced: congratulations.");
        await Shot(quas, "15-quas-confirms-the-outcome");
        await ClickAsync(quas, "Approve the met outcome", confirm);
        await ExpectSuccessAsync(quas);

        // The school downloads its award.
        await head.GotoAsync(SchoolPage);
        (await head.Locator("[data-testid=outcome-1]").InnerTextAsync()).ShouldContain("Met: confirmed by the QUAS");
        await Shot(head, "16-award");
        (await DownloadPdfTextAsync(head, head.Locator("[data-testid=award-1]"))).ShouldContain("Healthy Schools award");
    }
}
