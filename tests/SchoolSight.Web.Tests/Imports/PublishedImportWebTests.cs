using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Core.Demo;
using SchoolSight.Core.Published;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Imports;
using SchoolSight.TestSupport;

namespace SchoolSight.Web.Tests.Imports;

/// <summary>The published-data upload page, its API and the Ofsted judgement on a school's profile, over Demo Borough.</summary>
public abstract partial class PublishedImportWebTests(DatabaseProvider provider) : IAsyncLifetime
{
    private SchoolSightWebFactory _app = null!;

    public async Task InitializeAsync() => _app = await SchoolSightWebFactory.CreateAsync(provider);
    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<(int Figures, int Imports, int Rejected)> CountsAsync()
    {
        await using var db = _app.Database.CreateContext();
        return (await db.PublishedFigures.CountAsync(), await db.Imports.CountAsync(i => i.UserName != DemoPupilData.ImportedBy), await db.Imports.CountAsync(i => i.Outcome == ImportOutcome.Rejected));
    }

    private static ByteArrayContent Csv(byte[] file)
    {
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return content;
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string? source, string? year, byte[]? file)
    {
        var page = await client.GetStringAsync("/Imports/Published");
        using var form = new MultipartFormDataContent { { new StringContent(Token().Match(page).Groups[1].Value), "__RequestVerificationToken" } };
        if (source is not null) form.Add(new StringContent(source), "Source");
        if (year is not null) form.Add(new StringContent(year), "AcademicYear");
        if (file is not null) form.Add(Csv(file), "Upload", "published.csv");
        return await client.PostAsync("/Imports/Published", form);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string source, string? year, byte[]? file)
    {
        using var form = new MultipartFormDataContent();
        if (year is not null) form.Add(new StringContent(year), "academicYear");
        if (file is not null) form.Add(Csv(file), "file", "published.csv");
        return await client.PostAsync($"/api/v1/imports/{source}", form);
    }

    [Fact]
    public async Task Page_ImportsTheRealFile_AndRefusesBadInputWithEveryProblem()
    {
        var client = _app.ClientFor(Role.LaAdministrator);
        (await client.GetStringAsync("/Imports")).ShouldContain("href=\"/Imports/Published\"");
        var form = await client.GetStringAsync("/Imports/Published");
        form.ShouldContain("name=\"Source\" type=\"radio\" value=\"ks2\"");
        form.ShouldContain("id=\"AcademicYear\" name=\"AcademicYear\"");

        // No year: the form says so, nothing is imported or recorded.
        var noYear = await (await UploadAsync(client, "ks2", "", File.ReadAllBytes(SharedData.Ks2Hampshire(2018)))).Content.ReadAsStringAsync();
        noYear.ShouldContain("There is a problem");
        noYear.ShouldContain("href=\"#AcademicYear\">Enter the academic year the file is about, like 2018/19</a>");
        (await CountsAsync()).ShouldBe((0, 0, 0));

        // A bad value: every problem by line and column, nothing written, the attempt recorded.
        var bad = CsvTestFile.Load(SharedData.Ks2Hampshire(2018));
        var row = bad.RowIndex(r => bad.Value(r, "RECTYPE") == "3");
        bad.Set(row, "PTRWM_EXP", "680%");
        var rejected = await (await UploadAsync(client, "ks2", "2018/19", bad.ToBytes())).Content.ReadAsStringAsync();
        rejected.ShouldContain("The file was not imported. Nothing has been changed.");
        rejected.ShouldContain($"<td class=\"govuk-table__cell govuk-table__cell--numeric\">{CsvTestFile.LineOf(row)}</td>");
        rejected.ShouldContain("<td class=\"govuk-table__cell\">PTRWM_EXP</td>");
        (await CountsAsync()).ShouldBe((0, 1, 1));

        // The real file: Demo Borough holds none of Hampshire's schools, so the LA and England rows are kept.
        var applied = await (await UploadAsync(client, "ks2", "2018/19", File.ReadAllBytes(SharedData.Ks2Hampshire(2018)))).Content.ReadAsStringAsync();
        applied.ShouldContain("Import complete");
        applied.ShouldContain("Key stage 2 performance tables 2018/19");
        var counts = await CountsAsync();
        (counts.Imports, counts.Rejected).ShouldBe((2, 1));
        var areaRowsOnly = await PublishedFileReader.ReadAsync(File.OpenRead(SharedData.Ks2Hampshire(2018)), new PublishedReadOptions(PublishedSource.Ks2, new HashSet<int>()));
        counts.Figures.ShouldBe(areaRowsOnly.Figures.Count);
    }

