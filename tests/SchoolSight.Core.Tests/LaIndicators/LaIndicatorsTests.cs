using System.Text;
using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Core.LaIndicators;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Imports;
using SchoolSight.Domain.LaIndicators;
using SchoolSight.Domain.Register;
using SchoolSight.TestSupport;

namespace SchoolSight.Core.Tests.LaIndicators;

/// <summary>Importing the LA indicators file, the statistical neighbours, and the LA's comparison, on both databases.</summary>
public abstract class LaIndicatorsTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private static readonly int[] Neighbours = [936, 938, 886, 881, 919, 931, 825, 916, 885, 865];

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        await using var db = _database.CreateContext(new FixedCurrentUser("setup"));
        db.LocalAuthorities.Add(new LocalAuthority(850, "Hampshire"));
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private AppDbContext As(Role role) => _database.CreateContext(new FixedCurrentUser(role.ToString(), role));

    /// <summary>Hampshire and its ten neighbours (KS2 65 down to 55 in 2025; Hampshire 63, up from 61), the South East and England.</summary>
    private static byte[] File(int hampshire2025 = 63)
    {
        var lines = new List<string> { LaitFileReaderTests.Header };
        lines.Add("KS2RWM_Expected_STD,RWM,2024,Hampshire,61,850,South East");
        lines.Add($"KS2RWM_Expected_STD,RWM,2025,Hampshire,{hampshire2025},850,South East");
        lines.Add("TotAbs,Absence,2025,Hampshire,6.5,850,South East");
        lines.Add("CIN,CIN,2025,Hampshire,280,850,South East");
        foreach (var (code, i) in Neighbours.Select((c, i) => (c, i)))
        {
            lines.Add($"KS2RWM_Expected_STD,RWM,2025,LA {code},{65 - i},{code},South East");
            lines.Add($"TotAbs,Absence,2025,LA {code},{(i < 5 ? "6.5" : "x")},{code},South East");
        }
        lines.Add("KS2RWM_Expected_STD,RWM,2025,South East,62.4,989,NA");
        lines.Add("KS2RWM_Expected_STD,RWM,2025,England,62,970,NA");
        lines.Add("TotAbs,Absence,2025,England,6.9,970,NA");
        lines.Add("RTA,Road accidents,2014-16,Hampshire,5,850,South East");
        return Encoding.UTF8.GetBytes(string.Join("\n", lines));
    }

    private async Task<LaIndicatorsImportResult> ImportAsync(byte[] content, Role role = Role.LaAdministrator)
    {
        await using var db = As(role);
        var result = await new ImportLaIndicators(db).RunAsync(new MemoryStream(content), "lait_bds_long.csv");
        return result.Value!;
    }

    [Fact]
    public async Task AGoodFile_IsImportedWhole_AndAgainGivesTheSameFigures()
    {
        var first = await ImportAsync(File());
        (first.Applied, first.Figures, first.Las, first.RowsSkipped).ShouldBe((true, 27, 11, 1));
        var again = await ImportAsync(File());
        again.Applied.ShouldBeTrue();
        await using var db = As(Role.LaAdministrator);
        (await db.LaIndicatorFigures.CountAsync()).ShouldBe(27);
        (await db.Imports.CountAsync(i => i.Kind == ImportKind.LaIndicators && i.Outcome == ImportOutcome.Applied)).ShouldBe(2);
    }

    [Fact]
    public async Task ARejectedFile_ChangesNothing_AndIsRecorded()
    {
        await ImportAsync(File());
        var bad = Encoding.UTF8.GetBytes(LaitFileReaderTests.Header + "\nTotAbs,,2025,Hampshire,six,850,South East\n");
        var result = await ImportAsync(bad);
        (result.Applied, result.ErrorCount).ShouldBe((false, 1));
        result.Errors.Single().ToString().ShouldStartWith("Line 2, column Values:");
        await using var db = As(Role.LaAdministrator);
        (await db.LaIndicatorFigures.CountAsync()).ShouldBe(27);
        (await db.Imports.SingleAsync(i => i.Outcome == ImportOutcome.Rejected)).Kind.ShouldBe(ImportKind.LaIndicators);
    }

    [Fact]
    public async Task OnlyAnLaAdministrator_MayImport()
    {
        await using var db = As(Role.SeniorManager);
        (await new ImportLaIndicators(db).RunAsync(new MemoryStream(File()), "f.csv")).IsForbidden.ShouldBeTrue();
    }

    [Fact]
    public async Task TheComparison_ShowsEnglandTheRegionTheNeighboursAverage_TheRankAndTheTrend()
    {
        await ImportAsync(File());
        await using (var admin = As(Role.LaAdministrator))
            (await new SetStatisticalNeighbours(admin).RunAsync(string.Join(", ", Neighbours))).Succeeded.ShouldBeTrue();

        await using var db = As(Role.InterventionOfficer);
        var view = await new GetNeighbourComparison(db).RunAsync();
        (view.LaName, view.RegionName, view.Held, view.Neighbours.Count).ShouldBe(("Hampshire", "South East", true, 10));
        var ks2 = view.Rows.Single(r => r.Measure.Code == "KS2RWM_Expected_STD");
        (ks2.Year, ks2.La.Value, ks2.England.Value, ks2.Region.Value).ShouldBe(("2025", 63m, 62m, 62.4m));
        (ks2.NeighboursAverage, ks2.NeighboursWithFigure).ShouldBe((60.5m, 10));
        // 65, 64 better than 63; 63 shared with the third neighbour: rank 3 of 11, second quartile (3 × 4 > 11, 3 × 2 ≤ 11).
        ks2.Rank.ShouldBe(new NationalRank(3, 11));
        (ks2.Rank!.QuartileText, ks2.Trend, ks2.PreviousYear).ShouldBe(("second quartile", "improved", "2024"));
        ks2.HowWorkedOut(view).ShouldContain("ranked 3 of 11 LAs in England (second quartile)");

        var absence = view.Rows.Single(r => r.Measure.Code == "TotAbs");
        (absence.NeighboursAverage, absence.NeighboursWithFigure, absence.Rank).ShouldBe((6.5m, 5, new NationalRank(1, 6)));
        var cin = view.Rows.Single(r => r.Measure.Code == "CIN");
        (cin.La.Value, cin.Rank).ShouldBe((280m, null));
        view.Rows.Single(r => r.Measure.Code == "AVG_Attain8_Score").Year.ShouldBeNull();
    }

    [Fact]
    public async Task ANeighbourList_IsCheckedWhole_AgainstTheLasOfTheFile()
    {
        await ImportAsync(File());
        await using var db = As(Role.LaAdministrator);
        var result = await new SetStatisticalNeighbours(db).RunAsync("936, 938, 886, 881, 919, 931, 825, 916, 885, 999");
        result.Errors.Single().Message.ShouldBe("999 is not an LA in the LA indicators file imported.");
        (await db.StatisticalNeighbours.CountAsync()).ShouldBe(0);
        await using var smt = As(Role.SeniorManager);
        (await new SetStatisticalNeighbours(smt).RunAsync(string.Join(",", Neighbours))).IsForbidden.ShouldBeTrue();
    }

    [Fact]
    public async Task WithNothingImported_TheComparisonSaysSo()
    {
        await using var db = As(Role.SeniorManager);
        var view = await new GetNeighbourComparison(db).RunAsync();
        (view.Held, view.NeighboursSet, view.LaName).ShouldBe((false, false, "Hampshire"));
        view.Rows.ShouldAllBe(r => r.Year == null);
    }
}

public sealed class LaIndicatorsTests_Sqlite() : LaIndicatorsTests(DatabaseProvider.Sqlite);
public sealed class LaIndicatorsTests_Postgres() : LaIndicatorsTests(DatabaseProvider.Postgres);
