using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SchoolSight.Cli;
using SchoolSight.Cli.Commands;
using SchoolSight.Core.Data;
using SchoolSight.Core.Imports.Gias;
using SchoolSight.Core.Indicators;
using SchoolSight.Core.Published;
using SchoolSight.Domain.Indicators;
using SchoolSight.Domain.Register;
using SchoolSight.TestSupport;

namespace SchoolSight.Cli.Tests;

/// <summary><c>schoolsight figures</c> over Hampshire's real register and its KS2 2018-19 file.</summary>
public abstract class FiguresCommandTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        _services = CliContext.Services(_database.Options, "cli:analyst");
        using var scope = _services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        GiasImportScope.TryParse("850", out var la, out _);
        await using (var gias = File.OpenRead(SharedData.GiasHampshireSurrey))
            (await new ImportGias(db).RunAsync(new GiasImportRequest(gias, "gias.csv", la))).Value!.Applied.ShouldBeTrue();
        await db.SaveChangesAsync();
        await using var ks2 = File.OpenRead(SharedData.Ks2Hampshire(2018));
        (await scope.ServiceProvider.GetRequiredService<ImportPublished>().RunAsync(new PublishedImportRequest(PublishedSource.Ks2, ks2, "850_ks2final_2018-19.csv", 2018))).Value!.Applied.ShouldBeTrue();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task<(int Exit, string Output, string Error)> RunAsync(string area, int? year, bool json)
    {
        using var scope = _services.CreateScope();
        var (output, error) = (new StringWriter(), new StringWriter());
        var exit = await FiguresCommand.WriteAsync(scope.ServiceProvider, new FiguresRequest(FiguresArea.Parse(area)!, year), json, output, error, default);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Figures_ForAnLa_PrintsARowPerIndicatorAndGroup_WithTheDfEsLaRowBeside()
    {
        var (exit, output, error) = await RunAsync("la:850", 2018, json: false);

        exit.ShouldBe(ExitCodes.Ok);
        error.ShouldBeEmpty();
        output[0].ShouldNotBe('\uFEFF');
        var rows = CsvRows.Read(System.Text.Encoding.UTF8.GetBytes(output));
        rows[0].ShouldBe(AreaFigures.Columns);
        var rwm = rows.Single(r => r[2] == "KS2_RWM_EXP" && r[4] == "All");
        rwm[0].ShouldBe("la:850");
        rwm[1].ShouldBe("2018/19");
        rwm[5].ShouldBe("PTRWM_EXP");
        double.Parse(rwm[6], System.Globalization.CultureInfo.InvariantCulture).ShouldBe(68, 1);
        rwm[12].ShouldBe("14855");
        rwm[14].ShouldBe("68");
        rows.ShouldContain(r => r[2] == "KS2_WRIT_PROG" && r[5] == "WRITPROG");
        rows.ShouldContain(r => r[2] == "KS2_RWM_HIGH" && r[5] == "PTRWM_HIGH");
    }

    [Fact]
    public async Task Figures_ForASchool_AsJson_HasItsOwnPublishedFigures()
    {
        var (exit, output, _) = await RunAsync("school:115852", null, json: true);

        exit.ShouldBe(ExitCodes.Ok);
        using var document = JsonDocument.Parse(output);
        document.RootElement.GetProperty("academicYear").GetInt32().ShouldBe(2018);
        var high = document.RootElement.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("indicatorId").GetString() == "KS2_RWM_HIGH");
        high.GetProperty("value").GetDouble().ShouldBe(12);
        high.GetProperty("publishedValue").GetDecimal().ShouldBe(12m);
        high.GetProperty("schools").GetInt32().ShouldBe(1);
        high.GetProperty("group").GetString().ShouldBe("All");
    }

    [Fact]
    public async Task Figures_ForAYearNotHeld_OrAnUnknownArea_SaySo()
    {
        var (_, _, error) = await RunAsync("la:850", 2015, json: false);
        error.ShouldContain("Hampshire has no figures for 2015/16: it has 2018/19.");
        var (exit, _, unknown) = await RunAsync("school:999999", null, json: false);
        exit.ShouldBe(ExitCodes.Failed);
        unknown.ShouldContain("There is no school 999999");
        FiguresCommand.Create().Parse(["--area", "county:1"]).Errors.ShouldContain(e => e.Message.Contains("is not an area"));
    }
}

public sealed class FiguresCommandTests_Sqlite() : FiguresCommandTests(DatabaseProvider.Sqlite);
public sealed class FiguresCommandTests_Postgres() : FiguresCommandTests(DatabaseProvider.Postgres);
