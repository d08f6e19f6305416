using Microsoft.Playwright;
using SchoolSight.Core.Data;
using SchoolSight.Core.Demo;
using SchoolSight.Domain.Access;
using SchoolSight.TestSupport;
using static SchoolSight.Browser.Tests.BrowserSession;

namespace SchoolSight.Browser.Tests;

/// <summary>
/// SchoolSight on Kestrel with a clock the test moves, so a case can live through terms in one test: the programme
/// runs on the term calendar, and monitoring after exit needs visits in two later terms.
/// </summary>
public sealed class ProgrammeBrowserApp : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public TestClock Clock { get; } = new(2026, 11, 23, 9);
    public SchoolSightWebFactory App { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = await SchoolSightWebFactory.CreateAsync(DatabaseProvider.Sqlite, realServer: true, clock: Clock);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserSession.ChromiumPath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        });
        Directory.CreateDirectory(BrowserSession.ScreenshotFolder);
    }

    /// <summary>A new browser signed in through the sign-in page as the demo user of <paramref name="role"/>.</summary>
    public async Task<IPage> SignInAsync(Role role)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = App.ServerAddress.ToString().TrimEnd('/'), ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/SignIn");
        await page.GetByLabel("Email address").FillAsync(DemoSeeder.DemoUsers.Single(u => u.Role == role).Email);
        await page.GetByLabel("Password").FillAsync(DemoSeeder.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/SignIn", StringComparison.Ordinal));
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}

[Collection(BrowserCollection.Name)]
public sealed class ProgrammeJourneyTests(ProgrammeBrowserApp session) : IClassFixture<ProgrammeBrowserApp>
{
    private const string School = "Millbrook Primary School";

    private static Task Shot(IPage page, string name) => BrowserSession.ScreenshotAsync(page, $"programme-{name}");

    private static async Task<string> StateAsync(IPage page) => await page.Locator("[data-testid=case-state]").InnerTextAsync();

