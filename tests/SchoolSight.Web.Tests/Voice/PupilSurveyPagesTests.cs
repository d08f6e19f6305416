using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Core.Demo;
using SchoolSight.Domain.Access;
using SchoolSight.TestSupport;

namespace SchoolSight.Web.Tests.Voice;

/// <summary>The survey pages signed out: a code opens only its own questions, answers are kept, and a sent code is refused.</summary>
public abstract class PupilSurveyPagesTests(DatabaseProvider provider) : IAsyncLifetime
{
    private SchoolSightWebFactory _app = null!;

    public async Task InitializeAsync() => _app = await SchoolSightWebFactory.CreateAsync(provider);
    public async Task DisposeAsync() => await _app.DisposeAsync();

    private HttpClient Browser() => _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private async Task<string> OpenSurveyAsHeadAsync()
    {
        var head = _app.ClientFor(Role.SchoolUser);
        var opened = await head.PostFormAsync("/Surveys/Open", new Dictionary<string, string>
        {
            ["Input.Title"] = "Spring survey",
            ["Input.OpensOn"] = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd"),
            ["Input.ClosesOn"] = DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd"),
            ["Input.YearGroups"] = "2", // Year 1: five of the eight questions
            ["Input.ClassesPerYearGroup"] = "1",
            ["Input.CodesPerClass"] = "5",
            ["Input.ParentCodes"] = "0",
        });
        opened.StatusCode.ShouldBe(HttpStatusCode.Redirect, await opened.Content.ReadAsStringAsync());
        var page = await head.GetStringAsync("/Surveys");
        page.ShouldContain("Spring survey");
        page.ShouldContain("Year 1");
        await using var db = _app.Database.CreateContext();
        return await db.SurveyCodes.Where(c => c.Urn == DemoSeeder.DemoHeadSchoolUrn && c.YearGroup == 2).OrderBy(c => c.Id).Select(c => c.Code).FirstAsync();
    }

    [Fact]
    public async Task APupil_AnswersWithACode_ComesBack_Sends_AndTheCodeIsThenRefused()
    {
        var code = await OpenSurveyAsHeadAsync();
        var pupil = Browser();
        var start = await pupil.PostFormAsync("/Survey", new Dictionary<string, string> { ["AccessCode"] = code.ToLowerInvariant() });
        start.Headers.Location!.ToString().ShouldBe("/Survey/Question/1");
        var first = await pupil.GetStringAsync("/Survey/Question/1");
        first.ShouldContain("Question 1 of 5");
        first.ShouldContain("I feel safe in school");
        first.ShouldNotContain("Ashcombe"); // the page names no school, pupil or user
        (await pupil.PostFormAsync("/Survey/Question/1", new Dictionary<string, string> { ["Answer"] = "1" }))
            .Headers.Location!.ToString().ShouldBe("/Survey/Question/2");

        // A new browser with the same code carries on where the pupil stopped.
        var later = Browser();
        (await later.PostFormAsync("/Survey", new Dictionary<string, string> { ["AccessCode"] = code }))
            .Headers.Location!.ToString().ShouldBe("/Survey/Question/2");
        for (var n = 2; n <= 5; n++)
            await later.PostFormAsync($"/Survey/Question/{n}", new Dictionary<string, string> { ["Answer"] = "2" });
        var check = await later.GetStringAsync("/Survey/Check");
        check.ShouldContain("You answered 5 of 5 questions");
        (await later.PostFormAsync("/Survey/Check", new Dictionary<string, string>())).Headers.Location!.ToString().ShouldBe("/Survey/Done");

        var again = await Browser().PostFormAsync("/Survey", new Dictionary<string, string> { ["AccessCode"] = code });
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await again.Content.ReadAsStringAsync()).ShouldContain("This code has already been used");
        (await pupil.GetAsync("/Survey/Question/3")).Headers.Location!.ToString().ShouldBe("/Survey");

        var rates = await _app.ClientFor(Role.SchoolUser).GetStringAsync("/Surveys");
        rates.ShouldContain("20%"); // one of five codes sent
        await using var db = _app.Database.CreateContext();
        var sent = await db.SurveyCodes.SingleAsync(c => c.Code == code);
        sent.IsSent.ShouldBeTrue();
        // Year 1 is not asked about bullying, the community or the next stage (questions 2, 7 and 8 of the questionnaire).
        sent.Answers.ShouldBe(new byte[] { 1, 0, 2, 2, 2, 2, 0, 0 });
    }

    [Fact]
    public async Task TheSurveyPages_WithoutACode_ShowOnlyTheCodeBox()
    {
        var page = await Browser().GetAsync("/Survey/Question/1");
        page.Headers.Location!.ToString().ShouldBe("/Survey");
        var index = await Browser().GetStringAsync("/Survey");
        index.ShouldContain("Type the code from your slip");
        index.ShouldNotContain("govuk-service-navigation");
    }
}

public sealed class PupilSurveyPagesTests_Sqlite() : PupilSurveyPagesTests(DatabaseProvider.Sqlite);
public sealed class PupilSurveyPagesTests_Postgres() : PupilSurveyPagesTests(DatabaseProvider.Postgres);
