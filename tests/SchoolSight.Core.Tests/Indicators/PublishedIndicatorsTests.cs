using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Core.Imports.Gias;
using SchoolSight.Core.Indicators;
using SchoolSight.Core.Indicators.Storage;
using SchoolSight.Core.Published;
using SchoolSight.Core.Tests.Register;
using SchoolSight.Domain.Indicators;
using SchoolSight.Domain.Indicators.Computation;
using SchoolSight.TestSupport;

namespace SchoolSight.Core.Tests.Indicators;

/// <summary>
/// A real LA without pupil-level data: Hampshire's register from GIAS and its published KS2 2018/19 results. The
/// indicators are computed from the published figures straight after the import, the LA's figure agrees with the DfE's
/// own LA row, and England is the DfE's state-funded England row.
/// </summary>
public abstract class PublishedIndicatorsTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private readonly IndicatorCatalogueSource _source = IndicatorCatalogueSource.Default;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        await using var db = _database.AsAdmin();
        GiasImportScope.TryParse("850", out var scope, out _);
        await using var stream = File.OpenRead(SharedData.GiasHampshireSurrey);
        (await new ImportGias(db).RunAsync(new GiasImportRequest(stream, "gias.csv", scope))).Value!.Applied.ShouldBeTrue();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<PublishedImportResult> ImportKs2Async()
    {
        await using var db = _database.AsAdmin();
        await using var stream = File.OpenRead(SharedData.Ks2Hampshire(2018));
        return (await new ImportPublished(db, new ComputeIndicators(db, _source)).RunAsync(new PublishedImportRequest(PublishedSource.Ks2, stream, "850_ks2final_2018-19.csv", 2018))).Value!;
    }

    private async Task<IndicatorValue> ValueAsync(AreaKind kind, string code, string indicator)
    {
        await using var db = _database.AsAdmin();
        var set = await db.IndicatorResults.SingleAsync(r => r.AreaKind == kind && r.AreaCode == code && r.AcademicYear == 2018);
        var tallies = TalliesCodec.Decode(set.Data, _source.Computer.Slots);
        var slot = tallies.SlotOf(indicator);
        return IndicatorValue.From(_source.Catalogue[indicator], tallies[slot, PupilGroup.All])!;
    }

    [Fact]
    public async Task PublishedResults_AreComputedAfterTheImport_AndAgreeWithTheDfEsOwnRows()
    {
        var result = await ImportKs2Async();

        result.Recomputed.ShouldNotBeNull();
        result.Recomputed.SchoolYearsComputed.ShouldBeGreaterThan(250);
        // The DfE's LA row: 68% of 14,855 pupils. SchoolSight sums the schools it holds that have a published figure: a
        // school the 2022 register does not hold, or shown as SUPP, has none to add. Whatever those missing pupils
        // achieved, the DfE's figure must lie in the range they allow around SchoolSight's.
        var la = await ValueAsync(AreaKind.LocalAuthority, "850", "KS2_RWM_EXP");
        const double DfeCohort = 14855, DfeFigure = 68;
        la.Denominator.ShouldBeInRange(0.98 * DfeCohort, DfeCohort);
        var missing = DfeCohort - la.Denominator;
        var lowest = la.Numerator / DfeCohort * 100;
        var highest = (la.Numerator + missing) / DfeCohort * 100;
        DfeFigure.ShouldBeInRange(lowest - 0.5, highest + 0.5);
        // England: the DfE's state-funded row (65% of 644,967), not the sum of Hampshire's schools.
        var england = await ValueAsync(AreaKind.England, IndicatorResultSet.EnglandCode, "KS2_RWM_EXP");
        england.Value.ShouldBe(65);
        england.Denominator.ShouldBe(644967);
        // An average keeps its published confidence interval.
        var progress = await ValueAsync(AreaKind.LocalAuthority, "850", "KS2_READ_PROG");
        progress.Lower.ShouldNotBeNull();
    }

    [Fact]
    public async Task ASchoolsPage_ShowsItsPublishedFigure()
    {
        await ImportKs2Async();
        await using var db = _database.AsAdmin();
        var figure = await db.PublishedFigures.Where(f => f.Measure == "KS2.PTRWM_EXP" && f.AcademicYear == 2018 && f.AreaKind == AreaKind.School && f.Value != null)
            .OrderBy(f => f.AreaCode).FirstAsync();
        var view = (await new GetSchoolIndicators(db, _source).RunAsync(int.Parse(figure.AreaCode)))!;
        view.Rows.Single(r => r.Indicator.Id == "KS2_RWM_EXP").School.Value!.Value.ShouldBe((double)figure.Value!.Value, 1e-9);
    }

    [Fact]
    public async Task ImportingTheSameFileAgain_RecomputesNothing()
    {
        await ImportKs2Async();
        (await ImportKs2Async()).Recomputed.ShouldBeNull();
    }
}

public sealed class PublishedIndicatorsTests_Sqlite() : PublishedIndicatorsTests(DatabaseProvider.Sqlite);
public sealed class PublishedIndicatorsTests_Postgres() : PublishedIndicatorsTests(DatabaseProvider.Postgres);
