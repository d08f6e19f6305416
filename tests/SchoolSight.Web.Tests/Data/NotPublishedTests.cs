using System.Text.Json;
using SchoolSight.Domain.Access;

namespace SchoolSight.Web.Tests.Data;

/// <summary>A year the DfE published no figure for a measure: pages, exports and the API say so, and why, instead of a figure.</summary>
public abstract partial class DataPagesTests
{
    private const string NoProgressScores = "Not published for 2024/25, because these pupils have no key stage 1 results to measure progress from";

    [Fact]
    public async Task SchoolDataPage_ShowsWhyThereIsNoProgressScoreFor2024To25()
    {
        var html = await Officer.GetStringAsync($"/Schools/{Primary}/Data?year=2024");
        var row = Row(html, "data-indicator=\"KS2_READ_PROG\"");
        row.ShouldContain($"<strong>{NoProgressScores}");
        row.ShouldContain("not published");
        // The floor standard ended with 2018/19: listed for a primary school, with the reason, never a figure.
        Row(html, "data-indicator=\"KS2_BELOW_FLOOR\"").ShouldContain("because the DfE stopped setting floor standards after 2018/19");
        // A secondary measure is not listed for a primary school at all.
        html.ShouldNotContain("data-indicator=\"KS4_P8\"");

        var one = await Officer.GetStringAsync($"/Schools/{Primary}/Data/KS2_READ_PROG?year=2024");
        one.ShouldContain(NoProgressScores);
    }

    [Fact]
    public async Task ExportsAndApi_SayNotPublished_InsteadOfAFigure()
    {
        var csv = Csv(await Officer.GetByteArrayAsync($"/Schools/{Primary}/Data?year=2024&format=csv"));
        var header = csv[0];
        var progress = csv.Single(r => r[0] == "KS2_READ_PROG");
        progress[header.IndexOf("School")].ShouldStartWith(NoProgressScores);
        progress[header.IndexOf("LA 999")].ShouldStartWith(NoProgressScores);

        var school = await Json(Officer, $"/api/v1/schools/{Primary}/indicators?year=2024");
        var row = school.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("indicator").GetProperty("id").GetString() == "KS2_READ_PROG");
        row.GetProperty("school").GetProperty("value").ValueKind.ShouldBe(JsonValueKind.Null);
        row.GetProperty("school").GetProperty("notPublished").GetString().ShouldStartWith(NoProgressScores);
        row.GetProperty("benchmarks").EnumerateArray().ShouldAllBe(b => b.GetProperty("figure").GetProperty("notPublished").GetString()!.StartsWith(NoProgressScores));

        var catalogue = await Json(App.ClientFor(Role.Governor), "/api/v1/indicators");
        var p8 = catalogue.EnumerateArray().Single(i => i.GetProperty("id").GetString() == "KS4_P8");
        p8.GetProperty("notPublished").EnumerateArray().Select(g => g.GetProperty("years").GetString())
            .ShouldBe(["up to 2014/15", "2019/20 to 2020/21", "2024/25 to 2025/26"]);
    }

    [Fact]
    public async Task LaPage_AndItsApi_SayNotPublished_ForEveryArea()
    {
        var html = await Officer.GetStringAsync("/Data/La?indicator=KS2_READ_PROG&year=2024");
        html.ShouldContain(NoProgressScores);

        var la = await Json(Officer, "/api/v1/areas/la/indicators/KS2_READ_PROG?year=2024");
        la.GetProperty("area").GetProperty("notPublished").GetString().ShouldStartWith(NoProgressScores);
        la.GetProperty("england").GetProperty("notPublished").GetString().ShouldStartWith(NoProgressScores);
        la.GetProperty("schools").GetArrayLength().ShouldBe(0);
    }
}