    [Fact]
    public async Task ACase_LivesFromProposalToClosure_ThroughThePages()
    {
        // 23 November 2026: the M&I officer proposes a school.
        var officer = await session.SignInAsync(Role.InterventionOfficer);
        await BrowserSession.OpenFromMenuAsync(officer, "School improvement", "Programme");
        await Shot(officer, "01-dashboard");
        await officer.GetByRole(AriaRole.Link, new() { Name = "Propose a school" }).ClickAsync();
        await ClickAsync(officer, "Propose entry");
        (await officer.Locator(".govuk-error-summary").InnerTextAsync()).ShouldContain("Enter the school's URN");
        await Shot(officer, "02-propose-errors");
        var option = await officer.Locator("#Input_Urn option", new() { HasTextString = School }).First.GetAttributeAsync("value");
        await officer.Locator("#Input_Urn").SelectOptionAsync(option!);
        await officer.Locator("#Input_Tier").SelectOptionAsync("Targeted");
        await officer.Locator("#Input_Ground").SelectOptionAsync("StandardsUnacceptablyLow");
        await officer.Locator("#Input_Concerns").FillAsync("KS2 combined English and maths below the floor for three years; categorised as intensive.");
        await ClickAsync(officer, "Propose entry");
        await ExpectSuccessAsync(officer);
        (await StateAsync(officer)).ShouldBe("Entry proposed");
        var caseUrl = new Uri(officer.Url).AbsolutePath;
        await Shot(officer, "03-proposed");

        // The SMT agrees entry.
        var smt = await session.SignInAsync(Role.SeniorManager);
        await smt.GotoAsync(caseUrl);
        await smt.GetByRole(AriaRole.Link, new() { Name = "Agree entry" }).ClickAsync();
        await smt.Locator("#Input_Reason").FillAsync("Agreed at the SMT meeting of 23 November on the categorisation evidence.");
        await Shot(smt, "04-agree-entry");
        await ClickAsync(smt, "Agree entry");
        await ExpectSuccessAsync(smt);
        (await StateAsync(smt)).ShouldBe("Entry agreed");

        // The officer records the baseline, who was told, the plan, its actions and the management group, then starts support.
        await officer.GotoAsync(caseUrl + "/Entry");
        await officer.Locator("#Baseline_Source").SelectOptionAsync("OfstedInspection");
        await BrowserSession.FillDateAsync(officer, "Baseline_AssessedOn", new DateOnly(2026, 10, 14));
        await officer.Locator("#Baseline_Strengths").FillAsync("Pupils' behaviour and attendance; a caring ethos.");
        await officer.Locator("#Baseline_AreasForImprovement").FillAsync("Reading in key stage 2; use of assessment; governors' challenge.");
        await ClickAsync(officer, "Record the baseline");
        await ExpectSuccessAsync(officer);
        await BrowserSession.FillDateAsync(officer, "Communications_GovernorsToldOn", new DateOnly(2026, 11, 23));
        await BrowserSession.FillDateAsync(officer, "Communications_StaffToldOn", new DateOnly(2026, 11, 23));
        await BrowserSession.FillDateAsync(officer, "Communications_LaTeamsToldOn", new DateOnly(2026, 11, 23));
        await officer.Locator("#Communications_ParentsCommunication").FillAsync("Headteacher's letter to parents agreed with the chair of governors.");
        await ClickAsync(officer, "Save who was told");
        await ExpectSuccessAsync(officer);
        await Shot(officer, "05-baseline-and-communications");

        await officer.GotoAsync(caseUrl + "/Plan");
        await officer.Locator("#Choice_Kind").SelectOptionAsync("RaisingAchievementPlan");
        await officer.Locator("#Choice_Title").FillAsync("Raising Achievement Plan 2026-28");
        await ClickAsync(officer, "Save the plan");
        await ExpectSuccessAsync(officer);
        await officer.Locator("#NewAction_Description").FillAsync("Guided reading every day in key stage 2");
        await officer.Locator("#NewAction_Owner").FillAsync("English lead");
        await BrowserSession.FillDateAsync(officer, "NewAction_DueOn", new DateOnly(2027, 3, 19));
        await officer.Locator("#NewAction_SuccessCriteria").FillAsync("Reading reads well");
        await ClickAsync(officer, "Add the action");
        (await officer.Locator(".govuk-error-summary").InnerTextAsync()).ShouldContain("Success criteria must be measurable");
        await officer.Locator("#NewAction_SuccessCriteria").FillAsync("75% of Year 6 at the expected standard in reading");
        await ClickAsync(officer, "Add the action");
        await ExpectSuccessAsync(officer);
        await Shot(officer, "06-plan");

        await officer.GotoAsync(caseUrl + "/ManagementGroup");
        foreach (var (name, role) in new[] { ("Owen Hughes", "Headteacher"), ("Ruth Okafor", "Governor"), ("Amira Shah", "EnglishLead") })
        {
            await officer.Locator("#Member_Name").FillAsync(name);
            await officer.Locator("#Member_Role").SelectOptionAsync(role);
            await ClickAsync(officer, "Add member");
            await ExpectSuccessAsync(officer);
        }
        await Shot(officer, "07-management-group");

        await officer.GotoAsync(caseUrl);
        await officer.GetByRole(AriaRole.Link, new() { Name = "Start support" }).ClickAsync();
        await ClickAsync(officer, "Start support");
        await ExpectSuccessAsync(officer);
        (await StateAsync(officer)).ShouldBe("Active");
        await Shot(officer, "08-active");

        // A programme meeting: scheduled, agenda sent, progress report, held, minutes.
        await officer.GotoAsync(caseUrl + "/Meetings");
        await BrowserSession.FillDateAsync(officer, "Schedule_ScheduledFor", new DateOnly(2026, 12, 2));
        await ClickAsync(officer, "Schedule the meeting");
        await ExpectSuccessAsync(officer);
        var meetingUrl = new Uri(officer.Url).AbsolutePath;
        (await officer.Locator("[data-testid=meeting-summary]").InnerTextAsync()).ShouldContain("7 days before the meeting on 2 Dec 2026");
        await BrowserSession.FillDateAsync(officer, "Agenda_On", new DateOnly(2026, 11, 23));
        await ClickAsync(officer, "Record the agenda sent");
        await ExpectSuccessAsync(officer);
        await officer.Locator("#Report_Summary").FillAsync("Guided reading started in all KS2 classes; first assessments taken.");
        await officer.Locator("#Report_Evidence_0__PlanActionId").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await officer.Locator("#Report_Evidence_0__Evidence").FillAsync("58% of Year 6 at the expected standard in the November assessment, up from 49%.");
        await ClickAsync(officer, "Submit the progress report");
        await ExpectSuccessAsync(officer);
        await Shot(officer, "09-meeting-scheduled");
        await officer.Locator("#File").SetInputFilesAsync(new FilePayload { Name = "Year 6 reading assessment.pdf", MimeType = "application/pdf", Buffer = SampleFiles.Pdf("Year 6 reading") });
        await officer.Locator("#Description").FillAsync("November assessment, by class");
        await ClickAsync(officer, "Attach the file");
        await ExpectSuccessAsync(officer);
        (await officer.Locator("[data-testid=evidence-files]").InnerTextAsync()).ShouldContain("Year 6 reading assessment.pdf");
        await Shot(officer, "09-evidence-file-attached");

        session.Clock.SetDay(new DateOnly(2026, 12, 2), 15);
        officer = await session.SignInAsync(Role.InterventionOfficer);
        await officer.GotoAsync(meetingUrl);
        await BrowserSession.FillDateAsync(officer, "Held_HeldOn", new DateOnly(2026, 12, 2));
        await officer.Locator("#Held_Attendance").FillAsync("Owen Hughes (head), Ruth Okafor (chair), Morgan Intervention (M&I), Sidney Partner (SIP), LA finance officer");
        await officer.Locator("#Held_Decisions").FillAsync("Continue guided reading; LA to fund training for teaching assistants.");
        await officer.Locator("#Held_Judgement").SelectOptionAsync("Sufficient");
        await ClickAsync(officer, "Save the record of the meeting");
        await ExpectSuccessAsync(officer);
        await BrowserSession.FillDateAsync(officer, "Minutes_On", new DateOnly(2026, 12, 2));
        await ClickAsync(officer, "Record the minutes circulated");
        await ExpectSuccessAsync(officer);
        await Shot(officer, "10-meeting-held");

        // Exit: the strategy agreed with the school, then the SMT agrees exit.
        await officer.GotoAsync(caseUrl + "/Exit");
        await officer.Locator("summary", new() { HasTextString = "Record the exit strategy" }).ClickAsync();
        await officer.Locator("#Strategy_Summary").FillAsync("RAP continues under the governors' standards committee; termly SIP visits.");
        await BrowserSession.FillDateAsync(officer, "Strategy_AgreedWithSchoolOn", new DateOnly(2026, 12, 2));
        await officer.Locator("#Strategy_MonitoringLead").FillAsync("Sidney Partner (SIP)");
        await ClickAsync(officer, "Save the exit strategy");
        await ExpectSuccessAsync(officer);

        smt = await session.SignInAsync(Role.SeniorManager);
        await smt.GotoAsync(caseUrl);
        await smt.GetByRole(AriaRole.Link, new() { Name = "Agree exit" }).ClickAsync();
        await smt.Locator("#Input_Reason").FillAsync("Reading outcomes and leadership capacity now secure.");
        await ClickAsync(smt, "Agree exit");
        await ExpectSuccessAsync(smt);
        (await StateAsync(smt)).ShouldBe("Exit agreed");
        await Shot(smt, "11-exit-agreed");

        await officer.GotoAsync(caseUrl);
        await officer.GetByRole(AriaRole.Link, new() { Name = "Begin post-exit monitoring" }).ClickAsync();
        await ClickAsync(officer, "Begin post-exit monitoring");
        await ExpectSuccessAsync(officer);
        (await StateAsync(officer)).ShouldBe("Post-exit monitoring");

        // Termly monitoring: a SIP visit in the spring term; closing is refused until the summer term's visit.
        session.Clock.SetDay(new DateOnly(2027, 2, 3));
        var sip = await session.SignInAsync(Role.SchoolImprovementPartner);
        var qa = await session.SignInAsync(Role.QualityAssuranceManager);
        await qa.GotoAsync(caseUrl);
        (await qa.Locator("[data-testid=unmet]").InnerTextAsync()).ShouldContain("record a monitoring visit in the Spring term 2027 (2026/27) and the Summer term 2027 (2026/27)");
        officer = await session.SignInAsync(Role.InterventionOfficer);
        await officer.GotoAsync(caseUrl + "/Exit");
        await BrowserSession.FillDateAsync(officer, "Visit_VisitedOn", new DateOnly(2027, 2, 3));
        await officer.Locator("#Visit_Findings").FillAsync("Reading outcomes held; governors' committee meeting half-termly.");
        await officer.Locator("#Visit_ImprovementSustained").CheckAsync();
        await ClickAsync(officer, "Record the visit");
        await ExpectSuccessAsync(officer);
        await qa.GotoAsync(caseUrl);
        (await qa.Locator("[data-testid=unmet]").InnerTextAsync()).ShouldContain("record a monitoring visit in the Summer term 2027 (2026/27)");
        await Shot(qa, "12-monitoring-close-not-yet");

        session.Clock.SetDay(new DateOnly(2027, 5, 5));
        sip = await session.SignInAsync(Role.SchoolImprovementPartner);
        await sip.GotoAsync("/Programme");
        (await sip.Locator("main").InnerTextAsync()).ShouldNotContain(School, customMessage: "the SIP is not assigned to this school");
        officer = await session.SignInAsync(Role.InterventionOfficer);
        await officer.GotoAsync(caseUrl + "/Exit");
        await BrowserSession.FillDateAsync(officer, "Visit_VisitedOn", new DateOnly(2027, 5, 5));
        await officer.Locator("#Visit_Findings").FillAsync("Improvement sustained over two terms.");
        await officer.Locator("#Visit_ImprovementSustained").CheckAsync();
        await ClickAsync(officer, "Record the visit");
        await ExpectSuccessAsync(officer);
        await Shot(officer, "13-monitoring-visits");

        qa = await session.SignInAsync(Role.QualityAssuranceManager);
        await qa.GotoAsync(caseUrl);
        await qa.GetByRole(AriaRole.Link, new() { Name = "Close the case" }).ClickAsync();
        await ClickAsync(qa, "Close the case");
        await ExpectSuccessAsync(qa);
        (await StateAsync(qa)).ShouldBe("Closed");
        (await qa.Locator("[data-testid=decision-log]").InnerTextAsync()).ShouldContain("Agreed at the SMT meeting of 23 November");
        await Shot(qa, "14-closed");

        await qa.GotoAsync("/Programme/Quarterly?year=2027&q=2");
        (await qa.Locator("[data-testid=quarterly-rows]").InnerTextAsync()).ShouldContain(School);
        await Shot(qa, "15-quarterly-report");
    }
}
