using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SchoolSight.Core.Data;
using SchoolSight.Domain.Access;
using SchoolSight.TestSupport;

namespace SchoolSight.Web.Tests.LaSelfEvaluation;

/// <summary>Documents attached to a rating's evidence on the cell page: uploaded by those who rate, downloaded by every reader, audited.</summary>
public abstract partial class RatingEvidenceFilesTests(DatabaseProvider provider) : IAsyncLifetime
{
    private SchoolSightWebFactory _app = null!;

    public async Task InitializeAsync() => _app = await SchoolSightWebFactory.CreateAsync(provider);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static string Cell(int year) => $"/LaSelfEvaluation/Cell?year={year}&standard=1.2&phase=Secondary";

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, int year, byte[] file, string name, int version)
    {
        var token = Forms.AntiforgeryToken(await client.GetStringAsync(Cell(year)));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(version.ToString(System.Globalization.CultureInfo.InvariantCulture)), "FileVersion" },
            { new StringContent("Minutes of the SMT's review"), "FileDescription" },
        };
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(content, "File", name);
        return await client.PostAsync($"/LaSelfEvaluation/Cell?handler=File&year={year}&standard=1.2&phase=Secondary", form);
    }

    /// <summary>A year after the demo's signed-off one, with standard 1.2 rated for secondary schools: the rating's version.</summary>
    private async Task<(int Year, int Version)> RatedYearAsync()
    {
        using var latest = JsonDocument.Parse(await _app.ClientFor(Role.InterventionOfficer).GetStringAsync("/api/v1/la-self-evaluation"));
        var year = latest.RootElement.GetProperty("year").GetInt32() + 1;
        var saved = await _app.ClientFor(Role.QualityAssuranceManager).PutAsJsonAsync($"/api/v1/la-self-evaluation/{year}/ratings/1.2/Secondary",
            new { rating = "Good", criteriaMet = new[] { "1.2-g-vision" }, version = 0 });
        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        using var cell = JsonDocument.Parse(await saved.Content.ReadAsStringAsync());
        return (year, cell.RootElement.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task AFile_IsAttachedToARating_DownloadedByAReader_AndAuditedBothWays()
    {
        var (year, version) = await RatedYearAsync();
        var pdf = SampleFiles.Pdf("Review of the LA's vision");
        var attached = await UploadAsync(_app.ClientFor(Role.QualityAssuranceManager), year, pdf, "smt-review.pdf", version);
        attached.StatusCode.ShouldBe(HttpStatusCode.Redirect, await attached.Content.ReadAsStringAsync());

        var page = await _app.ClientFor(Role.InterventionOfficer).GetStringAsync(Cell(year));
        page.ShouldContain("data-testid=\"evidence-files\"");
        page.ShouldContain("Minutes of the SMT&#x27;s review");
        page.ShouldNotContain("data-testid=\"evidence-file-form\"");
        var href = WebUtility.HtmlDecode(FileLink().Match(page).Groups[1].Value);
        var download = await _app.ClientFor(Role.InterventionOfficer).GetAsync(href);
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(pdf);

        using var scope = _app.Services.CreateScope();
        var audit = await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEntries.Where(a => a.EntityType == "Attachment").ToListAsync();
        audit.Count.ShouldBeGreaterThanOrEqualTo(2);
    }

    [Fact]
    public async Task AStaleVersion_AndAFileThatIsNotWhatItsNameSays_AreRefused_AndAReaderCannotUpload()
    {
        var (year, version) = await RatedYearAsync();
        var qa = _app.ClientFor(Role.QualityAssuranceManager);

        var stale = await UploadAsync(qa, year, SampleFiles.Pdf(), "late.pdf", version - 1);
        stale.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await stale.Content.ReadAsStringAsync();
        page.ShouldContain("govuk-error-summary");
        page.ShouldContain("after you opened it");

        var pretend = await UploadAsync(qa, year, "<html><script>alert(1)</script>"u8.ToArray(), "report.pdf", version);
        pretend.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await pretend.Content.ReadAsStringAsync()).ShouldContain("<a href=\"#File\">");

        var officer = await UploadAsync(_app.ClientFor(Role.InterventionOfficer), year, SampleFiles.Pdf(), "mine.pdf", version);
        Access.AccessMatrixTests.IsRefused(officer).ShouldBeTrue();
        (await _app.ClientFor(Role.InterventionOfficer).GetStringAsync(Cell(year))).ShouldNotContain("data-testid=\"evidence-files\"");
    }

    [GeneratedRegex("href=\"(/LaSelfEvaluation/Cell\\?handler=File[^\"]+)\"")]
    private static partial Regex FileLink();
}

public sealed class RatingEvidenceFilesTests_Sqlite() : RatingEvidenceFilesTests(DatabaseProvider.Sqlite);
public sealed class RatingEvidenceFilesTests_Postgres() : RatingEvidenceFilesTests(DatabaseProvider.Postgres);
