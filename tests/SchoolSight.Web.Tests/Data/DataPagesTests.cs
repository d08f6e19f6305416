using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using MiniExcelLibs;
using SchoolSight.Core.Data;
using SchoolSight.Core.Exports;
using SchoolSight.Core.Indicators;
using SchoolSight.Domain.Access;
using SchoolSight.TestSupport;

namespace SchoolSight.Web.Tests.Data;

/// <summary>The demo app with <see cref="IndicatorTestData"/> stored and computed, shared by a test class.</summary>
public abstract class DataApp(DatabaseProvider provider) : IAsyncLifetime
{
    public SchoolSightWebFactory App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = await SchoolSightWebFactory.CreateAsync(provider);
        await IndicatorTestData.SeedAsync(App.Services);
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

public sealed class SqliteDataApp() : DataApp(DatabaseProvider.Sqlite);
public sealed class PostgresDataApp() : DataApp(DatabaseProvider.Postgres);

/// <summary>
/// The school, indicator, well-being, LA and locality data pages, their CSV and Excel exports and the /api/v1
/// indicators endpoints, over figures computed from <see cref="IndicatorTestData"/>.
/// </summary>
public abstract partial class DataPagesTests(DataApp data)
{
    private const int Primary = IndicatorTestData.HandCheckedPrimary;
    private const int Nursery = IndicatorTestData.SmallGroupSchool;
    private SchoolSightWebFactory App => data.App;
    private HttpClient Officer => App.ClientFor(Role.InterventionOfficer);

    [Fact]
    public async Task SchoolDataPage_ShowsTheFiguresComputedFromPupils_WithSignificanceTrendAndSimilarSchools()
    {
        var html = await Officer.GetStringAsync($"/Schools/{Primary}/Data?year=2024");
        html.ShouldContain("Figures for <strong>2024/25</strong>");
        var row = Row(html, "data-indicator=\"KS2_RWM_EXP\"");
        // 27 of 30 year 6 pupils at the expected standard: 90.0%, Wilson's 95% interval 74.4% to 96.5%.
        row.ShouldContain("<strong>90.0%</strong>");
        row.ShouldContain("74.4 to 96.5");
        row.ShouldContain("significantly above (better)", customMessage: "90% is far above England's figure from the other schools");
        row.ShouldContain("2022/23: 33.3% → 2023/24: 66.7% → 2024/25: 90.0%");
        row.ShouldContain(">improving<");
        row.ShouldContain("<svg class=\"ss-sparkline\" role=\"img\"");
        row.ShouldContain($"href=\"/Schools/{Primary}/Data/KS2_RWM_EXP?year=2024\"");
        // Benchmarks: England, the LA, the locality and the similar schools, in that order.
        Regex.Matches(Header(html), "<th scope=\"col\"[^>]*>([^<]+)</th>").Select(m => m.Groups[1].Value).Skip(2).Take(4)
            .ShouldBe(["All schools held", "LA 999", "East locality", "7 similar schools"]);
        // Lower is better: persistent absence above a benchmark is worse, not better.
        Row(html, "data-indicator=\"PERSISTENT_ABSENCE\"").ShouldNotContain("above (better)");

        var similar = Between(html, "data-testid=\"similar-schools\"", "</table>");
        foreach (var urn in IndicatorTestData.PrimaryUrns.Where(u => u != Primary)) similar.ShouldContain($"<td class=\"govuk-table__cell\">{urn}</td>");
        html.ShouldContain("nearest schools of the same phase on standardised % FSM");

        var earlier = await Officer.GetStringAsync($"/Schools/{Primary}/Data?year=2023");
        Row(earlier, "data-indicator=\"KS2_RWM_EXP\"").ShouldContain("<strong>66.7%</strong>");
        (await Officer.GetStringAsync($"/Schools/{Primary}")).ShouldContain($"href=\"/Schools/{Primary}/Data\"");
    }

    [Fact]
    public async Task AGovernorSeesSmallGroupsSuppressed_WhileAnLaOfficerSeesTheNumber()
    {
        var governor = await App.ClientFor(Role.Governor).GetStringAsync($"/Schools/{Nursery}/Data/EY_GLD");
        Cell(Row(governor, "data-group=\"InCare\"")).ShouldBe("c");
        Cell(Row(governor, "data-group=\"NotInCare\"")).ShouldBe("c", "secondary suppression: all pupils minus the others would give it away");
        governor.ShouldContain("shown as &#x27;c&#x27; to protect pupils");

        var officer = await Officer.GetStringAsync($"/Schools/{Nursery}/Data/EY_GLD");
        Cell(Row(officer, "data-group=\"InCare\"")).ShouldBe("50.0%");
        officer.ShouldNotContain("data-testid=\"suppression-note\"");

        // The head of the same school sees its own pupil-level figures.
        Cell(Row(await App.ClientFor(Role.SchoolUser).GetStringAsync($"/Schools/{Nursery}/Data/EY_GLD"), "data-group=\"InCare\"")).ShouldBe("50.0%");
    }

