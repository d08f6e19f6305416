using Microsoft.Playwright;
using SchoolSight.Core.Demo;
using SchoolSight.Domain.Access;

namespace SchoolSight.Browser.Tests;

/// <summary>
/// The well-being self-evaluation in the browser: the head completes one outcome with its evidence in front of them
/// (on a desktop and on a phone), and the school's SIP disagrees with a comment, which the head then reads.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SelfEvaluationJourneyTests(BrowserSession session)
{
    private const string Outcome = "be-healthy";
    private static readonly string Page = $"/Schools/{DemoSeeder.DemoHeadSchoolUrn}/SelfEvaluation/{Outcome}";

    private static string Email(Role role) => DemoSeeder.DemoUsers.Single(u => u.Role == role).Email;

    [Fact]
    public async Task AHead_CompletesAnOutcome_WithTheEvidenceShown_AndTheSipDisagreesWithAComment()
    {
        var head = await session.SignInAsync(Email(Role.SchoolUser));
        await head.GotoAsync($"/Schools/{DemoSeeder.DemoHeadSchoolUrn}/SelfEvaluation");
        await head.GetByRole(AriaRole.Link, new() { Name = "Be healthy", Exact = false }).First.ClickAsync();
        head.Url.ShouldContain(Page);
        var main = head.Locator("main");
        (await head.Locator("h1").InnerTextAsync()).ShouldBe("Be healthy");
        // The evidence is on the page before the head judges: the indicators, the gaps, the pupils' and parents' views, the questions.
        (await main.InnerTextAsync()).ShouldContain("The evidence");
        (await head.GetByTestId("evidence-gaps").CountAsync()).ShouldBe(1);
        (await main.InnerTextAsync()).ShouldContain("Questions to answer");
        (await head.Locator("[data-testid=evidence-measures], [data-testid=no-evidence]").CountAsync()).ShouldBeGreaterThan(0);
        await BrowserSession.ScreenshotAsync(head, "self-evaluation-head-outcome-evidence");

        await head.Locator("input[name='Input.Grade'][value='expected-standard']").CheckAsync();
        await head.GetByLabel("Strengths").FillAsync("Pupils say the school helps them to be healthy; most walk or cycle to school.");
        await head.GetByLabel("Priority 1").FillAsync("More pupils in years 5 and 6 take part in sport outside lessons");
        await BrowserSession.ClickAsync(head, "Save the draft");
        await BrowserSession.ExpectNoErrorsAsync(head);
        await BrowserSession.ClickAsync(head, "Complete this outcome");
        await BrowserSession.ExpectSuccessAsync(head);
        (await head.GetByTestId("state").InnerTextAsync()).ShouldContain("Completed");
        (await head.GetByTestId("grade").InnerTextAsync()).ShouldNotBe("Not judged");
        await BrowserSession.ScreenshotAsync(head, "self-evaluation-head-outcome-completed");

        // The head's page on a phone: nothing wider than the screen.
        var phone = await session.SignInAsync(Email(Role.SchoolUser), width: 375);
        await phone.GotoAsync(Page);
        (await phone.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(375);
        await BrowserSession.ScreenshotAsync(phone, "self-evaluation-head-outcome-375px");
        await phone.Context.CloseAsync();

        var sip = await session.SignInAsync(Email(Role.SchoolImprovementPartner));
        await sip.GotoAsync(Page);
        (await sip.GetByTestId("draft-form").CountAsync()).ShouldBe(0); // the SIP reads the school's view, never edits it
        var disagree = sip.Locator("form[data-testid=move]").Filter(new() { HasText = "Disagree with the school's judgement" });
        await BrowserSession.ClickAsync(sip, "Disagree with the school's judgement", disagree);
        (await sip.Locator(".govuk-error-summary").InnerTextAsync()).ShouldContain("Say why you disagree");
        await sip.Locator("#Reason_Disagree").FillAsync("The figures for healthy eating are below similar schools: the school's judgement is too generous.");
        await BrowserSession.ClickAsync(sip, "Disagree with the school's judgement", disagree);
        await BrowserSession.ExpectSuccessAsync(sip); // one banner: the page's and the layout's are the same one
        (await sip.GetByTestId("sip-view").InnerTextAsync()).ShouldContain("too generous");
        await BrowserSession.ScreenshotAsync(sip, "self-evaluation-sip-disagrees");

        await head.GotoAsync(Page);
        var view = await head.GetByTestId("sip-view").InnerTextAsync();
        view.ShouldContain("isagree");
        view.ShouldContain("too generous");
        await BrowserSession.ScreenshotAsync(head, "self-evaluation-head-reads-sip-view");
        await head.Context.CloseAsync();
        await sip.Context.CloseAsync();
    }
}
