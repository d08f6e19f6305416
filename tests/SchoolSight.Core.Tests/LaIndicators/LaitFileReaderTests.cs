using System.Text;
using SchoolSight.Core.LaIndicators;
using SchoolSight.Domain.LaIndicators;
using SchoolSight.TestSupport;

namespace SchoolSight.Core.Tests.LaIndicators;

/// <summary>Reading the DfE's LA indicators file: the real one whole, and every kind of bad input with its line and column.</summary>
public sealed class LaitFileReaderTests
{
    public const string Header = "Short Desc,Data item,Years,LA and Regions,Values,LA Number,Region";

    private static Task<LaitFile> ReadAsync(params string[] lines) =>
        LaitFileReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n")));

    private static string Problems(LaitFile file) => string.Join("; ", file.Errors.Select(e => e.ToString()));

    [Fact]
    public async Task AGoodFile_KeepsHeadlineFigures_LaRegionAndEngland_SkippingOtherMeasures()
    {
        var file = await ReadAsync(Header,
            "KS2RWM_Expected_STD,Pupils meeting the expected standard,2024,Hampshire,64,850,South East",
            "KS2RWM_Expected_STD,Pupils meeting the expected standard,2025,Hampshire,63,850,South East",
            "KS2RWM_Expected_STD,Pupils meeting the expected standard,2025,South East,64.5,989,NA",
            "KS2RWM_Expected_STD,Pupils meeting the expected standard,2025,England,62,970,NA",
            "TotAbs,Total absence,2025,Hampshire,-,850,South East",
            "TotAbs,Total absence,2024,Hampshire,6.8E+00,850,South East",
            "RTA,Children killed or seriously injured,2014-16,Hampshire,12.1,850,South East");
        Problems(file).ShouldBeEmpty();
        (file.RowsRead, file.Rows.Count, file.RowsSkipped, file.MeasuresSkipped).ShouldBe((7, 6, 1, 1));
        var la = file.Rows.Single(r => r.Measure == "KS2RWM_Expected_STD" && r.Year == "2025" && r.AreaCode == 850);
        (la.Area, la.AreaName, la.Region, la.Value, la.YearOrder).ShouldBe((LaIndicatorArea.La, "Hampshire", "South East", 63m, 1));
        file.Rows.Single(r => r.AreaCode == 989).Area.ShouldBe(LaIndicatorArea.Region);
        file.Rows.Single(r => r.AreaCode == 970 && r.Measure == "KS2RWM_Expected_STD").Area.ShouldBe(LaIndicatorArea.England);
        file.Rows.Single(r => r.Measure == "TotAbs" && r.Year == "2025").Marker.ShouldBe("-");
        file.Rows.Single(r => r.Measure == "TotAbs" && r.Year == "2024").Value.ShouldBe(6.8m);
    }

    [Theory]
    [InlineData("x")]
    [InlineData("c")]
    [InlineData("z")]
    [InlineData("..")]
    [InlineData("-")]
    public async Task AMarker_IsKeptAsTheMarker(string marker)
    {
        var file = await ReadAsync(Header, $"TotAbs,Total absence,2025,Hampshire,{marker},850,South East");
        Problems(file).ShouldBeEmpty();
        (file.Rows.Single().Value, file.Rows.Single().Marker).ShouldBe((null, marker));
    }

    [Fact]
    public async Task ColumnsInAnyOrder_AndUnknownColumns_AreAccepted()
    {
        var file = await ReadAsync("Region,LA Number,Values,Notes,LA and Regions,Years,Short Desc", "South East,850,6.1,anything,Hampshire,2025,TotAbs");
        Problems(file).ShouldBeEmpty();
        file.Rows.Single().Value.ShouldBe(6.1m);
    }

