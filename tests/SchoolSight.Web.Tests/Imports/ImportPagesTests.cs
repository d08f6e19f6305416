using System.Net;
using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Core.Demo;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Imports;
using SchoolSight.TestSupport;

namespace SchoolSight.Web.Tests.Imports;

/// <summary>The GIAS upload page, the import history and an import's own page, over the Demo Borough database.</summary>
public abstract class ImportPagesTests(DatabaseProvider provider) : IAsyncLifetime
{
    private SchoolSightWebFactory _app = null!;

    public async Task InitializeAsync() => _app = await SchoolSightWebFactory.CreateAsync(provider);
    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static byte[] RealFile() => File.ReadAllBytes(SharedData.GiasHampshireSurrey);

    private async Task<(int Schools, int Audit, int Imports)> CountsAsync()
    {
        await using var db = _app.Database.CreateContext();
        return (await db.Schools.CountAsync(), await db.AuditEntries.CountAsync(a => a.EntityType == "School"), await db.Imports.CountAsync(i => i.UserName != DemoPupilData.ImportedBy));
    }

    [Fact]
    public async Task GiasPage_ForAnAdministrator_OffersAFileUploadWithTheLasOwnCode()
    {
        var html = await _app.ClientFor(Role.LaAdministrator).GetStringAsync("/Imports/Gias");

        html.ShouldContain("enctype=\"multipart/form-data\"");
        html.ShouldContain("class=\"govuk-file-upload\" id=\"Upload\" name=\"Upload\" type=\"file\"");
        html.ShouldContain("id=\"LaCodes\" name=\"LaCodes\" type=\"text\" value=\"999\"");
    }

    [Fact]
    public async Task Upload_OfTheRealFile_ImportsItAndShowsTheCounts()
    {
        var client = _app.ClientFor(Role.LaAdministrator);
        var before = await CountsAsync();

        var response = await client.UploadGiasAsync(RealFile(), "850");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("Import complete");
        html.ShouldContain("data-testid=\"count-added\">520<");
        html.ShouldContain("href=\"/Imports\"");
        var after = await CountsAsync();
        (after.Schools - before.Schools, after.Audit - before.Audit, after.Imports - before.Imports).ShouldBe((520, 520, 1));
        await using var db = _app.Database.CreateContext();
        (await db.Imports.SingleAsync(i => i.UserName != DemoPupilData.ImportedBy)).UserName.ShouldBe("admin@demo-borough.example");
    }

    [Fact]
    public async Task Upload_OfABadFile_ListsEveryProblemAndChangesNothing()
    {
        var client = _app.ClientFor(Role.LaAdministrator);
        var file = GiasTestFile.Real();
        file.Set(file.Urn(file.Rows[3]), "OpenDate", "31-02-2019").Set(file.Urn(file.Rows[9]), "NumberOfPupils", "lots");
        var before = await CountsAsync();

        var response = await client.UploadGiasAsync(file.ToBytes(), "850");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("The file was not imported. Nothing has been changed.");
        html.ShouldContain("govuk-error-summary");
        html.ShouldContain("<td class=\"govuk-table__cell govuk-table__cell--numeric\">5</td>");
        html.ShouldContain("<td class=\"govuk-table__cell\">OpenDate</td>");
        html.ShouldContain("&#x27;31-02-2019&#x27; is not a real date (expected dd-mm-yyyy)");
        html.ShouldContain("<td class=\"govuk-table__cell govuk-table__cell--numeric\">11</td>");
        html.ShouldContain("<td class=\"govuk-table__cell\">NumberOfPupils</td>");
        var after = await CountsAsync();
        (after.Schools, after.Audit, after.Imports).ShouldBe((before.Schools, before.Audit, before.Imports + 1));
    }

    [Fact]
    public async Task Upload_WithoutAFileOrWithBadLaCodes_SaysWhatIsMissing()
    {
        var client = _app.ClientFor(Role.LaAdministrator);

        var html = await (await client.UploadGiasAsync(null, "85O")).Content.ReadAsStringAsync();

        html.ShouldContain("<a href=\"#Upload\">Select the GIAS CSV file to import</a>");
        html.ShouldContain("&#x27;85O&#x27; is not an LA code");
        html.ShouldContain("govuk-file-upload--error");
        (await CountsAsync()).Imports.ShouldBe(0);
    }

    [Theory]
    [InlineData(Role.SchoolUser)]
    [InlineData(Role.SeniorManager)]
    public async Task GiasPage_ForOtherRoles_IsRefused(Role role)
    {
        var response = await _app.ClientFor(role).GetAsync("/Imports/Gias");

        var refused = response.StatusCode == HttpStatusCode.Forbidden ||
                      response.Headers.Location?.ToString().Contains("/Account/AccessDenied") == true;
        refused.ShouldBeTrue($"got {(int)response.StatusCode} {response.Headers.Location}");
    }

    [Fact]
    public async Task History_ListsAttemptsNewestFirst_AndEachHasItsOwnPage()
    {
        var client = _app.ClientFor(Role.LaAdministrator);
        await client.UploadGiasAsync(RealFile(), "850", fileName: "first.csv");
        await client.UploadGiasAsync([], "850", fileName: "empty.csv");

        var history = await client.GetStringAsync("/Imports");

        history.IndexOf("empty.csv", StringComparison.Ordinal).ShouldBeLessThan(history.IndexOf("first.csv", StringComparison.Ordinal));
        history.ShouldContain("govuk-tag--red\">Rejected<");
        history.ShouldContain("govuk-tag--green\">Applied<");
        await using var db = _app.Database.CreateContext();
        var rejected = await db.Imports.SingleAsync(i => i.Outcome == ImportOutcome.Rejected);
        var detail = await client.GetStringAsync($"/Imports/{rejected.Id}");
        detail.ShouldContain("Import " + rejected.Id + ": empty.csv");
        detail.ShouldContain("The file is empty: it has no header row and no establishments");
        (await client.GetAsync("/Imports/999999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

public sealed class ImportPagesTests_Sqlite() : ImportPagesTests(DatabaseProvider.Sqlite);
public sealed class ImportPagesTests_Postgres() : ImportPagesTests(DatabaseProvider.Postgres);