    [Fact]
    public async Task Api_ImportsRefusesAndIsForAdministratorsOnly()
    {
        var admin = _app.ClientFor(Role.LaAdministrator);
        var ks4 = File.ReadAllBytes(SharedData.Ks4Hampshire(2017));

        var ok = await PostAsync(admin, "ks4", "2017/18", ks4);
        ok.StatusCode.ShouldBe(HttpStatusCode.OK);
        var json = JsonDocument.Parse(await ok.Content.ReadAsStringAsync()).RootElement;
        (json.GetProperty("outcome").GetString(), json.GetProperty("source").GetString(), json.GetProperty("academicYear").GetString())
            .ShouldBe(("Applied", "Ks4", "2017/18"));
        json.GetProperty("areaRows").GetInt32().ShouldBe(3);

        var bad = CsvTestFile.Load(SharedData.Ks4Hampshire(2017)).DropColumn("ATT8SCR");
        var rejected = await PostAsync(admin, "ks4", "2017/18", bad.ToBytes());
        rejected.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var error = JsonDocument.Parse(await rejected.Content.ReadAsStringAsync()).RootElement.GetProperty("errors")[0];
        (error.GetProperty("line").GetInt32(), error.GetProperty("column").GetString()).ShouldBe((1, "ATT8SCR"));

        (await PostAsync(admin, "ks4", "2017/19", ks4)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await PostAsync(admin, "ks4", "2017/18", null)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await PostAsync(admin, "phonics", "2017/18", ks4)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        foreach (var role in new[] { Role.SeniorManager, Role.SchoolUser, Role.InterventionOfficer })
            (await PostAsync(_app.ClientFor(role), "ks4", "2017/18", ks4)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await CountsAsync()).Imports.ShouldBe(2);
    }

    [Fact]
    public async Task ALasOwnFile_AfterTheNationalOne_SaysWhichRowsItReplaced_AndKeepsTheOtherLas()
    {
        var admin = _app.ClientFor(Role.LaAdministrator);
        var national = CsvTestFile.Load(SharedData.Ks4EnglandProvisional2018);
        var api = JsonDocument.Parse(await (await PostAsync(admin, "ks4", "2018/19", national.ToBytes())).Content.ReadAsStringAsync()).RootElement;
        api.GetProperty("replaced").GetArrayLength().ShouldBe(0);
        var figures = (await CountsAsync()).Figures;

        // Hampshire's own download: its schools (none held by Demo Borough), its LA row and England's two rows.
        var hampshire = national.Copy().Keep(r => national.Value(r, "LEA") == "850" || national.Value(r, "RECTYPE") is "5" or "7");
        var page = await (await UploadAsync(admin, "ks4", "2018/19", hampshire.ToBytes())).Content.ReadAsStringAsync();

        page.ShouldContain("Import complete");
        page.ShouldContain("Replaced 3 rows previously imported from published.csv");
        (await CountsAsync()).Figures.ShouldBe(figures);
    }

    [Fact]
    public async Task Profile_ShowsTheLatestOfstedJudgementAndCategoryOfConcern()
    {
        var file = CsvTestFile.Load(SharedData.OfstedAugust2025);
        file.Rows.RemoveRange(20, file.Rows.Count - 20);
        file.Set(0, OfstedFileReader.Urn, DemoSeeder.DemoHeadSchoolUrn.ToString())
            .Set(0, OfstedFileReader.OverallEffectiveness, "4").Set(0, OfstedFileReader.CategoryOfConcern, "SM")
            .Set(0, OfstedFileReader.InspectionDate, "14/01/2024");
        var response = await PostAsync(_app.ClientFor(Role.LaAdministrator), "ofsted", null, file.ToBytes());
        response.StatusCode.ShouldBe(HttpStatusCode.OK);

        var html = await _app.ClientFor(Role.SchoolUser).GetStringAsync($"/Schools/{DemoSeeder.DemoHeadSchoolUrn}");
        html.ShouldContain("Latest graded Ofsted inspection");
        html.ShouldContain("Inadequate, inspected 14 January 2024");
        html.ShouldContain("Special measures");
        var other = await _app.ClientFor(Role.LaAdministrator).GetStringAsync($"/Schools/{DemoSeeder.OtherDemoSchoolUrn}");
        other.ShouldNotContain("Latest graded Ofsted inspection");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}

public sealed class PublishedImportWebTests_Sqlite() : PublishedImportWebTests(DatabaseProvider.Sqlite);
public sealed class PublishedImportWebTests_Postgres() : PublishedImportWebTests(DatabaseProvider.Postgres);
