using Microsoft.Playwright;
using SchoolSight.Core.Demo;
using SchoolSight.Domain.Access;

namespace SchoolSight.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class JudgementJourneyTests(BrowserSession session)
{
    [Fact]
    public async Task TheSip_RecordsTheirJudgementsForAnAssignedSchool_AndSeesWhereTheyDifferFromTheSchools()
    {
        const int school = DemoSeeder.DemoHeadSchoolUrn + 10;
        var sip = await session.SignInAsync(DemoSeeder.DemoUsers.Single(u => u.Role == Role.SchoolImprovementPartner).Email);
        await sip.GetByRole(AriaRole.Link, new() { Name = "Schools", Exact = true }).ClickAsync();
        await sip.Locator($"a[href='/Schools/{school}']").First.ClickAsync();
        await sip.Locator("[data-testid=judgements-link]").ClickAsync();
        await sip.Locator("h1", new() { HasTextString = "Self-evaluation and SIP judgements" }).WaitForAsync();

        // The SIP records their own judgements; the school's self-evaluation is the school's to record.
        (await sip.GetByRole(AriaRole.Link, new() { Name = "Record self-evaluation judgements" }).CountAsync()).ShouldBe(0);
        await sip.GetByRole(AriaRole.Link, new() { NameRegex = new("^Record SIP judgements") }).First.ClickAsync();
        await sip.Locator("h1", new() { HasTextString = "The school improvement partner's judgements" }).WaitForAsync();

        // Judgements made today are on the report card's scale. A date in the future is refused with a message by the field; nothing is saved.
        (await sip.Locator("[data-testid=scale]").InnerTextAsync()).ShouldContain("five-point scale");
        await sip.Locator("input[name='Input.Grades[leadership-and-governance]'][value='urgent-improvement']").CheckAsync();
        await sip.Locator("input[name='Input.Grades[achievement]'][value='needs-attention']").CheckAsync();
        await BrowserSession.FillDateAsync(sip, "Input_JudgedOn", DateOnly.FromDateTime(DateTime.UtcNow.AddDays(3)));
        await sip.GetByRole(AriaRole.Button, new() { Name = "Save the judgements" }).ClickAsync();
        (await sip.Locator(".govuk-error-summary").InnerTextAsync()).ShouldContain("The date the judgements were made must be today or in the past");
        await BrowserSession.ScreenshotAsync(sip, "judgements-01-error");

        await BrowserSession.FillDateAsync(sip, "Input_JudgedOn", DateOnly.FromDateTime(DateTime.UtcNow));
        await sip.Locator("#Input_Note").FillAsync("Leaders have not acted on the safeguarding audit; governors unaware.");
        await sip.GetByRole(AriaRole.Button, new() { Name = "Save the judgements" }).ClickAsync();
        await sip.WaitForURLAsync(url => url.Contains($"/Schools/{school}/Judgements", StringComparison.Ordinal) && !url.Contains("/Record", StringComparison.Ordinal));

        // The year's report card table shows the SIP's grades beside the school's own, and says where they differ.
        var table = sip.Locator("table[data-testid$=-report-card]").First;
        (await table.Locator("tr", new() { HasTextString = "Leadership and governance" }).InnerTextAsync()).ShouldContain("Urgent improvement");
        (await table.Locator("tr", new() { HasTextString = "Achievement" }).InnerTextAsync()).ShouldContain("Needs attention");
        (await sip.Locator("[data-testid^=areas-differ-]").First.InnerTextAsync()).ShouldContain("leadership and governance");
        await BrowserSession.ScreenshotAsync(sip, "judgements-02-recorded");
    }
}
