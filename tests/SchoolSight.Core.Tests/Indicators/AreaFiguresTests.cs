using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Core.Imports.Gias;
using SchoolSight.Core.Indicators;
using SchoolSight.Core.Published;
using SchoolSight.Core.Tests.Register;
using SchoolSight.Domain.Indicators;
using SchoolSight.Domain.Register;
using SchoolSight.TestSupport;

namespace SchoolSight.Core.Tests.Indicators;

/// <summary>
/// LA figures built as the DfE builds its LA rows, from real Hampshire files: only the school types the DfE counts,
/// with their coverage against the DfE's own LA row, and the measures computed from the published files alone.
/// </summary>
public abstract class AreaFiguresTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private readonly IndicatorCatalogueSource _source = IndicatorCatalogueSource.Default;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task RegisterAsync(GiasTestFile extract)
    {
        await using var db = _database.AsAdmin();
        await WholeLaRegister.ImportAsync(db, 850, "Hampshire", extract);
    }

    private async Task ImportAsync(PublishedSource source, string file, int year)
    {
        await using var db = _database.AsAdmin();
        await using var stream = File.OpenRead(file);
        (await new ImportPublished(db, new ComputeIndicators(db, _source)).RunAsync(new PublishedImportRequest(source, stream, Path.GetFileName(file), year))).Value!.Applied.ShouldBeTrue();
    }

    private async Task<AreaFigures> FiguresAsync(string area, int year)
    {
        await using var db = _database.AsAdmin();
        return (await new GetAreaFigures(db, _source).RunAsync(new FiguresRequest(FiguresArea.Parse(area)!, year)))!;
    }

    private static FigureLine Line(AreaFigures figures, string indicator) => figures.Rows.Single(r => r.IndicatorId == indicator && r.Group == PupilGroup.All);

    /// <summary>Only these schools of the real GIAS extract are registered.</summary>
    private static GiasTestFile Only(params int[] urns) =>
        GiasTestFile.Real().KeepOnly(r => urns.Contains(int.Parse(r[0], CultureInfo.InvariantCulture)));

    [Fact]
    public async Task AWholeLasExtract_WithIndependentAndNonMaintainedSchools_CountsOnlyStateFundedSchoolsInTheLaFigure()
    {
        var ks4 = SharedData.Ks4Hampshire(2017);
        var schools = WholeLaRegister.SchoolsIn(ks4, 850);
        schools.Count(s => s.NfType is "IND" or "INDSPEC").ShouldBe(34);
        schools.Count(s => s.NfType == "NMSS").ShouldBe(1);
        await RegisterAsync(WholeLaRegister.Extract(850, schools, "Secondary"));
        await ImportAsync(PublishedSource.Ks4, ks4, 2017);

        // By hand from the file's rows: Σ ATT8SCR × TPUP / Σ TPUP over the state-funded schools with a published score.
        var rows = CsvRows.Read(File.ReadAllBytes(ks4));
        int At(string column) => rows[0].IndexOf(column);
        double? Number(List<string> row, string column) => double.TryParse(row[At(column)].TrimEnd('%'), CultureInfo.InvariantCulture, out var v) ? v : null;
        var withScore = rows.Skip(1).Where(r => r[At("RECTYPE")] is "1" or "2" && Number(r, "ATT8SCR") is not null && Number(r, "TPUP") is > 0).ToList();
        var stateFunded = withScore.Where(r => r[At("NFTYPE")] is not ("IND" or "INDSPEC" or "NMSS")).ToList();
        var expected = stateFunded.Sum(r => Number(r, "ATT8SCR")!.Value * Number(r, "TPUP")!.Value) / stateFunded.Sum(r => Number(r, "TPUP")!.Value);
        var withIndependents = withScore.Sum(r => Number(r, "ATT8SCR")!.Value * Number(r, "TPUP")!.Value) / withScore.Sum(r => Number(r, "TPUP")!.Value);

        var la = Line(await FiguresAsync("la:850", 2017), "KS4_ATT8");
        la.Value!.Value.ShouldBe(expected, 1e-9);
        la.Pupils!.Value.ShouldBe(stateFunded.Sum(r => Number(r, "TPUP")!.Value), 1e-9);
        la.Schools.ShouldBe(stateFunded.Count);
        Math.Abs(la.Value.Value - withIndependents).ShouldBeGreaterThan(0.3);
        // The DfE's own LA row (RECTYPE 4): Attainment 8 of 47.2 over 12,497 pupils; SchoolSight's figure is within rounding.
        la.PublishedValue.ShouldBe(47.2m);
        la.PublishedPupils.ShouldBe(12497);
        la.Value.Value.ShouldBe(47.2, 0.1);
        la.Partial.ShouldBeFalse();
        la.DfeColumn.ShouldBe("ATT8SCR");

        await using var db = _database.AsAdmin();
        var view = (await new GetAreaIndicator(db, _source).RunAsync(new AreaIndicatorRequest(AreaKind.LocalAuthority, "850", "KS4_ATT8", 2017)))!;
        // Those with an Attainment 8 score in the file (the others are SUPP or NE): 21 of its 24 independent schools, 4 of
        // its 10 independent special schools and its one non-maintained special school.
        view.Coverage.NotCounted.ShouldBe([new SchoolsNotCounted("independent", 21), new SchoolsNotCounted("independent special", 4), new SchoolsNotCounted("non-maintained special", 1)]);
        view.Coverage.Counted("Hampshire").ShouldContain("Not counted: 21 independent schools, 4 independent special schools, 1 non-maintained special school.");
        view.Coverage.Warning.ShouldBeNull();
        // The independent schools still have their own figures on their pages and in the ranking.
        view.Schools.ShouldContain(s => s.Name == "Winchester College");
    }

    [Fact]
    public async Task AnLaFigure_FromTwoOfItsSchools_SaysSoAndWarns()
    {
        // Testwood School (107 pupils, 19% entering the EBacc) and Bohunt School (345 pupils, 48%), KS4 2017-18.
        var ks4 = SharedData.Ks4Hampshire(2017);
        await RegisterAsync(WholeLaRegister.Extract(850, WholeLaRegister.SchoolsIn(ks4, 850).Where(s => s.Urn is 137315 or 136643), "Secondary")
            .KeepOnly(r => r[0] is "137315" or "136643"));
        await ImportAsync(PublishedSource.Ks4, ks4, 2017);

        var la = Line(await FiguresAsync("la:850", 2017), "KS4_EBACC_ENTRY");
        la.Value!.Value.ShouldBe((0.19 * 107 + 0.48 * 345) / 452 * 100, 1e-9);
        la.Schools.ShouldBe(2);
        la.Pupils.ShouldBe(452);
        la.PublishedPupils.ShouldBe(12497);
        la.PercentOfPublished!.Value.ShouldBe(100.0 * 452 / 12497, 1e-9);
        la.Partial.ShouldBeTrue();

        await using var db = _database.AsAdmin();
        var view = (await new GetAreaIndicator(db, _source).RunAsync(new AreaIndicatorRequest(AreaKind.LocalAuthority, "850", "KS4_ATT8", 2017)))!;
        view.Coverage.Summary.ShouldBe("2 schools, 452 of 12,497 pupils (3.6%)");
        view.Coverage.Warning.ShouldNotBeNull();
        view.Coverage.Warning.ShouldContain("3.6% of the pupils in the DfE's own figure");
    }

    [Fact]
    public async Task TheMeasuresOnlyPublishedFilesHold_AreComputedForSchoolsAndTheLa_WeightedAsTheDfEWeightsThem()
    {
        // KS2 2018-19: Balksbury Junior School (90 pupils, 12% at the higher standard, writing progress -1.9 with 100%
        // of pupils included) and Portway Junior School (98 pupils, 6%, -3.4 with 99% included).
        await RegisterAsync(Only(115852, 115853));
        await ImportAsync(PublishedSource.Ks2, SharedData.Ks2Hampshire(2018), 2018);

        var school = await FiguresAsync("school:115852", 2018);
        Line(school, "KS2_RWM_HIGH").Value.ShouldBe(12);
        Line(school, "KS2_RWM_HIGH").PublishedValue.ShouldBe(12m);
        Line(school, "KS2_WRIT_PROG").Value!.Value.ShouldBe(-1.9, 1e-9);
        Line(school, "KS2_WRIT_PROG").DfeColumn.ShouldBe("WRITPROG");

        var la = await FiguresAsync("la:850", 2018);
        Line(la, "KS2_RWM_HIGH").Value!.Value.ShouldBe((0.12 * 90 + 0.06 * 98) / 188 * 100, 1e-9);
        // Progress: the mean over the pupils with a score, so each school weighs its cohort × its coverage.
        Line(la, "KS2_WRIT_PROG").Value!.Value.ShouldBe((-1.9 * 90 + -3.4 * 98 * 0.99) / (90 + 98 * 0.99), 1e-9);
        Line(la, "KS2_WRIT_PROG").Pupils!.Value.ShouldBe(90 + 98 * 0.99, 1e-9);
        // The DfE's LA row publishes writing progress -0.1 for 14,855 pupils, 97% of them with a score.
        Line(la, "KS2_WRIT_PROG").PublishedValue.ShouldBe(-0.1m);
        Line(la, "KS2_WRIT_PROG").PublishedPupils!.Value.ShouldBe(14855 * 0.97, 1e-9);
    }

    [Fact]
    public async Task TheFigures_OfAnLaAndASchool_HaveARowPerIndicatorAndGroup_AsCsv()
    {
        await RegisterAsync(Only(115852, 115853));
        await ImportAsync(PublishedSource.Ks2, SharedData.Ks2Hampshire(2018), 2018);

        var csv = CsvRows.Read(SchoolSight.Core.Exports.TableExport.Csv((await FiguresAsync("la:850", 2018)).Table()));
        csv[0].ShouldBe(AreaFigures.Columns);
        var rwm = csv.Single(r => r[2] == "KS2_RWM_EXP");
        rwm[0].ShouldBe("la:850");
        rwm[1].ShouldBe("2018/19");
        rwm[4].ShouldBe("All");
        rwm[5].ShouldBe("PTRWM_EXP");
        rwm[10].ShouldBe("2");
        rwm[12].ShouldBe("14855");
        rwm[15].ShouldBe("yes");
        (await FiguresAsync("school:115853", 2018)).Rows.ShouldContain(r => r.IndicatorId == "KS2_MAT_PROG" && r.Schools == 1);
    }

    /// <summary>
    /// The ranking keeps special schools and alternative provision apart from mainstream schools (by the register's type
    /// group), each ranked among their own, unless the reader asks to rank every school together.
    /// </summary>
    [Fact]
    public async Task SpecialSchoolsAndAlternativeProvision_AreRankedApartFromMainstreamSchools_UnlessAskedToInclude()
    {
        var ks4 = SharedData.Ks4Hampshire(2017);
        await RegisterAsync(WholeLaRegister.Extract(850, WholeLaRegister.SchoolsIn(ks4, 850), "Secondary"));
        await ImportAsync(PublishedSource.Ks4, ks4, 2017);
        await using var read = _database.AsAdmin();
        var groups = (await read.Schools.AsNoTracking().Select(s => new { s.Urn, s.Details.TypeOfEstablishment, s.Details.EstablishmentTypeGroup }).ToListAsync())
            .ToDictionary(s => s.Urn, s => EstablishmentTypes.TypeGroupOf(s.TypeOfEstablishment, s.EstablishmentTypeGroup));

        var apart = (await new GetAreaIndicator(read, _source).RunAsync(new AreaIndicatorRequest(AreaKind.LocalAuthority, "850", "KS4_ATT8", 2017)))!;
        var ranked = apart.Schools.Where(r => r.Rank is not null).ToList();
        var special = ranked.Where(r => r.RankedApart).ToList();
        var mainstream = ranked.Where(r => !r.RankedApart).ToList();
        special.Count.ShouldBeGreaterThan(5, "Hampshire's special schools have Attainment 8 scores");
        special.ShouldAllBe(r => groups[r.Urn!.Value].RankedApartFromMainstream());
        mainstream.ShouldAllBe(r => !groups[r.Urn!.Value].RankedApartFromMainstream());
        mainstream.Select(r => r.Rank!.Value).ShouldBe(Enumerable.Range(1, mainstream.Count), "mainstream schools ranked among themselves");
        special.Select(r => r.Rank!.Value).ShouldBe(Enumerable.Range(1, special.Count), "special schools ranked among themselves");
        ranked.IndexOf(special[0]).ShouldBe(mainstream.Count, "the special schools come after the mainstream ones");

        var together = (await new GetAreaIndicator(read, _source).RunAsync(new AreaIndicatorRequest(AreaKind.LocalAuthority, "850", "KS4_ATT8", 2017, IncludeSpecialAndAlternative: true)))!;
        together.Schools.ShouldAllBe(r => !r.RankedApart);
        together.Schools.Where(r => r.Rank is not null).Select(r => r.Rank!.Value).ShouldBe(Enumerable.Range(1, ranked.Count));
        together.Area.ShouldBe(apart.Area, "the LA's own figure does not change with the ranking");
    }
}

public sealed class AreaFiguresTests_Sqlite() : AreaFiguresTests(DatabaseProvider.Sqlite);
public sealed class AreaFiguresTests_Postgres() : AreaFiguresTests(DatabaseProvider.Postgres);
