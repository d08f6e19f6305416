using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using SchoolSight.Core.Data;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Categorisation;
using SchoolSight.TestSupport;

namespace SchoolSight.Web.Tests.Categorisation;

public abstract class BoardPagesTests(RegisterApp fixture)
{
    private SchoolSightWebFactory App => fixture.App;

    private async Task<int> AddSsebMeetingAsync(DateOnly day)
    {
        var response = await App.ClientFor(Role.SeniorManager).PostFormAsync("/Boards/Create", new Dictionary<string, string>
        {
            ["Input.Board"] = "sseb",
            ["Input.MeetsOn"] = day.ToString("yyyy-MM-dd"),
            ["Input.Purpose"] = nameof(MeetingPurpose.ProgressOfSchoolsCausingConcern),
            ["Input.Notes"] = "Schools causing concern.",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return int.Parse(response.Headers.Location!.ToString().Split('/').Last());
    }

    private DateOnly Today
    {
        get
        {
            using var scope = App.Services.CreateScope();
            return DateOnly.FromDateTime(scope.ServiceProvider.GetRequiredService<AppDbContext>().UtcNow);
        }
    }

    [Fact]
    public async Task TheMeetingsPage_ListsTheDemoBoards_AndTheirMeetings()
    {
        var page = await App.ClientFor(Role.InterventionOfficer).GetStringAsync("/Boards");
        page.ShouldContain(BoardMeeting.SsebName);
        page.ShouldContain("North Locality School Effectiveness Board");
        page.ShouldContain("Major school improvement issues");
        page.ShouldNotContain("Add a meeting", customMessage: "the M&I officer reads packs but does not arrange meetings");
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        (await db.BoardMeetings.CountAsync(m => m.LocalityId == null && m.Notes != null && m.Notes.Contains(" term, "))).ShouldBe(6, "the demo SSEB meets every half term");
        (await db.BoardMeetings.CountAsync(m => m.LocalityId != null)).ShouldBe(12, "each of four locality boards once a term");
    }

    [Fact]
    public async Task ThePack_ShowsTheSchoolsCausingConcern_AndItsPdfNamesThem()
    {
        var id = await AddSsebMeetingAsync(Today.AddDays(400));
        var client = App.ClientFor(Role.QualityAssuranceManager);
        var page = await client.GetStringAsync($"/Boards/{id}");
        RegisterApp.Urns(page, "causing-concern").ShouldContain(RegisterApp.Head);
        RegisterApp.Urns(page, "ofsted-categories").ShouldContain(RegisterApp.Head);
        page.ShouldContain("Early years outcomes below the LA for three years");
        page.ShouldContain("Since the previous meeting on");

        var pdf = await client.GetAsync($"/Boards/{id}?handler=Pdf");
        pdf.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        PdfText.LooksLikePdf(bytes).ShouldBeTrue();
        var text = await PdfText.ExtractAsync(bytes);
        text.ShouldContain("Board pack: Standards and School Effectiveness Board");
        text.ShouldContain("Ashcombe Nursery School");
        text.ShouldContain("Schools in Ofsted categories");
        (await client.GetAsync("/Boards/99999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ThePack_DownloadsAsASpreadsheet_WithARowPerSchoolInEachPart_AndTheCountsInItsNotes()
    {
        var id = await AddSsebMeetingAsync(Today.AddDays(401));
        var client = App.ClientFor(Role.QualityAssuranceManager);
        var page = await client.GetStringAsync($"/Boards/{id}");
        var concern = RegisterApp.Urns(page, "causing-concern");

        var excel = await client.GetAsync($"/Boards/{id}?format=xlsx");
        excel.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        excel.Content.Headers.ContentDisposition!.FileNameStar.ShouldStartWith("board-pack-sseb-");
        using var stream = new MemoryStream(await excel.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true, sheetName: "Data").Cast<IDictionary<string, object?>>().ToList();
        rows.Where(r => (string?)r["Part"] == "Causing concern").Select(r => Convert.ToInt32(r["URN"])).Order().ShouldBe(concern.Order());
        var head = rows.Single(r => (string?)r["Part"] == "In an Ofsted category" && Convert.ToInt32(r["URN"]) == RegisterApp.Head);
        ((string?)head["Ofsted"]).ShouldNotBeNullOrEmpty();
        // Each movement the page lists since the previous meeting is a row too.
        var movements = 0;
        for (var at = page.IndexOf("data-testid=\"movement\"", StringComparison.Ordinal); at >= 0; at = page.IndexOf("data-testid=\"movement\"", at + 1, StringComparison.Ordinal))
            movements += page[at..page.IndexOf("</ul>", at, StringComparison.Ordinal)].Split("<li data-urn").Length - 1;
        rows.Count(r => ((string?)r["Part"] ?? "").StartsWith("Since the previous meeting on", StringComparison.Ordinal)).ShouldBe(movements);
        stream.Position = 0;
        var notes = stream.Query(useHeaderRow: true, sheetName: "Notes").Cast<IDictionary<string, object?>>().Select(r => (string?)r["About this table"]).ToList();
        notes.ShouldContain(n => n != null && n.StartsWith("Intensive: ", StringComparison.Ordinal) && n.Contains("at this meeting"));

        var csv = CsvRows.Read(await client.GetByteArrayAsync($"/Boards/{id}?format=csv"));
        csv[0].ShouldBe(["Locality", "Part", "URN", "School", "Level", "Reasons or movement", "Since the previous meeting", "Ofsted", "Programme case"]);
        (await client.GetAsync($"/Boards/{id}?format=docx")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task BadInput_ShowsTheErrorSummary_AndAStaleEditSaysWhoChangedIt()
    {
        var smt = App.ClientFor(Role.SeniorManager);
        var bad = await smt.PostFormAsync("/Boards/Create", new Dictionary<string, string> { ["Input.Board"] = "", ["Input.MeetsOn"] = "2026-02-31", ["Input.Purpose"] = "" });
        var html = await bad.Content.ReadAsStringAsync();
        html.ShouldContain("There is a problem");
        html.ShouldContain("Date of the meeting must be a real date");

        var id = await AddSsebMeetingAsync(Today.AddDays(500));
        var admin = App.ClientFor(Role.LaAdministrator);
        var saved = await admin.PostFormAsync($"/Boards/{id}/Edit", new Dictionary<string, string>
        { ["Input.MeetsOn"] = Today.AddDays(501).ToString("yyyy-MM-dd"), ["Input.Purpose"] = nameof(MeetingPurpose.MajorSchoolImprovementIssues), ["Input.Version"] = "1" }, $"/Boards/{id}/Edit");
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stale = await smt.PostFormAsync($"/Boards/{id}/Edit", new Dictionary<string, string>
        { ["Input.MeetsOn"] = Today.AddDays(502).ToString("yyyy-MM-dd"), ["Input.Purpose"] = nameof(MeetingPurpose.MajorSchoolImprovementIssues), ["Input.Version"] = "1" }, $"/Boards/{id}/Edit");
        (await stale.Content.ReadAsStringAsync()).ShouldContain("This board meeting was changed by Alex Admin (LA administrator)");
        (await App.ClientFor(Role.InterventionOfficer).GetAsync($"/Boards/{id}/Edit")).Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
    }
}

[Collection(nameof(SqliteRegisterApp))]
public sealed class BoardPagesTests_Sqlite(SqliteRegisterApp fixture) : BoardPagesTests(fixture);

[Collection(nameof(PostgresRegisterApp))]
public sealed class BoardPagesTests_Postgres(PostgresRegisterApp fixture) : BoardPagesTests(fixture);
