using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using SchoolSight.Core.Data;
using SchoolSight.Core.Demo;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Categorisation;
using SchoolSight.Domain.Published;
using SchoolSight.TestSupport;

namespace SchoolSight.Web.Tests.Categorisation;

/// <summary>
/// One app over the Demo Borough data for the risk register and board page tests of a database, with a few
/// categorisation records added: the demo head's school (in the programme) decided Intensive 20 days ago, in special
/// measures since an inspection 30 days ago, its SIP judging it inadequate; the other demo school Universal, with a
/// reason line a spreadsheet would run as a formula.
/// </summary>
public abstract class RegisterApp(DatabaseProvider provider) : IAsyncLifetime
{
    public const int Head = DemoSeeder.DemoHeadSchoolUrn;
    public const int Other = DemoSeeder.OtherDemoSchoolUrn;
    public const string FormulaReason = "=HYPERLINK(\"http://example.com\")";

    public SchoolSightWebFactory App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = await SchoolSightWebFactory.CreateAsync(provider);
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = db.UtcNow;
        var today = DateOnly.FromDateTime(now);
        // Replace the demo's own levels and Ofsted outcome for these two schools with the ones the tests describe.
        db.SchoolLevels.RemoveRange(db.SchoolLevels.Where(d => d.Urn == Head || d.Urn == Other));
        db.LevelProposals.RemoveRange(db.LevelProposals.Where(p => p.Urn == Head || p.Urn == Other));
        db.OfstedInspections.RemoveRange(db.OfstedInspections.Where(o => o.Urn == Head));
        db.SchoolJudgements.RemoveRange(db.SchoolJudgements.Where(j => j.Urn == Head || j.Urn == Other));
        await db.SaveChangesAsync();
        db.SchoolLevels.AddRange(
            new SchoolLevelDecision(Head, LevelOfSupport.Targeted, null, LevelOfSupport.Targeted, null, "2026.1", "KS2 below the floor", "smt@demo-borough.example", Role.SeniorManager, now.AddDays(-200), "Agreed."),
            new SchoolLevelDecision(Head, LevelOfSupport.Intensive, LevelOfSupport.Targeted, LevelOfSupport.Intensive, null, "2026.1", "Early years outcomes below the LA for three years\nOfsted: special measures", "smt@demo-borough.example", Role.SeniorManager, now.AddDays(-20), "Agreed."),
            new SchoolLevelDecision(Other, LevelOfSupport.Universal, null, LevelOfSupport.Universal, null, "2026.1", FormulaReason, "smt@demo-borough.example", Role.SeniorManager, now.AddDays(-50), "Agreed."));
        db.OfstedInspections.Add(new OfstedInspection(Head, new OfstedOutcome
        {
            InspectionDate = today.AddDays(-30),
            CategoryOfConcern = CategoryOfConcern.SpecialMeasures,
            Inclusion = ReportCardGrade.NeedsAttention,
            LeadershipAndGovernance = ReportCardGrade.UrgentImprovement,
            EarlyYearsReportCard = ReportCardGrade.ExpectedStandard,
            SafeguardingEffective = false,
            PreviousInspectionDate = new DateOnly(2022, 1, 12),
            PreviousOverallEffectiveness = OfstedJudgement.Good,
        }, 1));
        db.SchoolJudgements.Add(new SchoolJudgement(Head, today.Month >= 8 ? today.Year : today.Year - 1, JudgementSource.SchoolImprovementPartner,
            JudgementArea.OverallEffectiveness, OfstedJudgement.Inadequate, today.AddDays(-10), null, "sip@demo-borough.example"));
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    /// <summary>The URNs of the rows of a page's tables marked <paramref name="table"/> (all of them, in order).</summary>
    public static List<int> Urns(string html, string table)
    {
        var urns = new List<int>();
        for (var start = html.IndexOf($"data-testid=\"{table}\"", StringComparison.Ordinal); start >= 0;
             start = html.IndexOf($"data-testid=\"{table}\"", start + 1, StringComparison.Ordinal))
        {
            var end = html.IndexOf("</table>", start, StringComparison.Ordinal);
            urns.AddRange(Regex.Matches(html[start..end], "data-urn=\"(\\d+)\"").Select(m => int.Parse(m.Groups[1].Value)));
        }
        return urns;
    }
}

public sealed class SqliteRegisterApp() : RegisterApp(DatabaseProvider.Sqlite);
public sealed class PostgresRegisterApp() : RegisterApp(DatabaseProvider.Postgres);

public abstract class RiskRegisterPagesTests(RegisterApp fixture)
{
    private SchoolSightWebFactory App => fixture.App;

