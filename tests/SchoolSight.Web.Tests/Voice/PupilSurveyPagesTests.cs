using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
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
    public async Task AHead_ClosesTheSurveyEarly_AndAPupilWithACode_IsToldKindlyThatItHasClosed()
    {
        var code = await OpenSurveyAsHeadAsync();
        long id;
        int version;
        await using (var db = _app.Database.CreateContext())
            (id, version) = await db.SurveyWindows.Where(w => w.Title == "Spring survey").Select(w => new ValueTuple<long, int>(w.Id, w.Version)).SingleAsync();
        var head = _app.ClientFor(Role.SchoolUser);
        (await head.GetStringAsync("/Surveys")).ShouldContain($"/Surveys/Close/{id}");
        var confirm = await head.GetStringAsync($"/Surveys/Close/{id}");
        confirm.ShouldContain("Close the survey early?");
        confirm.ShouldContain("0 of 5 codes have sent their answers");
        Access.AccessMatrixTests.IsRefused(await _app.ClientFor(Role.SchoolImprovementPartner).GetAsync($"/Surveys/Close/{id}")).ShouldBeTrue();

        var stale = await head.PostFormAsync($"/Surveys/Close/{id}", new Dictionary<string, string> { ["Version"] = (version + 1).ToString() });
        stale.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await stale.Content.ReadAsStringAsync()).ShouldContain("after you opened it");
        var closed = await head.PostFormAsync($"/Surveys/Close/{id}", new Dictionary<string, string> { ["Version"] = version.ToString() });
        closed.Headers.Location!.ToString().ShouldBe("/Surveys");
        var list = await head.GetStringAsync("/Surveys");
        list.ShouldContain("Closed early");
        list.ShouldNotContain($"/Surveys/Close/{id}");

        var pupil = await Browser().PostFormAsync("/Survey", new Dictionary<string, string> { ["AccessCode"] = code });
        pupil.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await pupil.Content.ReadAsStringAsync();
        page.ShouldContain("<title>This survey has closed");
        page.ShouldContain("You have not done anything wrong");
        page.ShouldNotContain("govuk-error-summary");
        page.ShouldNotContain("Error:");
    }

    [Fact]
    public async Task TheSurveysApi_OpensListsPrintsAndClosesASurvey_WithThePagesRules()
    {
        var head = _app.ClientFor(Role.SchoolUser);
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd");
        var closes = DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd");
        (await head.PostAsJsonAsync("/api/v1/surveys", new { urns = new[] { DemoSeeder.DemoHeadSchoolUrn }, title = "Summer survey", opensOn = today, closesOn = closes, yearGroups = new[] { "14" } }))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await head.PostAsJsonAsync("/api/v1/surveys", new { urns = new[] { 999002 }, title = "Summer survey", opensOn = today, closesOn = closes, yearGroups = new[] { "4" } }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var opened = await head.PostAsJsonAsync("/api/v1/surveys", new
        {
            urns = new[] { DemoSeeder.DemoHeadSchoolUrn },
            title = "Summer survey",
            opensOn = today,
            closesOn = closes,
            yearGroups = new[] { "4" },
            codesPerClass = 3,
            parentCodes = 2,
        });
        opened.StatusCode.ShouldBe(HttpStatusCode.Created, await opened.Content.ReadAsStringAsync());
        var window = (await opened.Content.ReadFromJsonAsync<JsonElement>())[0];
        var id = window.GetProperty("id").GetInt64();
        window.GetProperty("codes").GetInt32().ShouldBe(5);

        var sip = _app.ClientFor(Role.SchoolImprovementPartner);
        var listed = await sip.GetFromJsonAsync<JsonElement>($"/api/v1/surveys?urn={DemoSeeder.DemoHeadSchoolUrn}");
        listed.EnumerateArray().ShouldContain(w => w.GetProperty("id").GetInt64() == id);
        var survey = await sip.GetFromJsonAsync<JsonElement>($"/api/v1/surveys/{id}");
        survey.GetProperty("status").GetString().ShouldBe("Open");
        survey.GetProperty("rates").EnumerateArray().Select(r => (r.GetProperty("group").GetString(), r.GetProperty("codes").GetInt32(), r.GetProperty("sent").GetInt32()))
            .ShouldBe([("Year 4", 3, 0), ("Parents", 2, 0)]);
        (await sip.GetAsync($"/api/v1/surveys/{id}/codes")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var version = survey.GetProperty("version").GetInt32();
        (await sip.PostAsJsonAsync($"/api/v1/surveys/{id}/close", new { version })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var codes = CsvRows.Read(await head.GetByteArrayAsync($"/api/v1/surveys/{id}/codes"));
        codes[0].ShouldBe(["URN", "Survey", "Class", "Code"]);
        codes.Skip(1).Count(r => r.Count == 4).ShouldBe(5);
        (await _app.ClientFor(Role.SchoolUser).GetAsync("/api/v1/surveys/987654")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        (await head.PostAsJsonAsync($"/api/v1/surveys/{id}/close", new { version = version + 1 })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var closed = await head.PostAsJsonAsync($"/api/v1/surveys/{id}/close", new { version });
        closed.StatusCode.ShouldBe(HttpStatusCode.OK, await closed.Content.ReadAsStringAsync());
        (await closed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().ShouldBe("Closed early");
        (await head.PostAsJsonAsync($"/api/v1/surveys/{id}/close", new { version = version + 1 })).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
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
