using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SchoolSight.Core.Attachments;
using SchoolSight.Core.Data;
using SchoolSight.Core.Demo;
using SchoolSight.Core.ImprovingOutcomes;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Auditing;
using SchoolSight.TestSupport;

namespace SchoolSight.Web.Tests.Programme;

/// <summary>Files attached to a programme meeting's progress evidence, through the meeting's page and the API.</summary>
public abstract class ProgressEvidenceFilesTests(ProgrammeApp fixture)
{
    private SchoolSightWebFactory App => fixture.App;
    private const int HeadSchool = DemoSeeder.DemoHeadSchoolUrn;
    private const int ExitingSchool = DemoSeeder.DemoHeadSchoolUrn + 10;

    private static string FilesApi(int caseId, int meetingId) => $"/api/v1/programme/cases/{caseId}/meetings/{meetingId}/files";

    private static MultipartFormDataContent Form(byte[] file, string fileName, string field, string contentType = "application/octet-stream", params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields) form.Add(new StringContent(value), name);
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(content, field, fileName);
        return form;
    }

    private async Task<List<AuditEntry>> AuditOf(Guid fileId)
    {
        using var scope = App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEntries
            .Where(a => a.EntityType == "Attachment" && a.EntityKey == fileId.ToString()).OrderBy(a => a.Id).ToListAsync();
    }

    private static async Task ShouldBeTheDownloadOf(HttpResponseMessage response, string fileName, string contentType, byte[] content)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        response.Content.Headers.ContentDisposition.FileNameStar.ShouldBe(fileName);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(contentType);
        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        (await response.Content.ReadAsByteArrayAsync()).ShouldBe(content);
    }

    [Fact]
    public async Task TheApi_AttachesAFile_ListsIt_ServesItAsStored_AndRemovesIt_AuditingEachStep()
    {
        var caseId = await fixture.CaseAt(HeadSchool);
        var meeting = await fixture.HeldMeetingOf(caseId);
        var pdf = SampleFiles.Pdf("Reception phonics");
        var officer = App.ClientFor(Role.InterventionOfficer);

        var created = await officer.PostAsync(FilesApi(caseId, meeting), Form(pdf, "Phonics/../data.pdf", "file", fields: ("description", "Reception phonics, autumn")));
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var file = (await created.Content.ReadFromJsonAsync<JsonElement>());
        var id = file.GetProperty("id").GetGuid();
        file.GetProperty("fileName").GetString().ShouldBe("data.pdf");
        file.GetProperty("contentType").GetString().ShouldBe("application/pdf");
        created.Headers.Location!.ToString().ShouldBe($"{FilesApi(caseId, meeting)}/{id}");

        foreach (var role in new[] { Role.SchoolUser, Role.Governor, Role.SchoolImprovementPartner, Role.SeniorManager })
        {
            var client = App.ClientFor(role);
            (await client.GetStringAsync(FilesApi(caseId, meeting))).ShouldContain("\"description\":\"Reception phonics, autumn\"");
            await ShouldBeTheDownloadOf(await client.GetAsync($"{FilesApi(caseId, meeting)}/{id}"), "data.pdf", "application/pdf", pdf);
        }

        var governor = await App.ClientFor(Role.Governor).PostAsync(FilesApi(caseId, meeting), Form(pdf, "minutes.pdf", "file"));
        governor.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var pretend = await officer.PostAsync(FilesApi(caseId, meeting), Form(Encoding.UTF8.GetBytes("<html><script>alert(1)</script>"), "report.pdf", "file", "application/pdf"));
        pretend.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await pretend.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("file")[0].GetString()
            .ShouldBe("The selected file is called .pdf but its contents are not those of a PDF file");

        (await App.ClientFor(Role.Governor).DeleteAsync($"{FilesApi(caseId, meeting)}/{id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await App.ClientFor(Role.SchoolUser).DeleteAsync($"{FilesApi(caseId, meeting)}/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await officer.GetAsync($"{FilesApi(caseId, meeting)}/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await officer.GetStringAsync(FilesApi(caseId, meeting))).ShouldNotContain(id.ToString());

        var openApi = JsonDocument.Parse(await officer.GetStringAsync("/openapi/v1.json")).RootElement;
        var upload = openApi.GetProperty("paths").GetProperty("/api/v1/programme/cases/{id}/meetings/{meetingId}/files").GetProperty("post");
        upload.GetProperty("operationId").GetString().ShouldBe("AttachProgressEvidenceFile");
        upload.GetProperty("requestBody").GetProperty("content").GetProperty("multipart/form-data").GetProperty("schema").GetProperty("properties")
            .GetProperty("file").GetProperty("format").GetString().ShouldBe("binary");

        var audit = await AuditOf(id);
        audit.Select(a => a.Action).ShouldBe([AuditAction.Created, .. Enumerable.Repeat(AuditAction.Read, 4), AuditAction.Deleted]);
        audit.ShouldAllBe(a => a.SchoolUrn == HeadSchool);
        audit.Select(a => a.UserName).Distinct().ShouldBe(["mi@demo-borough.example", "head@demo-borough.example", "governor@demo-borough.example", "sip@demo-borough.example", "smt@demo-borough.example"], ignoreOrder: true);
    }

    [Fact]
    public async Task TheMeetingPage_TakesAFile_ThroughTheFileUpload_ListsIt_AndServesItAsADownload()
    {
        var caseId = await fixture.CaseAt(HeadSchool);
        var meeting = await fixture.HeldMeetingOf(caseId);
        var page = $"/Programme/Cases/{caseId}/Meetings/{meeting}";
        var head = App.ClientFor(Role.SchoolUser);

        var html = await head.GetStringAsync(page);
        html.ShouldContain("class=\"govuk-file-upload\" id=\"File\" name=\"File\" type=\"file\"");
        html.ShouldContain($"action=\"{page}/Files\" enctype=\"multipart/form-data\"");
        // The upload form carries its own antiforgery token (a form with an action of its own gets none unless asked).
        var uploadForm = html[html.IndexOf("data-testid=\"evidence-file-upload\"", StringComparison.Ordinal)..];
        var token = Forms.AntiforgeryToken(uploadForm[..uploadForm.IndexOf("</form>", StringComparison.Ordinal)]);

        var refused = await head.PostAsync($"{page}/Files", Form(SampleFiles.Png, "phonics.pdf", "File", "application/pdf", ("__RequestVerificationToken", token)));
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var errorPage = await refused.Content.ReadAsStringAsync();
        errorPage.ShouldContain("govuk-error-summary");
        errorPage.ShouldContain("<a href=\"#File\">The selected file is called .pdf but its contents are not those of a PDF file</a>");
        errorPage.ShouldContain("govuk-file-upload--error");

        var csv = SampleFiles.Csv;
        var attached = await head.PostAsync($"{page}/Files", Form(csv, "Phonics tracker.csv", "File", "text/csv", ("__RequestVerificationToken", token), ("Description", "Half-termly tracker")));
        attached.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        attached.Headers.Location!.ToString().ShouldBe($"{page}#evidence-files");

        foreach (var role in new[] { Role.SchoolUser, Role.Governor, Role.InterventionOfficer })
        {
            var shown = await App.ClientFor(role).GetStringAsync(page);
            shown.ShouldContain("Phonics tracker.csv</a>", customMessage: role.ToString());
            shown.ShouldContain("Half-termly tracker");
            shown.Contains("govuk-file-upload").ShouldBe(role != Role.Governor, role.ToString());
        }
        var link = System.Text.RegularExpressions.Regex.Match(await head.GetStringAsync(page), "href=\"([^\"]+handler=Download[^\"]+)\"[^>]*>Phonics tracker.csv").Groups[1].Value.Replace("&amp;", "&");
        await ShouldBeTheDownloadOf(await App.ClientFor(Role.Governor).GetAsync(link), "Phonics tracker.csv", "text/csv", csv);

        var listed = await head.GetStringAsync(page);
        var removeForm = listed[listed.IndexOf("?handler=Remove", StringComparison.Ordinal)..];
        var fileId = System.Text.RegularExpressions.Regex.Match(removeForm, "name=\"fileId\" value=\"([^\"]+)\"").Groups[1].Value;
        var removed = await head.PostAsync($"{page}/Files?handler=Remove", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["fileId"] = fileId,
            ["__RequestVerificationToken"] = Forms.AntiforgeryToken(removeForm[..removeForm.IndexOf("</form>", StringComparison.Ordinal)]),
        }));
        removed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await App.ClientFor(Role.Governor).GetAsync(link)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ASchool_CannotListOrDownloadAnotherSchoolsFile_OnThePageOrTheApi()
    {
        var otherCase = await fixture.CaseAt(ExitingSchool);
        var otherMeeting = await fixture.HeldMeetingOf(otherCase);
        Guid id;
        using (var scope = App.Services.CreateScope())
        {
            var attach = scope.ServiceProvider.GetRequiredService<AttachFile>();
            var result = await attach.RunAsync(ProgressEvidenceFiles.OwnerOf(ExitingSchool, otherMeeting), new AttachFile.Upload(new MemoryStream(SampleFiles.Pdf()), "maths.pdf"));
            id = result.Value!.Id;
        }
        (await App.ClientFor(Role.InterventionOfficer).GetAsync($"{FilesApi(otherCase, otherMeeting)}/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        foreach (var role in new[] { Role.SchoolUser, Role.Governor })
        {
            var client = App.ClientFor(role);
            (await client.GetAsync($"{FilesApi(otherCase, otherMeeting)}/{id}")).StatusCode.ShouldBeOneOf(HttpStatusCode.NotFound, HttpStatusCode.Forbidden);
            (await client.GetAsync(FilesApi(otherCase, otherMeeting))).StatusCode.ShouldBeOneOf(HttpStatusCode.NotFound, HttpStatusCode.Forbidden);
            (await client.GetAsync($"/Programme/Cases/{otherCase}/Meetings/{otherMeeting}/Files?handler=Download&fileId={id}")).StatusCode.ShouldBeOneOf(HttpStatusCode.NotFound, HttpStatusCode.Forbidden);
            (await client.GetAsync($"/Programme/Cases/{otherCase}/Meetings/{otherMeeting}/Files")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            // Asked through the school's own case, the other school's file is not found either.
            var own = await fixture.CaseAt(HeadSchool);
            var ownMeeting = await fixture.HeldMeetingOf(own);
            (await client.GetAsync($"{FilesApi(own, ownMeeting)}/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await client.GetAsync($"/Programme/Cases/{own}/Meetings/{ownMeeting}/Files?handler=Download&fileId={id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
        (await AuditOf(id)).Where(a => a.Action == AuditAction.Read).Select(a => a.UserName).ShouldBe(["mi@demo-borough.example"]);
    }

    [Fact]
    public async Task NoFileCanBeAttached_OnceTheCaseHasStoppedRunning()
    {
        var exiting = await fixture.CaseAt(ExitingSchool);
        var response = await App.ClientFor(Role.InterventionOfficer).PostAsync(FilesApi(exiting, await fixture.HeldMeetingOf(exiting)), Form(SampleFiles.Pdf(), "late.pdf", "file"));
        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await response.Content.ReadAsStringAsync()).ShouldContain("You cannot attach files to progress evidence while the case is at");
    }
}

public sealed class ProgressEvidenceFilesTests_Sqlite(SqliteProgrammeApp app) : ProgressEvidenceFilesTests(app), IClassFixture<SqliteProgrammeApp>;
public sealed class ProgressEvidenceFilesTests_Postgres(PostgresProgrammeApp app) : ProgressEvidenceFilesTests(app), IClassFixture<PostgresProgrammeApp>;
