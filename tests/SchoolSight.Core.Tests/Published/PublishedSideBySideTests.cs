using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Core.Published;
using SchoolSight.Domain.Indicators;
using SchoolSight.Domain.Published;
using SchoolSight.TestSupport;

namespace SchoolSight.Core.Tests.Published;

/// <summary>
/// Several LAs' own files and the national ones, for the same source and year, held side by side: a file replaces only
/// its own figures, and the later import of the same school's or area's row replaces the earlier one. On both databases.
/// </summary>
public abstract class PublishedSideBySideTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const int Hampshire = 850;
    private const int Surrey = 936;

    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<PublishedImportResult> ImportAsync(PublishedSource source, CsvTestFile file, string fileName, int? year, bool allSchools = true)
    {
        await using var db = _database.CreateContext();
        var result = (await new ImportPublished(db).RunAsync(new PublishedImportRequest(source, new MemoryStream(file.ToBytes()), fileName, year, allSchools))).Value!;
        result.Errors.ShouldBeEmpty();
        result.Applied.ShouldBeTrue();
        return result;
    }

    private async Task<List<PublishedFigure>> FiguresAsync()
    {
        await using var db = _database.CreateContext();
        return await db.PublishedFigures.AsNoTracking().ToListAsync();
    }

    private static (long, AreaKind, string, string, decimal?, string?, long) Row(PublishedFigure f) =>
        (f.Id, f.AreaKind, f.AreaCode, f.Measure, f.Value, f.Marker, f.ImportId);

    [Fact]
    public async Task Census_PerLaFile_IsImported_WithItsLaRowsAndHalfPupilCounts()
    {
        var result = await ImportAsync(PublishedSource.Census, PerLaFiles.Census(815), "815_census.csv", 2021);

        result.AreaRows.ShouldBe(6);
        result.Scope.ShouldStartWith("CENSUS 2021/22, LA 815: every school");
        var figures = await FiguresAsync();
        figures.Single(f => f.AreaKind == AreaKind.LocalAuthority && f.AreaCode == "815-SPE" && f.Measure == "CENSUS.NUMFSMEVER").Value.ShouldBe(446.5m);
        figures.Single(f => f.AreaKind == AreaKind.England && f.AreaCode == AreaCodes.EnglandPhase("SPE") && f.Measure == "CENSUS.PNUMFSMEVER").Value.ShouldBe(50.11m);
        figures.Where(f => f.AreaKind == AreaKind.LocalAuthority).Select(f => f.AreaCode).Distinct().Order().ShouldBe(["815-PRI", "815-SEC", "815-SPE"]);
    }

    [Fact]
    public async Task TwoLasFiles_ImportedOneAfterTheOther_LoseNothing()
    {
        var hampshire = await ImportAsync(PublishedSource.Ks4, PerLaFiles.Ks4(Hampshire), "850_ks4provisional.csv", 2018);
        var hampshireFigures = (await FiguresAsync()).Select(Row).ToList();

        var surrey = await ImportAsync(PublishedSource.Ks4, PerLaFiles.Ks4(Surrey), "936_ks4provisional.csv", 2018);

        surrey.Removed.ShouldBe(0);
        var figures = await FiguresAsync();
        var englandCodes = new[] { AreaCodes.England, AreaCodes.EnglandStateFunded };
        // Every Hampshire figure is still there, as it was; England's two rows, in both files, are now Surrey's import's.
        figures.Select(Row).Where(r => r.Item7 == hampshire.ImportId).ShouldBe(hampshireFigures.Where(r => !englandCodes.Contains(r.Item3)), ignoreOrder: true);
        figures.Count.ShouldBe(hampshire.Added + surrey.Added);
        figures.Single(f => f.AreaKind == AreaKind.LocalAuthority && f.AreaCode == "850" && f.Measure == "KS4.ATT8SCR").Value.ShouldBe(47.5m);
        figures.Single(f => f.AreaKind == AreaKind.LocalAuthority && f.AreaCode == "936" && f.Measure == "KS4.ATT8SCR").Value.ShouldBe(50.2m);
        figures.Where(f => f.ImportId == surrey.ImportId && f.AreaKind == AreaKind.School).Select(f => f.AreaCode).Distinct().Count().ShouldBeGreaterThan(100);
        var replaced = surrey.Replaced.ShouldHaveSingleItem();
        (replaced.FileName, replaced.Rows, replaced.ImportId).ShouldBe(("850_ks4provisional.csv", 2, hampshire.ImportId));
        replaced.Text.ShouldBe("Replaced 2 rows previously imported from 850_ks4provisional.csv");
        surrey.Scope.ShouldContain("replaced 2 rows previously imported from 850_ks4provisional.csv");
    }

    [Fact]
    public async Task ReimportOfOneLasFile_ReplacesExactlyItsOwnRows()
    {
        var original = PerLaFiles.Ks4(Hampshire);
        var first = await ImportAsync(PublishedSource.Ks4, original, "850_ks4provisional.csv", 2018);
        await ImportAsync(PublishedSource.Ks4, PerLaFiles.Ks4(Surrey), "936_ks4provisional.csv", 2018);
        var before = await FiguresAsync();

        var revised = original.Copy();
        var schools = PerLaFiles.Schools(revised, Hampshire).Where(r => decimal.TryParse(revised.Value(r, "ATT8SCR"), out _)).ToList();
        var dropped = revised.Value(schools[0], "URN");
        var changed = revised.Value(schools[1], "URN");
        revised.Set(revised.Rows.IndexOf(schools[1]), "ATT8SCR", "SUPP");
        revised.Rows.Remove(schools[0]);
        var again = await ImportAsync(PublishedSource.Ks4, revised, "850_ks4final.csv", 2018);

        var droppedFigures = before.Count(f => f.AreaCode == dropped);
        droppedFigures.ShouldBeGreaterThan(5);
        // Its own school's figures that it no longer has, one changed value, and England's rows taken back from Surrey's file.
        (again.Added, again.Removed).ShouldBe((0, droppedFigures));
        again.Updated.ShouldBe(1 + before.Count(f => f.AreaKind == AreaKind.England));
        var after = await FiguresAsync();
        after.ShouldNotContain(f => f.AreaCode == dropped);
        after.Single(f => f.AreaCode == changed && f.Measure == "KS4.ATT8SCR").Marker.ShouldBe("SUPP");
        bool Untouched(PublishedFigure f) => f.AreaKind != AreaKind.England && !(f.AreaCode == changed && f.Measure == "KS4.ATT8SCR");
        after.Where(Untouched).Select(Row).ShouldBe(before.Where(f => f.AreaCode != dropped && Untouched(f)).Select(Row), ignoreOrder: true);
        after.Count(f => f.ImportId == first.ImportId).ShouldBe(before.Count(f => f.ImportId == first.ImportId) - droppedFigures - 1);
    }

    [Fact]
    public async Task NationalThenAnLasFile_AndBack_LeaveOneSetOfFiguresPerSchoolAndArea()
    {
        // Four Hampshire secondary schools held; the national file keeps them and every LA and England row.
        await using (var db = _database.CreateContext())
        {
            foreach (var urn in new[] { 116234, 116427, 137535, 116504 }) db.Schools.Add(Build.School(urn, $"Hampshire school {urn}"));
            await db.SaveChangesAsync();
        }
        var nationalFile = CsvTestFile.Load(SharedData.Ks4EnglandProvisional2018);
        var national = await ImportAsync(PublishedSource.Ks4, nationalFile, "england_ks4provisional.csv", 2018, allSchools: false);
        var count = (await FiguresAsync()).Count;
        national.Scope.ShouldStartWith("KS4 2018/19, 155 LAs: schools held");
        (national.SchoolRows, national.AreaRows).ShouldBe((4, 157));

        // Hampshire's own file, with its LA row revised: its 4 schools held, its LA row and England's two rows.
        var own = PerLaFiles.Ks4(Hampshire);
        own.Set(own.RowIndex(r => own.Value(r, "RECTYPE") == "4"), "ATT8SCR", "47.6");
        var hampshire = await ImportAsync(PublishedSource.Ks4, own, "850_ks4final.csv", 2018, allSchools: false);

        (hampshire.Added, hampshire.Removed).ShouldBe((0, 0));
        var fromNational = hampshire.Replaced.ShouldHaveSingleItem();
        (fromNational.FileName, fromNational.Rows).ShouldBe(("england_ks4provisional.csv", 7));
        var figures = await FiguresAsync();
        figures.Count.ShouldBe(count);
        figures.Single(f => f.AreaKind == AreaKind.LocalAuthority && f.AreaCode == "850" && f.Measure == "KS4.ATT8SCR").Value.ShouldBe(47.6m);
        figures.Where(f => f.ImportId == hampshire.ImportId).Select(f => f.AreaCode).Distinct().Count().ShouldBe(7);
        figures.Single(f => f.AreaKind == AreaKind.LocalAuthority && f.AreaCode == "936" && f.Measure == "KS4.ATT8SCR").ImportId.ShouldBe(national.ImportId);

        // The national file again: the later import wins back the rows it carries, and removes none of Hampshire's file's.
        var again = await ImportAsync(PublishedSource.Ks4, nationalFile, "england_ks4provisional.csv", 2018, allSchools: false);

        (again.Added, again.Removed).ShouldBe((0, 0));
        (again.Replaced.ShouldHaveSingleItem().FileName, again.Replaced[0].Rows).ShouldBe(("850_ks4final.csv", 7));
        figures = await FiguresAsync();
        figures.Count.ShouldBe(count);
        figures.Single(f => f.AreaKind == AreaKind.LocalAuthority && f.AreaCode == "850" && f.Measure == "KS4.ATT8SCR").Value.ShouldBe(47.5m);
        figures.ShouldAllBe(f => f.ImportId == national.ImportId || f.ImportId == again.ImportId);
    }

    [Fact]
    public async Task SameLasFileAgain_ChangesNothing()
    {
        var file = PerLaFiles.Census(815);
        var first = await ImportAsync(PublishedSource.Census, file, "815_census.csv", 2021);
        var before = (await FiguresAsync()).Select(Row).ToList();

        var again = await ImportAsync(PublishedSource.Census, file, "815_census.csv", 2021);

        (again.Added, again.Updated, again.Removed, again.Unchanged, again.Replaced.Count).ShouldBe((0, 0, 0, first.Added, 0));
        (await FiguresAsync()).Select(Row).ShouldBe(before, ignoreOrder: true);
    }

    [Fact]
    public async Task Ofsted_TwoLasFiles_AreKeptSideBySide()
    {
        var all = CsvTestFile.Load(SharedData.OfstedAugust2025);
        CsvTestFile Of(string la) => all.Copy().Keep(r => all.Value(r, "LAESTAB").StartsWith(la, StringComparison.Ordinal));
        var hampshire = await ImportAsync(PublishedSource.Ofsted, Of("850"), "ofsted_850.csv", null);
        var surrey = await ImportAsync(PublishedSource.Ofsted, Of("936"), "ofsted_936.csv", null);

        await using var db = _database.CreateContext();
        (await db.OfstedInspections.CountAsync()).ShouldBe(hampshire.Added + surrey.Added);
        (hampshire.Added, surrey.Added).ShouldBe((Of("850").Rows.Count, Of("936").Rows.Count));
    }
}

public sealed class PublishedSideBySideTests_Sqlite() : PublishedSideBySideTests(DatabaseProvider.Sqlite);
public sealed class PublishedSideBySideTests_Postgres() : PublishedSideBySideTests(DatabaseProvider.Postgres);
