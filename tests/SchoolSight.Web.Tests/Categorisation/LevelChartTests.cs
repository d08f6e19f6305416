using System.Text.RegularExpressions;
using SchoolSight.Core.Categorisation;
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

    [Fact]
    public async Task ABoardPacksPdf_DrawsTheChartPerLocality_AboveItsTable()
    {
        var client = _app.ClientFor(Role.SeniorManager);
        var pack = BoardLink().Match(await client.GetStringAsync("/Boards")).Value;
        var html = await client.GetStringAsync(pack);
        var localities = Regex.Matches(html, "data-testid=\"levels-chart\" data-area=\"([^\"]+)\"").Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        localities.ShouldNotBeEmpty();

        var bytes = await (await client.GetAsync(pack + "?handler=Pdf")).Content.ReadAsByteArrayAsync();
        var text = await PdfText.ExtractAsync(bytes);
        var charts = text.IndexOf("Levels of support over the last 12 months", StringComparison.Ordinal);
        charts.ShouldBeGreaterThan(0);
        charts.ShouldBeLessThan(text.IndexOf("Schools by level of support", StringComparison.Ordinal));
        foreach (var locality in localities) text.IndexOf(locality, charts, StringComparison.Ordinal).ShouldBeGreaterThan(charts, $"a chart for {locality}");
        // The columns are drawn: the pages hold far more of the universal level's colour than the key's swatch alone.
        var universal = Convert.ToInt32(LevelCharts.Legend[2].Colour[1..], 16);
        (await PixelsAsync(bytes)).Count(p => p == universal).ShouldBeGreaterThan(1000, "the universal level's columns");
    }

    /// <summary>Every page's pixels as RGB (poppler's pdftoppm, 72 dpi).</summary>
    private static async Task<List<int>> PixelsAsync(byte[] pdf)
    {
        var folder = Directory.CreateTempSubdirectory("schoolsight-chart-").FullName;
        try
        {
            await File.WriteAllBytesAsync(Path.Combine(folder, "pack.pdf"), pdf);
            using (var process = System.Diagnostics.Process.Start("pdftoppm", ["-r", "72", Path.Combine(folder, "pack.pdf"), Path.Combine(folder, "page")])!)
                await process.WaitForExitAsync();
            var pixels = new List<int>();
            foreach (var page in Directory.GetFiles(folder, "page*.ppm"))
            {
                var ppm = await File.ReadAllBytesAsync(page);
                var header = 0;
                for (var fields = 0; fields < 4; header++) if (ppm[header] is (byte)'\n' or (byte)' ') fields++;
                for (var i = header; i + 2 < ppm.Length; i += 3) pixels.Add(ppm[i] << 16 | ppm[i + 1] << 8 | ppm[i + 2]);
            }
            return pixels;
        }
        finally
        {
            Directory.Delete(folder, true);
        }
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
