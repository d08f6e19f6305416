using System.Text.RegularExpressions;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Indicators;
using SchoolSight.TestSupport;
using SchoolSight.Web.Tests.Access;

namespace SchoolSight.Web.Tests.Categorisation;

/// <summary>
/// The levels of support over time: a chart per locality above its table on the risk register and the board packs; and
/// the distribution chart's axis for each unit. Rendering does not depend on the database, so it runs on SQLite only.
/// </summary>
public sealed partial class LevelChartTests(SqliteDemoApp fixture) : IClassFixture<SqliteDemoApp>
{
    private readonly SchoolSightWebFactory _app = fixture.App;

    [Fact]
    public async Task TheRiskRegister_ShowsAChartPerLocality_EachAboveItsTable()
    {
        var html = await _app.ClientFor(Role.SeniorManager).GetStringAsync("/RiskRegister");
        var charts = Chart().Matches(html);
        charts.Count.ShouldBeGreaterThanOrEqualTo(4, "Demo Borough has four localities");
        foreach (Match chart in charts)
        {
            chart.Value.ShouldContain("<svg class=\"ss-level-chart\" role=\"img\" aria-label=\"");
            chart.Value.IndexOf("<svg", StringComparison.Ordinal).ShouldBeLessThan(chart.Value.IndexOf("<table", StringComparison.Ordinal));
            Regex.Matches(chart.Value, "<tr class=\"govuk-table__row\"><th scope=\"row\"").Count.ShouldBe(12, "a row a month");
        }
        html.IndexOf("data-testid=\"levels-over-time\"", StringComparison.Ordinal).ShouldBeLessThan(html.IndexOf("data-testid=\"risk-register\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ABoardPack_ShowsItsSchoolsLevelsOverTheYearToTheMeeting()
    {
        var client = _app.ClientFor(Role.SeniorManager);
        var pack = BoardLink().Match(await client.GetStringAsync("/Boards")).Value;
        var html = await client.GetStringAsync(pack);
        Chart().Matches(html).Count.ShouldBeGreaterThan(0);
        html.IndexOf("data-testid=\"levels-over-time\"", StringComparison.Ordinal).ShouldBeLessThan(html.IndexOf("data-testid=\"level-counts\"", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(IndicatorUnit.Percent, 40, 70, 0, 100)]
    [InlineData(IndicatorUnit.Score, 30, 50, 0, 52.5)]
    [InlineData(IndicatorUnit.Score, -2, 3, -2.5, 3.5)]
    [InlineData(IndicatorUnit.PercentagePoints, -20, -5, -21, 0)]
    public void TheDistributionAxis_StartsWhereTheUnitIsReadFrom(IndicatorUnit unit, double low, double high, double min, double max)
    {
        SvgCharts.AxisRange([low, high], unit).ShouldBe((min, max));
    }

    [GeneratedRegex("<div class=\"ss-small-multiple\" data-testid=\"levels-chart\".*?</details>", RegexOptions.Singleline)]
    private static partial Regex Chart();

    [GeneratedRegex("/Boards/\\d+")]
    private static partial Regex BoardLink();
}
