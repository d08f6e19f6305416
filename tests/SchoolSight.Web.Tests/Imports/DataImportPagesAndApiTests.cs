using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Core.Demo;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Indicators;
using SchoolSight.TestSupport;

namespace SchoolSight.Web.Tests.Imports;

/// <summary>
/// The pupil and survey import pages and API over the Demo Borough database (which already holds three years of
/// synthetic pupil and survey data): upload works, a bad file lists its problems by line and column, others are refused.
/// </summary>
public abstract partial class DataImportPagesAndApiTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly int[] DemoUrns = [DemoSeeder.DemoHeadSchoolUrn + 6, DemoSeeder.DemoHeadSchoolUrn + 7];
    private SchoolSightWebFactory _app = null!;

    public async Task InitializeAsync() => _app = await SchoolSightWebFactory.CreateAsync(provider);
    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<HttpResponseMessage> UploadAsync(HttpClient client, string page, byte[] file)
    {
        var html = await client.GetStringAsync(page);
        using var form = new MultipartFormDataContent { { new StringContent(Token().Match(html).Groups[1].Value), "__RequestVerificationToken" } };
        form.Add(Csv(file), "Upload", "upload.csv");
        return await client.PostAsync(page, form);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, byte[] file)
    {
        using var form = new MultipartFormDataContent { { Csv(file), "file", "upload.csv" } };
        return await client.PostAsync(path, form);
    }

    private static ByteArrayContent Csv(byte[] file)
    {
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return content;
    }

    private async Task<int> CountAsync(Func<AppDbContext, Task<int>> count)
    {
        await using var db = _app.Database.CreateContext();
        return await count(db);
    }

    [Fact]
    public async Task DemoBorough_HasThreeYearsOfPupilAndSurveyData()
    {
        await using var db = _app.Database.CreateContext();
        var years = await db.PupilDataBlocks.Select(b => b.AcademicYear).Distinct().OrderBy(y => y).ToListAsync();
        years.ShouldBe([2022, 2023, 2024]);
        (await db.PupilDataBlocks.Select(b => b.Urn).Distinct().CountAsync()).ShouldBeGreaterThan(65);
        // Every school with pupils has a survey, and so do the three nursery schools (their parents answer it).
        (await db.SurveyDataBlocks.CountAsync()).ShouldBe(await db.PupilDataBlocks.CountAsync() + 3 * 3);
        (await db.PupilDataBlocks.AnyAsync(b => b.Urn == DemoSeeder.DemoHeadSchoolUrn)).ShouldBeFalse("a nursery school has no pupils in year groups R to 13");
        (await db.SurveyDataBlocks.CountAsync(b => b.Urn == DemoSeeder.DemoHeadSchoolUrn)).ShouldBe(3);
    }

    [Fact]
    public async Task PupilsPage_Upload_ReplacesTheSchoolYearsAndShowsTheCounts()
    {
        var client = _app.ClientFor(Role.LaAdministrator);
        var file = DataFile.Pupils(DemoUrns, 2023, 2, seed: 77);

        var response = await UploadAsync(client, "/Imports/Pupils", file.ToBytes());

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("Import complete");
        html.ShouldContain($"data-testid=\"count-rows\">{file.Rows.Count:N0}<");
        html.ShouldContain("data-testid=\"count-replaced\">4<");
        await using var db = _app.Database.CreateContext();
        // The demo's own data is recorded as imports too: this upload is the one import besides them.
        (await db.Imports.SingleAsync(i => i.UserName != DemoPupilData.ImportedBy)).UserName.ShouldBe("admin@demo-borough.example");
        (await db.AuditEntries.CountAsync(a => a.EntityType == nameof(PupilDataBlock) && a.UserName == "admin@demo-borough.example")).ShouldBe(4);
    }

    [Fact]
    public async Task PupilsPage_BadFile_ListsProblemsByLineAndColumn_AndChangesNothing()
    {
        var client = _app.ClientFor(Role.LaAdministrator);
        var file = DataFile.Pupils(DemoUrns, seed: 3);
        file.Set(4, "SEN", "Z").Set(9, "URN", "123456");
        var blocks = await CountAsync(db => db.PupilDataBlocks.CountAsync(b => b.ImportId != 0));

        var response = await UploadAsync(client, "/Imports/Pupils", file.ToBytes());

        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("data-testid=\"import-rejected\"");
        html.ShouldContain("The file was not imported. Nothing has been changed.");
        Regex.IsMatch(html, @"<td class=""govuk-table__cell govuk-table__cell--numeric"">6</td>\s*<td class=""govuk-table__cell"">SEN</td>").ShouldBeTrue();
        Regex.IsMatch(html, @"<td class=""govuk-table__cell govuk-table__cell--numeric"">11</td>\s*<td class=""govuk-table__cell"">URN</td>").ShouldBeTrue();
        (await CountAsync(db => db.PupilDataBlocks.CountAsync(b => b.ImportId != 0))).ShouldBe(blocks);
    }

    [Fact]
    public async Task UploadPages_WithoutAFile_AskForOne()
    {
        var client = _app.ClientFor(Role.LaAdministrator);
        var html = await client.GetStringAsync("/Imports/Surveys");
        using var form = new MultipartFormDataContent { { new StringContent(Token().Match(html).Groups[1].Value), "__RequestVerificationToken" } };

        var page = await (await client.PostAsync("/Imports/Surveys", form)).Content.ReadAsStringAsync();

        page.ShouldContain("Select the survey CSV file to import");
        page.ShouldContain("govuk-error-summary");
    }

    [Fact]
    public async Task ImportsPage_LinksToBothUploads()
    {
        var html = await _app.ClientFor(Role.LaAdministrator).GetStringAsync("/Imports");

        html.ShouldContain("href=\"/Imports/Pupils\"");
        html.ShouldContain("href=\"/Imports/Surveys\"");
    }

    [Fact]
    public async Task Api_PostSurveys_Imports_AndTheSameFileAgainChangesNothing()
    {
        var client = _app.ClientFor(Role.LaAdministrator);
        var bytes = DataFile.Surveys(DemoUrns, seed: 5).ToBytes();

        var first = await PostAsync(client, "/api/v1/imports/surveys", bytes);
        var again = await PostAsync(client, "/api/v1/imports/surveys", bytes);

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        var json = JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement;
        (json.GetProperty("outcome").GetString(), json.GetProperty("replaced").GetInt32()).ShouldBe(("Applied", 2));
        json.GetProperty("changed")[0].GetProperty("urn").GetInt32().ShouldBe(DemoUrns[0]);
        JsonDocument.Parse(await again.Content.ReadAsStringAsync()).RootElement.GetProperty("unchanged").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task Api_PostPupils_WithABadFile_Is422WithEveryProblem()
    {
        var file = DataFile.Pupils(DemoUrns, seed: 4);
        file.Set(0, "AcademicYear", "2024").Set(1, "SessionsMissed", "999");

        var response = await PostAsync(_app.ClientFor(Role.LaAdministrator), "/api/v1/imports/pupils", file.ToBytes());

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("line").GetInt32(), e.GetProperty("column").GetString())).ToList();
        errors.ShouldContain((2, "AcademicYear"));
        errors.ShouldContain((3, "SessionsMissed"));
    }

    [Fact]
    public async Task Api_PostPupils_WithoutAFile_Is400()
    {
        using var form = new MultipartFormDataContent { { new StringContent("x"), "note" } };
        var response = await _app.ClientFor(Role.LaAdministrator).PostAsync("/api/v1/imports/pupils", form);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData(Role.SeniorManager)]
    [InlineData(Role.SchoolUser)]
    public async Task NonAdministrators_AreRefused_AndNothingIsImported(Role role)
    {
        var client = _app.ClientFor(role);

        (await PostAsync(client, "/api/v1/imports/pupils", DataFile.Pupils(DemoUrns).ToBytes())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.GetAsync("/Imports/Pupils")).StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
        (await CountAsync(db => db.Imports.CountAsync(i => i.UserName != DemoPupilData.ImportedBy))).ShouldBe(0);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}

public sealed class DataImportPagesAndApiTests_Sqlite() : DataImportPagesAndApiTests(DatabaseProvider.Sqlite);
public sealed class DataImportPagesAndApiTests_Postgres() : DataImportPagesAndApiTests(DatabaseProvider.Postgres);