    public static TheoryData<string, int?, string, string> Malformed => new()
    {
        { "TotAbs,,2025,Hampshire,six,850,South East", 2, "Values", "not a number" },
        { "TotAbs,,2025,Hampshire,6.1,85,South East", 2, "LA Number", "not an LA code" },
        { "TotAbs,,2025,Hampshire,6.1,ABC,South East", 2, "LA Number", "not an LA code" },
        { "TotAbs,,,Hampshire,6.1,850,South East", 2, "Years", "the year is blank" },
        { "TotAbs,,2025,,6.1,850,South East", 2, "LA and Regions", "name is blank" },
        { "TotAbs,,2025,Hampshire,6.1,850,NA", 2, "Region", "needs its region" },
        { "TotAbs,,2025,Hampshire,6.1,850,", 2, "Region", "needs its region" },
        { ",,2025,Hampshire,6.1,850,South East", 2, "Short Desc", "short code is blank" },
        { "TotAbs,,2025,Hampshire,6.1,850,South East,extra", 2, "column 8", "8 fields" },
        { "TotAbs,,2025,Hampshire,\"6.1,850,South East", 2, null!, "" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task AMalformedRow_RejectsTheFile_WithItsLineAndColumn(string row, int? line, string column, string problem)
    {
        var file = await ReadAsync(Header, row);
        file.ErrorCount.ShouldBeGreaterThan(0);
        file.Rows.ShouldBeEmpty();
        var error = file.Errors.First();
        if (column is not null) (error.Line, error.Column).ShouldBe((line, column), Problems(file));
        error.Problem.ShouldContain(problem, Case.Insensitive);
    }

    [Fact]
    public async Task ARepeatedFigure_IsRefused_NamingTheFirstLine()
    {
        var file = await ReadAsync(Header, "TotAbs,,2025,Hampshire,6.1,850,South East", "TotAbs,,2025,Hampshire,6.2,850,South East");
        var error = file.Errors.Single();
        (error.Line, error.Problem).ShouldBe((3, "TotAbs 2025 for 850 is given twice (first on line 2)"));
    }

    [Theory]
    [InlineData("Short Desc,Data item,Years,LA and Regions,LA Number,Region", "Values")]
    [InlineData("Short Desc,Years,LA and Regions,Values,LA Number", "Region")]
    public async Task AMissingColumn_IsNamed(string header, string column)
    {
        var file = await ReadAsync(header, "TotAbs,2025,Hampshire,6.1,850");
        (file.Errors.Single().Line, file.Errors.Single().Column).ShouldBe((1, column));
    }

    [Fact]
    public async Task AnEmptyFile_IsRefused() =>
        (await LaitFileReader.ReadAsync(new MemoryStream())).Errors.Single().Problem.ShouldContain("empty");

    /// <summary>
    /// The real file (641,070 rows, 434 measures) read whole: 22,610 rows of the 14 headline measures kept. The ranks
    /// were counted by hand with a short script over the raw CSV (LA rows only: codes other than 970 and 980–990, with
    /// a number): Hampshire's 63.0% of pupils meeting the expected standard in reading, writing and mathematics in 2025
    /// is beaten by 62 of the 151 LAs with a figure (14 others share 63.0), so rank 63, second quartile; Surrey's overall
    /// absence of 6.16% in 2025 is beaten (lower) by 20 of 153 LAs: rank 21, top quartile.
    /// </summary>
    [Fact]
    [Trait("Category", "Battery")]
    public async Task TheRealFile_IsReadWhole_AndTwoRanksMatchTheCountByHand()
    {
        await using var content = File.OpenRead(SharedData.Path("la-indicators", "lait_bds_long.csv"));
        var file = await LaitFileReader.ReadAsync(content);
        Problems(file).ShouldBeEmpty();
        (file.RowsRead, file.Rows.Count, file.MeasuresSkipped).ShouldBe((641_070, 22_610, 420));
        file.Rows.Select(r => r.Measure).Distinct().Count().ShouldBe(HeadlineLaIndicators.All.Count);

        NationalRank RankOf(string measure, string year, int la)
        {
            var all = file.Rows.Where(r => r.Measure == measure && r.Year == year && r.Area == LaIndicatorArea.La && r.Value is not null).ToList();
            var own = all.Single(r => r.AreaCode == la).Value!.Value;
            return NationalRank.Among(own, [.. all.Select(r => r.Value!.Value)], HeadlineLaIndicators.Find(measure)!.Polarity)!;
        }
        file.Rows.Single(r => r.Measure == "KS2RWM_Expected_STD" && r.Year == "2025" && r.AreaCode == 850).Value.ShouldBe(63m);
        RankOf("KS2RWM_Expected_STD", "2025", 850).ShouldBe(new NationalRank(63, 151));
        RankOf("KS2RWM_Expected_STD", "2025", 850).Quartile.ShouldBe(2);
        RankOf("TotAbs", "2025", 936).ShouldBe(new NationalRank(21, 153));
        RankOf("TotAbs", "2025", 936).Quartile.ShouldBe(1);
    }
}