    [Fact]
    public async Task ThePage_ShowsTheRegisterAsTheApiGivesIt_MostSupportFirst()
    {
        var client = App.ClientFor(Role.SeniorManager);
        var page = await client.GetStringAsync("/RiskRegister");
        var api = JsonDocument.Parse(await client.GetStringAsync("/api/v1/risk-register")).RootElement.EnumerateArray().ToList();
        var urns = RegisterApp.Urns(page, "risk-register");
        urns.ShouldBe([.. api.Select(r => r.GetProperty("urn").GetInt32())]);
        urns.Count.ShouldBeGreaterThan(70);
        // Most support first: the levels never rise down the list.
        var order = api.Select(r => r.GetProperty("level").ValueKind == JsonValueKind.Null ? -1 : (int)Enum.Parse<LevelOfSupport>(r.GetProperty("level").GetString()!)).ToList();
        order.ShouldBe(order.OrderByDescending(x => x).ToList());
        var head = api.Single(r => r.GetProperty("urn").GetInt32() == RegisterApp.Head);
        head.GetProperty("level").GetString().ShouldBe("Intensive");
        head.GetProperty("movement").GetProperty("direction").GetString().ShouldBe("up");
        head.GetProperty("ofsted").GetProperty("categoryOfConcern").GetString().ShouldBe("SpecialMeasures");
        head.GetProperty("programmeCase").GetProperty("tier").GetString().ShouldBe("Intensive");
        page.ShouldContain("Early years outcomes below the LA for three years");
        page.ShouldContain("moved up to more support, from Targeted to Intensive");
        page.ShouldContain("Report card: inclusion needs attention, leadership and governance urgent improvement; safeguarding standards not met; special measures");
        page.ShouldContain("SIP: Inadequate");
        page.ShouldContain("href=\"/Programme/Cases/");
        page.ShouldContain("href=\"/RiskRegister\"", customMessage: "the service navigation links the register");
    }

