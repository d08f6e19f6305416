using System.Net;
using System.Text.RegularExpressions;
using SchoolSight.Core.Data;
using SchoolSight.Core.Demo;
using SchoolSight.Domain.Access;
using SchoolSight.TestSupport;

namespace SchoolSight.Web.Tests.Data;

/// <summary>
/// Demo Borough's England benchmark: a synthetic country's figures, labelled as such on the data pages, never "All
/// schools held" (the LA's own schools again) and never called the DfE's.
/// </summary>
public abstract class DemoEnglandBenchmarkTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string Label = "England (synthetic country, for the demo)";
    private SchoolSightWebFactory _app = null!;

    public async Task InitializeAsync() => _app = await SchoolSightWebFactory.CreateAsync(provider);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task DemoLaDataPage_ShowsASyntheticEnglandFigure_ThatDiffersFromTheLa()
    {
        var html = WebUtility.HtmlDecode(await _app.ClientFor(Role.InterventionOfficer).GetStringAsync("/Data/La?indicator=KS2_RWM_EXP&year=2024"));
        html.ShouldContain($">{Label}<");
        html.ShouldNotContain("All schools held");
        var la = Cell(html, "area");
        var england = Cell(html, "england");
        england.ShouldNotBeNullOrWhiteSpace();
        england.ShouldNotStartWith(la.Split(' ')[0], customMessage: "the England benchmark is not the LA's own figure");
    }

    [Fact]
    public async Task DemoSchoolDataPage_NamesTheSyntheticEnglandColumn()
    {
        var html = WebUtility.HtmlDecode(await _app.ClientFor(Role.InterventionOfficer).GetStringAsync($"/Schools/{DemoSeeder.DemoHeadSchoolUrn}/Data?year=2024"));
        var header = html[html.IndexOf("<thead", StringComparison.Ordinal)..html.IndexOf("</thead>", StringComparison.Ordinal)];
        Regex.Matches(header, "<th scope=\"col\"[^>]*>([^<]+)</th>").Select(m => m.Groups[1].Value).Skip(2).Take(2)
            .ShouldBe([Label, $"LA {DemoSeeder.DemoLaCode}"]);
    }

    private static string Cell(string html, string name) =>
        Regex.Replace(Regex.Match(html, $"data-cell=\"{name}\">(.*?)</dd>", RegexOptions.Singleline).Groups[1].Value, "<[^>]+>", "").Trim();
}

public sealed class DemoEnglandBenchmarkTests_Sqlite() : DemoEnglandBenchmarkTests(DatabaseProvider.Sqlite);
public sealed class DemoEnglandBenchmarkTests_Postgres() : DemoEnglandBenchmarkTests(DatabaseProvider.Postgres);