    [Fact]
    public async Task FiguresKeptBetweenRequests_AreShownAsEachReaderMaySeeThem_WhoeverAskedFirst()
    {
        // The officer's request keeps the school's rows as they see them; the governor after them is still shown the
        // small groups hidden (suppression is decided per request), and the officer after the governor sees the numbers.
        var path = $"/Schools/{Nursery}/Data/EY_GLD";
        Cell(Row(await Officer.GetStringAsync(path), "data-group=\"InCare\"")).ShouldBe("50.0%");
        var governor = await App.ClientFor(Role.Governor).GetStringAsync(path);
        Cell(Row(governor, "data-group=\"InCare\"")).ShouldBe("c");
        Cell(Row(governor, "data-group=\"NotInCare\"")).ShouldBe("c");
        Cell(Row(await Officer.GetStringAsync(path), "data-group=\"InCare\"")).ShouldBe("50.0%");
        (await App.ClientFor(Role.Governor).GetStringAsync($"/Schools/{Nursery}/Data")).ShouldContain("data-testid=\"suppression-note\"");
        (await Officer.GetStringAsync($"/Schools/{Nursery}/Data")).ShouldNotContain("data-testid=\"suppression-note\"");
    }

    [Fact]
    public async Task ASchoolUser_CannotReadAnotherSchoolsDataPagesOrApi()
    {
        var head = App.ClientFor(Role.SchoolUser);
        foreach (var url in new[]
                 {
                     $"/Schools/{Primary}/Data", $"/Schools/{Primary}/Data/KS2_RWM_EXP", $"/Schools/{Primary}/Wellbeing/be-healthy",
                     $"/Schools/{Primary}/Data?format=csv", $"/api/v1/schools/{Primary}/indicators", $"/api/v1/schools/{Primary}/indicators/KS2_RWM_EXP",
                 })
        {
            var response = await head.GetAsync(url);
            var refused = response.StatusCode == HttpStatusCode.Forbidden || response.Headers.Location?.ToString().Contains("AccessDenied") == true;
            refused.ShouldBeTrue($"{url}: {(int)response.StatusCode}");
            (await response.Content.ReadAsStringAsync()).ShouldNotContain("90.0");
        }
        (await head.GetAsync($"/Schools/{Nursery}/Data")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await head.GetAsync("/Data/La")).StatusCode.ShouldNotBe(HttpStatusCode.OK);
        (await head.GetAsync("/api/v1/areas/la/indicators/KS2_RWM_EXP")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Exports_HoldTheSameFiguresAndSuppressionAsThePage()
    {
        var csv = Csv(await Officer.GetByteArrayAsync($"/Schools/{Primary}/Data?year=2024&format=csv"));
        var header = csv[0];
        var ks2 = csv.Single(r => r[0] == "KS2_RWM_EXP");
        ks2[header.IndexOf("School")].ShouldBe("90.0");
        ks2[header.IndexOf("School lower 95%")].ShouldBe("74.4");
        ks2[header.IndexOf("Against All schools held")].ShouldBe("significantly above (better)");
        ks2[header.IndexOf("Trend")].ShouldBe("improving");
        ks2[header.IndexOf("2022/23")].ShouldBe("33.3");

        var xlsx = Xlsx(await Officer.GetByteArrayAsync($"/Schools/{Primary}/Data?year=2024&format=xlsx"));
        var sheetRow = xlsx.Single(r => (string?)r["Indicator id"] == "KS2_RWM_EXP");
        Convert.ToDouble(sheetRow["School"]).ShouldBe(90.0);
        Convert.ToDouble(sheetRow["School lower 95%"]).ShouldBe(74.4);
        sheetRow["Against All schools held"].ShouldBe("significantly above (better)");

        // Groups: the governor's file hides the children in care as the page does; the officer's shows them, except for publication.
        static string InCare(List<List<string>> rows) => rows.Single(r => r[0] == "Children in care")[1];
        InCare(Csv(await App.ClientFor(Role.Governor).GetByteArrayAsync($"/Schools/{Nursery}/Data/EY_GLD?format=csv"))).ShouldBe("c");
        InCare(Csv(await Officer.GetByteArrayAsync($"/Schools/{Nursery}/Data/EY_GLD?format=csv"))).ShouldBe("50.0");
        InCare(Csv(await Officer.GetByteArrayAsync($"/Schools/{Nursery}/Data/EY_GLD?format=csv&publication=true"))).ShouldBe("c");
        var governorXlsx = Xlsx(await App.ClientFor(Role.Governor).GetByteArrayAsync($"/Schools/{Nursery}/Data/EY_GLD?format=xlsx"));
        governorXlsx.Single(r => (string?)r["Pupil group"] == "Children in care")["Value"].ShouldBe("c");

        var ranking = Csv(await Officer.GetByteArrayAsync("/Data/La?indicator=KS2_RWM_EXP&year=2024&format=csv"));
        ranking.Single(r => r.Count > 4 && r[1] == Primary.ToString())[4].ShouldBe("90.0");
        (await Officer.GetAsync($"/Schools/{Primary}/Data?format=pdf")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public void Exports_EscapeTextThatASpreadsheetWouldRunAsAFormula()
    {
        var table = new ExportTable("t", ["Name", "Value"], [["=HYPERLINK(\"http://x\")", -1.5], ["@SUM(A1)", "+1"], ["Plain, with comma", "-2"]], []);
        var csv = Encoding.UTF8.GetString(TableExport.Csv(table));
        csv.ShouldContain("\"'=HYPERLINK(\"\"http://x\"\")\",-1.5");
        csv.ShouldContain("'@SUM(A1),'+1");
        csv.ShouldContain("\"Plain, with comma\",'-2");
        var rows = Xlsx(TableExport.Xlsx(table));
        rows[0]["Name"].ShouldBe("'=HYPERLINK(\"http://x\")");
        Convert.ToDouble(rows[0]["Value"]).ShouldBe(-1.5, "numbers stay numbers");
        rows[1]["Value"].ShouldBe("'+1");
    }

    [Fact]
    public async Task Api_GivesTheSameFiguresAndSuppressionAsThePages()
    {
        var school = await Json(Officer, $"/api/v1/schools/{Primary}/indicators?year=2024");
        school.GetProperty("academicYear").GetInt32().ShouldBe(2024);
        var ks2 = school.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("indicator").GetProperty("id").GetString() == "KS2_RWM_EXP");
        Math.Round(ks2.GetProperty("school").GetProperty("value").GetDouble(), 1).ShouldBe(90.0);
        ks2.GetProperty("trendDirection").GetString().ShouldBe("Improving");
        ks2.GetProperty("benchmarks")[0].GetProperty("comparison").GetString().ShouldBe("SignificantlyBetter");
        school.GetProperty("similarSchools").GetArrayLength().ShouldBe(7);

        var outcome = await Json(Officer, $"/api/v1/schools/{Primary}/indicators?year=2024&outcome=stay-safe");
        outcome.GetProperty("indicators").EnumerateArray().ShouldAllBe(i => i.GetProperty("indicator").GetProperty("outcome").GetString() == "StaySafe");
        (await Officer.GetAsync($"/api/v1/schools/{Primary}/indicators?outcome=be-wealthy")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Officer.GetAsync($"/api/v1/schools/{Primary}/indicators/NOT_AN_INDICATOR")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var governor = await Json(App.ClientFor(Role.Governor), $"/api/v1/schools/{Nursery}/indicators/EY_GLD");
        governor.GetProperty("suppressed").GetBoolean().ShouldBeTrue();
        var hidden = governor.GetProperty("indicators")[0].GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("group").GetString() == "InCare").GetProperty("figure");
        hidden.GetProperty("suppressed").GetBoolean().ShouldBeTrue();
        hidden.GetProperty("value").ValueKind.ShouldBe(JsonValueKind.Null);
        var shown = (await Json(Officer, $"/api/v1/schools/{Nursery}/indicators/EY_GLD")).GetProperty("indicators")[0].GetProperty("groups").EnumerateArray()
            .Single(g => g.GetProperty("group").GetString() == "InCare").GetProperty("figure");
        shown.GetProperty("value").GetDouble().ShouldBe(50.0);
        var published = (await Json(Officer, $"/api/v1/schools/{Nursery}/indicators/EY_GLD?publication=true")).GetProperty("indicators")[0].GetProperty("groups").EnumerateArray()
            .Single(g => g.GetProperty("group").GetString() == "InCare").GetProperty("figure");
        published.GetProperty("suppressed").GetBoolean().ShouldBeTrue();

        var catalogue = await Json(App.ClientFor(Role.Governor), "/api/v1/indicators");
        catalogue.GetArrayLength().ShouldBe(IndicatorCatalogueSource.Default.Catalogue.Indicators.Count);

        var la = await Json(Officer, "/api/v1/areas/la/indicators/KS2_RWM_EXP?year=2024");
        la.GetProperty("areaName").GetString().ShouldBe("Demo Borough");
        var mine = la.GetProperty("schools").EnumerateArray().Single(s => s.GetProperty("urn").ValueKind == JsonValueKind.Number && s.GetProperty("urn").GetInt32() == Primary);
        Math.Round(mine.GetProperty("figure").GetProperty("value").GetDouble(), 1).ShouldBe(90.0);
        mine.GetProperty("rank").GetInt32().ShouldBe(1);
        la.GetProperty("localities").GetArrayLength().ShouldBe(4);
        (await Officer.GetAsync("/api/v1/localities/4040/indicators/KS2_RWM_EXP")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task LaPage_OffersToRankSpecialSchoolsWithMainstream_ThroughAGetFormThatKeepsTheChoice()
    {
        var html = await Officer.GetStringAsync("/Data/La?indicator=KS2_RWM_EXP&year=2024");
        var form = Between(html, "data-testid=\"indicator-picker\"", "</form>");
        form.ShouldContain("name=\"special\" type=\"checkbox\" value=\"true\" />");
        form.ShouldNotContain("onchange");
        html.ShouldNotContain("special=true");
        var ticked = await Officer.GetStringAsync("/Data/La?indicator=KS2_RWM_EXP&year=2024&special=true");
        Between(ticked, "data-testid=\"indicator-picker\"", "</form>").ShouldContain("value=\"true\" checked=\"checked\" />");
        Between(ticked, "data-testid=\"ranking\"", "</thead>").ShouldContain("special=true", customMessage: "sorting keeps the choice");
        ticked.ShouldNotContain("data-testid=\"ranking-apart\"");
        Csv(await Officer.GetByteArrayAsync("/Data/La?indicator=KS2_RWM_EXP&year=2024&format=csv&special=true")).Skip(1).Where(r => r.Count > 4 && int.TryParse(r[1], out _))
            .Select(r => r[^1]).ShouldAllBe(v => v == "All schools");
    }

    [Fact]
    public async Task LaPage_RanksSchools_AnonymisesThemForASip_AndSuppressesSoNothingCanBeWorkedOut()
    {
        var html = await Officer.GetStringAsync("/Data/La?indicator=KS2_RWM_EXP&year=2024");
        var ranking = Between(html, "data-testid=\"ranking\"", "</table>");
        Row(ranking, $"data-urn=\"{Primary}\"").ShouldContain("<strong>90.0%</strong>");
        ranking.IndexOf($"data-urn=\"{Primary}\"", StringComparison.Ordinal).ShouldBeLessThan(ranking.IndexOf($"data-urn=\"{Primary + 1}\"", StringComparison.Ordinal), "ranked best first");
        html.ShouldContain($"href=\"/Schools/{Primary}/Data?year=2024\"");
        html.ShouldContain("<svg class=\"ss-strip\" role=\"img\" aria-label=\"8 schools from");
        var byName = Between(await Officer.GetStringAsync("/Data/La?indicator=KS2_RWM_EXP&year=2024&sort=name&order=desc"), "data-testid=\"ranking\"", "</table>");
        var names = Regex.Matches(byName, "href=\"/Schools/\\d+/Data\\?year=2024\">([^<]+)</a>").Select(m => m.Groups[1].Value).ToList();
        names.ShouldBe([.. names.OrderByDescending(n => n, StringComparer.Ordinal)]);

        // A SIP sees its assigned school named and linked, the others anonymised, and small numbers suppressed.
        var sip = App.ClientFor(Role.SchoolImprovementPartner);
        var sipHtml = await sip.GetStringAsync("/Data/La?indicator=KS2_RWM_EXP&year=2024");
        sipHtml.ShouldContain("href=\"/Schools/999011/Data?year=2024\"");
        sipHtml.ShouldNotContain($"/Schools/{Primary}/Data");
        sipHtml.ShouldContain("Another school");
        sipHtml.ShouldContain("data-testid=\"suppression-note\"");

        // Children in care at key stage 2: a handful of pupils per school. No suppressed school can be recovered by
        // subtracting the shown schools from the LA's (or a locality's) figure.
        var cic = await Json(sip, "/api/v1/areas/la/indicators/KS2_RWM_CIC");
        var schools = cic.GetProperty("schools").EnumerateArray().ToList();
        var hiddenSchools = schools.Count(s => s.GetProperty("figure").GetProperty("suppressed").GetBoolean());
        hiddenSchools.ShouldBeGreaterThan(0);
        var laHidden = cic.GetProperty("area").GetProperty("suppressed").GetBoolean();
        (laHidden || hiddenSchools >= 2).ShouldBeTrue("one hidden school beside a shown LA total would be the difference");
        var officerCic = await Json(Officer, "/api/v1/areas/la/indicators/KS2_RWM_CIC");
        officerCic.GetProperty("schools").EnumerateArray().ShouldAllBe(s => !s.GetProperty("figure").GetProperty("suppressed").GetBoolean());

        // The hand-checked school is the seventh demo school, in the East locality.
        var east = Regex.Match(html, "href=\"/Data/Localities/(\\d+)\\?[^\"]*\">East</a>").Groups[1].Value;
        var locality = await Officer.GetStringAsync($"/Data/Localities/{east}?indicator=KS2_RWM_EXP&year=2024");
        locality.ShouldContain("Data: East locality");
        Row(Between(locality, "data-testid=\"ranking\"", "</table>"), $"data-urn=\"{Primary}\"").ShouldContain("90.0%");
        (await Officer.GetAsync("/Data/La?indicator=NOT_AN_INDICATOR")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task WellbeingPage_ShowsTheOutcomesEvidenceGroupGapsViewsAndTheSeedsQuestions()
    {
        var html = await Officer.GetStringAsync($"/Schools/{Primary}/Wellbeing/stay-safe?year=2024");
        html.ShouldContain("<h1 class=\"govuk-heading-l\">Stay safe</h1>");
        html.ShouldContain("Do pupils feel safe from bullying in the school and around the school?");
        Row(html, "data-indicator=\"PERSISTENT_ABSENCE\"").ShouldContain("%");
        Between(html, "data-testid=\"group-gaps\"", "</table>").ShouldContain("data-indicator=\"PERSISTENT_ABSENCE\"");
        Between(html, "id=\"pupil-views\"", "</table>").ShouldContain("data-indicator=\"PUPIL_FEEL_SAFE\"");
        Between(html, "id=\"parent-views\"", "</table>").ShouldContain("data-indicator=\"PARENT_FEEL_SAFE\"");
        html.ShouldNotContain("data-indicator=\"KS2_RWM_EXP\"");

        var healthy = await Officer.GetStringAsync($"/Schools/{Primary}/Wellbeing/be-healthy");
        healthy.ShouldContain("levels of sickness absence");
        healthy.ShouldContain("data-indicator=\"SICKNESS_ABSENCE\"");
        (await Officer.GetAsync($"/Schools/{Primary}/Wellbeing/be-wealthy")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var gaps = Csv(await Officer.GetByteArrayAsync($"/Schools/{Primary}/Wellbeing/stay-safe?format=csv&table=groups"));
        gaps[0].ShouldContain("Gap: Free school meals");
    }

    private static async Task<JsonElement> Json(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static string Header(string html) => Between(html, "<thead", "</thead>");

    /// <summary>The table row carrying <paramref name="marker"/>.</summary>
    private static string Row(string html, string marker)
    {
        var at = html.IndexOf(marker, StringComparison.Ordinal);
        at.ShouldBeGreaterThanOrEqualTo(0, $"no row with {marker}");
        var end = html.IndexOf("</tr>", at, StringComparison.Ordinal);
        return WebUtility.HtmlDecode(html[at..end]);
    }

    private static string Cell(string row) =>
        WebUtility.HtmlDecode(Regex.Match(row, "data-cell=\"value\">([^<]*)<").Groups[1].Value);

    private static string Between(string html, string start, string end)
    {
        var at = html.IndexOf(start, StringComparison.Ordinal);
        at.ShouldBeGreaterThanOrEqualTo(0, $"no {start}");
        return html[at..html.IndexOf(end, at, StringComparison.Ordinal)];
    }

    /// <summary>An RFC 4180 reader, enough for the exports.</summary>
    private static List<List<string>> Csv(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF');
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (c == '\n') { row.Add(field.ToString()); field.Clear(); rows.Add(row); row = []; }
            else if (c != '\r') field.Append(c);
        }
        if (field.Length > 0 || row.Count > 0) { row.Add(field.ToString()); rows.Add(row); }
        return rows;
    }

    private static List<IDictionary<string, object?>> Xlsx(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        return [.. stream.Query(useHeaderRow: true, sheetName: "Data", excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>()];
    }
}

public sealed class DataPagesTests_Sqlite(SqliteDataApp data) : DataPagesTests(data), IClassFixture<SqliteDataApp>;
public sealed class DataPagesTests_Postgres(PostgresDataApp data) : DataPagesTests(data), IClassFixture<PostgresDataApp>;