    [Fact]
    public async Task Filters_NarrowThePage_TheApi_AndTheDownloads()
    {
        var client = App.ClientFor(Role.InterventionOfficer);
        var all = JsonDocument.Parse(await client.GetStringAsync("/api/v1/risk-register")).RootElement.EnumerateArray()
            .Select(r => (Urn: r.GetProperty("urn").GetInt32(), Level: r.GetProperty("level").ValueKind == JsonValueKind.Null ? null : r.GetProperty("level").GetString(),
                Phase: r.GetProperty("phase").GetString())).ToList();
        var intensive = RegisterApp.Urns(await client.GetStringAsync("/RiskRegister?level=intensive"), "risk-register");
        intensive.ShouldContain(RegisterApp.Head);
        intensive.ShouldBe([.. all.Where(r => r.Level == "Intensive").Select(r => r.Urn)]);
        var universal = JsonDocument.Parse(await client.GetStringAsync("/api/v1/risk-register?level=universal")).RootElement;
        var universalUrns = universal.EnumerateArray().Select(r => r.GetProperty("urn").GetInt32()).ToList();
        universalUrns.ShouldContain(RegisterApp.Other);
        universalUrns.ShouldBe([.. all.Where(r => r.Level == "Universal").Select(r => r.Urn)]);
        RegisterApp.Urns(await client.GetStringAsync("/RiskRegister?level=none"), "risk-register").ShouldBe([.. all.Where(r => r.Level is null).Select(r => r.Urn)]);
        var primary = RegisterApp.Urns(await client.GetStringAsync("/RiskRegister?level=universal&phase=Primary"), "risk-register");
        primary.ShouldNotBeEmpty();
        primary.ShouldBe([.. all.Where(r => r.Level == "Universal" && r.Phase == "Primary").Select(r => r.Urn)]);
        var csv = CsvRows.Read(await client.GetByteArrayAsync("/RiskRegister?format=csv&level=universal&phase=Primary"));
        csv.Skip(1).TakeWhile(r => r.Count > 1).Select(r => int.Parse(r[0])).ShouldBe(primary);

        var bad = await client.GetStringAsync("/RiskRegister?phase=Kindergarten");
        bad.ShouldContain("There is a problem");
        bad.ShouldContain("Choose a phase from the list");
        var badApi = await client.GetAsync("/api/v1/risk-register?level=severe");
        badApi.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await badApi.Content.ReadAsStringAsync()).ShouldContain("Choose a level of support from the list");
    }

    [Fact]
    public async Task TheCsvAndExcelDownloads_HoldThePagesRows_WithFormulasEscaped()
    {
        var client = App.ClientFor(Role.QualityAssuranceManager);
        var urns = RegisterApp.Urns(await client.GetStringAsync("/RiskRegister"), "risk-register");
        var csv = CsvRows.Read(await client.GetByteArrayAsync("/RiskRegister?format=csv"));
        csv[0].Take(5).ShouldBe(["URN", "School", "Locality", "Phase", "Level of support"]);
        var data = csv.Skip(1).TakeWhile(r => r.Count > 1).ToList();
        data.Select(r => int.Parse(r[0])).ShouldBe(urns);
        data[0][4].ShouldBe("Intensive");
        data.Single(r => r[0] == RegisterApp.Other.ToString())[6].ShouldBe("'" + RegisterApp.FormulaReason);

        var excel = await client.GetAsync("/RiskRegister?format=xlsx");
        excel.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using var stream = new MemoryStream(await excel.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true, sheetName: "Data").Cast<IDictionary<string, object?>>().ToList();
        rows.Select(r => Convert.ToInt32(r["URN"])).ShouldBe(urns);
        rows.Single(r => Convert.ToInt32(r["URN"]) == RegisterApp.Other)["Reasons"].ShouldBe("'" + RegisterApp.FormulaReason);
        (await client.GetAsync("/RiskRegister?format=pdfx")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ThePdf_IsARealLandscapePdf_NamingTheSchools()
    {
        var response = await App.ClientFor(Role.LaAdministrator).GetAsync("/RiskRegister?handler=Pdf&level=intensive");
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        PdfText.LooksLikePdf(bytes).ShouldBeTrue();
        var text = string.Join(' ', (await PdfText.ExtractAsync(bytes)).Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
        text.ShouldContain("Risk register");
        // Table cells wrap, so a school is found by its URN (the text interleaves a row's columns line by line).
        text.ShouldContain($"({RegisterApp.Head})");
        var rows = JsonDocument.Parse(await App.ClientFor(Role.LaAdministrator).GetStringAsync("/api/v1/risk-register")).RootElement.EnumerateArray().ToList();
        foreach (var row in rows)
        {
            var urn = $"({row.GetProperty("urn").GetInt32()})";
            if (row.GetProperty("level").GetString() == "Intensive") text.ShouldContain(urn);
            else text.ShouldNotContain(urn, customMessage: "only the intensive schools");
        }
    }

    [Theory]
    [InlineData(Role.SchoolUser)]
    [InlineData(Role.SchoolImprovementPartner)]
    [InlineData(Role.Governor)]
    [InlineData(Role.HealthySchoolsCoordinator)]
    public async Task OnlyLaOfficers_MayReadTheRegister(Role role)
    {
        var client = App.ClientFor(role);
        (await client.GetAsync("/api/v1/risk-register")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        foreach (var url in new[] { "/RiskRegister", "/RiskRegister?format=csv", "/RiskRegister?handler=Pdf", "/Boards", "/Boards/1", "/Boards/1?handler=Pdf" })
        {
            var response = await client.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, url);
            response.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        }
        (await client.GetStringAsync("/")).ShouldNotContain("href=\"/RiskRegister\"");
    }

    [Fact]
    public async Task TheSchoolProfile_ShowsAReportCardInspection_OnItsOwnScale()
    {
        var page = await App.ClientFor(Role.InterventionOfficer).GetStringAsync($"/Schools/{RegisterApp.Head}");
        page.ShouldContain("Report card (no overall grade)");
        page.ShouldContain("data-testid=\"ofsted-report-card\"");
        page.ShouldContain("Leadership and governance: <strong class=\"govuk-tag govuk-tag--red\">Urgent improvement</strong>");
        page.ShouldContain("Inclusion: <strong class=\"govuk-tag govuk-tag--yellow\">Needs attention</strong>");
        page.ShouldContain("Safeguarding: standards not met");
    }
}

[Collection(nameof(SqliteRegisterApp))]
public sealed class RiskRegisterPagesTests_Sqlite(SqliteRegisterApp fixture) : RiskRegisterPagesTests(fixture);

[Collection(nameof(PostgresRegisterApp))]
public sealed class RiskRegisterPagesTests_Postgres(PostgresRegisterApp fixture) : RiskRegisterPagesTests(fixture);

[CollectionDefinition(nameof(SqliteRegisterApp))]
public sealed class SqliteCategorisationCollection : ICollectionFixture<SqliteRegisterApp>;

[CollectionDefinition(nameof(PostgresRegisterApp))]
public sealed class PostgresCategorisationCollection : ICollectionFixture<PostgresRegisterApp>;
