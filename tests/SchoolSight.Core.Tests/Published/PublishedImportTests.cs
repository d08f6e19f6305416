using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Access;
using SchoolSight.Core.Data;
using SchoolSight.Core.Imports.Gias;
using SchoolSight.Core.Published;
using SchoolSight.Domain;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Auditing;
using SchoolSight.Domain.Imports;
using SchoolSight.Domain.Indicators;
using SchoolSight.Domain.Published;
using SchoolSight.TestSupport;

namespace SchoolSight.Core.Tests.Published;

/// <summary>Importing the real published files into a register holding some Hampshire schools, on both databases.</summary>
public abstract class PublishedImportTests(DatabaseProvider provider) : IAsyncLifetime
{
    /// <summary>Hampshire schools in the KS2 2018-19 file (Alderwood Primary… ) and the KS4 2017-18 one, held in the register.</summary>
    private static readonly int[] HeldUrns = [115851, 115852, 115853, 115856, 137315, 136643, 116517];

    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        await using var db = _database.CreateContext();
        foreach (var urn in HeldUrns) db.Schools.Add(Build.School(urn, $"Hampshire school {urn}"));
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<PublishedImportResult> ImportAsync(PublishedSource source, byte[] content, int? year = 2018, bool all = false, string fileName = "file.csv")
    {
        await using var db = _database.CreateContext();
        return (await new ImportPublished(db).RunAsync(new PublishedImportRequest(source, new MemoryStream(content), fileName, year, all))).Value!;
    }

    private async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var db = _database.CreateContext();
        return await query(db);
    }

    private Task<List<PublishedFigure>> FiguresAsync() => QueryAsync(db => db.PublishedFigures.AsNoTracking().ToListAsync());

    [Fact]
    public async Task Ks2_RealFile_KeepsHeldSchoolsAndAreaRows_AndIsRecorded()
    {
        var bytes = File.ReadAllBytes(SharedData.Ks2Hampshire(2018));
        var result = await ImportAsync(PublishedSource.Ks2, bytes, fileName: "850_ks2final_2018-19.csv");

        result.Errors.ShouldBeEmpty();
        result.Applied.ShouldBeTrue();
        (result.RowsRead, result.SchoolRows, result.AreaRows, result.SchoolsNotHeld).ShouldBe((334, 4, 3, 327));
        result.AcademicYear.ShouldBe("2018/19");
        var figures = await FiguresAsync();
        (result.Added, result.Updated, result.Removed, result.Unchanged).ShouldBe((figures.Count, 0, 0, 0));
        figures.Select(f => f.AreaCode).Distinct().Order().ShouldBe(["115851", "115852", "115853", "115856", "850", AreaCodes.England, AreaCodes.EnglandStateFunded]);
        figures.ShouldAllBe(f => f.AcademicYear == 2018 && f.ImportId == result.ImportId && f.Measure.StartsWith("KS2."));
        figures.Single(f => f.AreaKind == AreaKind.LocalAuthority && f.Measure == "KS2.PTRWM_EXP").Value.ShouldBe(68m);
        figures.Single(f => f.AreaCode == "115851" && f.Measure == "KS2.READPROG_LOWER").Value.ShouldBe(-3.4m);

        var record = await QueryAsync(db => db.Imports.SingleAsync(i => i.Id == result.ImportId));
        (record.Kind, record.Outcome, record.FileName, record.RowsRead, record.RowsInScope, record.Added).ShouldBe(
            (ImportKind.Ks2, ImportOutcome.Applied, "850_ks2final_2018-19.csv", 334, 7, figures.Count));
        record.Scope.ShouldBe("KS2 2018/19, LA 850: schools held and LA and England rows; 327 schools not held skipped");
        // The import record is the record: one Imported audit row, none per figure.
        // (The default term calendar and criteria, written when the database is created, are left out.)
        var audit = await QueryAsync(db => db.AuditEntries.Where(a => a.Action != AuditAction.Created || (a.EntityType != "School" && a.EntityType != "SchoolTerm" && a.EntityType != "RuleSetVersion")).ToListAsync());
        audit.ShouldHaveSingleItem().Action.ShouldBe(AuditAction.Imported);
    }

    [Fact]
    public async Task SameFileAgain_ChangesNothing()
    {
        var bytes = File.ReadAllBytes(SharedData.Ks2Hampshire(2018));
        var first = await ImportAsync(PublishedSource.Ks2, bytes);
        var before = (await FiguresAsync()).Select(f => (f.Id, f.Measure, f.Value, f.Marker, f.ImportId)).Order().ToList();

        var again = await ImportAsync(PublishedSource.Ks2, bytes);

        (again.Added, again.Updated, again.Removed, again.Unchanged).ShouldBe((0, 0, 0, first.Added));
        (await FiguresAsync()).Select(f => (f.Id, f.Measure, f.Value, f.Marker, f.ImportId)).Order().ToList().ShouldBe(before);
        (await QueryAsync(db => db.Imports.CountAsync(i => i.Outcome == ImportOutcome.Applied))).ShouldBe(2);
    }

    [Fact]
    public async Task RevisedFile_UpdatesChangedFiguresAndRemovesDroppedOnes_LeavingTheRest()
    {
        var original = CsvTestFile.Load(SharedData.Ks2Hampshire(2018));
        var first = await ImportAsync(PublishedSource.Ks2, original.ToBytes());
        var untouched = (await FiguresAsync()).Single(f => f.AreaCode == "115852" && f.Measure == "KS2.PTRWM_EXP");

        var revised = original.Copy();
        revised.Set(revised.RowIndex(r => revised.Value(r, "URN") == "115851"), "PTRWM_EXP", "SUPP");
        revised.Keep(r => revised.Value(r, "URN") != "115853");
        var second = await ImportAsync(PublishedSource.Ks2, revised.ToBytes());

        var dropped = first.Added - (await FiguresAsync()).Count;
        (second.Added, second.Updated, second.Removed).ShouldBe((0, 1, dropped));
        dropped.ShouldBeGreaterThan(20);
        second.Scope.ShouldContain($"{dropped} figures no longer in the file removed");
        var figures = await FiguresAsync();
        var changed = figures.Single(f => f.AreaCode == "115851" && f.Measure == "KS2.PTRWM_EXP");
        (changed.Value, changed.Marker, changed.ImportId).ShouldBe((null, "SUPP", second.ImportId));
        figures.ShouldNotContain(f => f.AreaCode == "115853");
        var kept = figures.Single(f => f.Id == untouched.Id);
        (kept.Value, kept.ImportId).ShouldBe((untouched.Value, first.ImportId));
    }

    [Fact]
    public async Task BadFile_IsRejectedWhole_NothingWritten_AttemptRecorded()
    {
        await ImportAsync(PublishedSource.Ks2, File.ReadAllBytes(SharedData.Ks2Hampshire(2018)));
        var before = (await FiguresAsync()).Select(f => (f.Id, f.Value, f.Marker)).Order().ToList();

        var bad = CsvTestFile.Load(SharedData.Ks2Hampshire(2018));
        var row = bad.RowIndex(r => bad.Value(r, "URN") == "115852");
        bad.Set(row, "PTRWM_EXP", "120%").Set(bad.RowIndex(r => bad.Value(r, "URN") == "115851"), "TELIG", "TBC");
        var result = await ImportAsync(PublishedSource.Ks2, bad.ToBytes());

        result.Applied.ShouldBeFalse();
        result.Errors.Count.ShouldBe(2);
        result.Errors.ShouldContain(e => e.Line == CsvTestFile.LineOf(row) && e.Column == "PTRWM_EXP");
        (await FiguresAsync()).Select(f => (f.Id, f.Value, f.Marker)).Order().ToList().ShouldBe(before);
        var record = await QueryAsync(db => db.Imports.SingleAsync(i => i.Id == result.ImportId));
        (record.Outcome, record.ErrorCount, record.Kind).ShouldBe((ImportOutcome.Rejected, 2, ImportKind.Ks2));
        record.FirstErrors!.ShouldContain($"Line {CsvTestFile.LineOf(row)}, column PTRWM_EXP");
    }

    [Fact]
    public async Task EachYearIsKeptApart_AndAllSchoolsCanBeKept()
    {
        var ks4 = File.ReadAllBytes(SharedData.Ks4Hampshire(2017));
        var held = await ImportAsync(PublishedSource.Ks4, ks4, year: 2017);
        var all = await ImportAsync(PublishedSource.Ks4, ks4, year: 2016, all: true);

        (held.SchoolRows, held.SchoolsNotHeld).ShouldBe((3, 118));
        (all.SchoolRows, all.SchoolsNotHeld, all.AreaRows).ShouldBe((121, 0, 3));
        all.Scope.ShouldStartWith("KS4 2016/17, LA 850: every school");
        var figures = await FiguresAsync();
        figures.Count(f => f.AcademicYear == 2017).ShouldBe(held.Added);
        figures.Count(f => f.AcademicYear == 2016).ShouldBe(all.Added);
        figures.Single(f => f.AcademicYear == 2017 && f.AreaCode == "116517" && f.Measure == "KS4.P8MEA").Marker.ShouldBe("NP");
    }

    [Fact]
    public async Task Ofsted_KeepsHeldSchoolsOutcomes_AndAReimportChangesNothing()
    {
        var file = CsvTestFile.Load(SharedData.OfstedAugust2025);
        var bytes = file.ToBytes();
        var first = await ImportAsync(PublishedSource.Ofsted, bytes, year: null);

        // Not in Ofsted's file of open state-funded schools: Farnborough Hill (116517, independent) and Awbridge
        // Primary School (115856, closed in 2020).
        var listed = HeldUrns.Where(u => u is not (116517 or 115856)).ToList();
        first.Errors.ShouldBeEmpty();
        (first.SchoolRows, first.SchoolsNotHeld, first.Added).ShouldBe((listed.Count, 21990 - listed.Count, listed.Count));
        first.AcademicYear.ShouldBe("");
        var inspections = await QueryAsync(db => db.OfstedInspections.AsNoTracking().ToListAsync());
        inspections.Select(i => i.Urn).Order().ShouldBe(listed.Order());
        var row = file.Rows.Single(r => file.Value(r, "URN") == "115851");
        var outcome = inspections.Single(i => i.Urn == 115851).Outcome;
        outcome.InspectionType.ShouldBe(file.Value(row, OfstedFileReader.InspectionType));
        outcome.InspectionDate.ShouldBe(DateOnly.ParseExact(file.Value(row, OfstedFileReader.InspectionDate), "dd/MM/yyyy"));

        var again = await ImportAsync(PublishedSource.Ofsted, bytes, year: null);
        (again.Added, again.Updated, again.Unchanged).ShouldBe((0, 0, listed.Count));

        file.Set(file.Rows.IndexOf(row), OfstedFileReader.CategoryOfConcern, "SM").Set(file.Rows.IndexOf(row), OfstedFileReader.OverallEffectiveness, "4");
        var revised = await ImportAsync(PublishedSource.Ofsted, file.ToBytes(), year: null);
        (revised.Added, revised.Updated, revised.Unchanged).ShouldBe((0, 1, listed.Count - 1));
        var changed = await QueryAsync(db => db.OfstedInspections.AsNoTracking().SingleAsync(i => i.Urn == 115851));
        (changed.Outcome.CategoryOfConcern, changed.Outcome.OverallEffectiveness, changed.ImportId).ShouldBe(
            (CategoryOfConcern.SpecialMeasures, OfstedJudgement.Inadequate, revised.ImportId));
    }

    [Fact]
    public async Task CensusAndAbsence_KeepNationalPhaseRows()
    {
        var census = await ImportAsync(PublishedSource.Census, File.ReadAllBytes(SharedData.CensusEngland2021), year: 2021);
        var absence = await ImportAsync(PublishedSource.Absence, File.ReadAllBytes(SharedData.AbsenceEngland2017), year: 2017);

        (census.Applied, absence.Applied).ShouldBe((true, true));
        var figures = await FiguresAsync();
        figures.Single(f => f.AreaCode == AreaCodes.EnglandPhase("SPE") && f.Measure == "CENSUS.PNUMFSMEVER").Value.ShouldBe(50.11m);
        figures.Single(f => f.AreaCode == AreaCodes.EnglandPhase("PRI") && f.Measure == "ABS.PPERSABS10" && f.AcademicYear == 2017).Value.ShouldBe(8.2m);
    }

    [Fact]
    public async Task NationalFile_KeepingEverySchool_IsWrittenInBulk()
    {
        var result = await ImportAsync(PublishedSource.Census, File.ReadAllBytes(SharedData.CensusEngland2021), year: 2021, all: true);

        result.SchoolRows.ShouldBe(24445);
        (await QueryAsync(db => db.PublishedFigures.CountAsync())).ShouldBe(result.Added);
        result.Added.ShouldBeGreaterThan(24445 * 9);
    }

    [Fact]
    public async Task OnlyAnLaAdministrator_MayImport_AnyoneElseIsForbidden()
    {
        await using var db = _database.CreateContext(new FixedCurrentUser("head@demo-borough.example", Role.SchoolUser, null, SchoolScope.Of([999001])));
        var refused = await new ImportPublished(db).RunAsync(
            new PublishedImportRequest(PublishedSource.Ks2, new MemoryStream(File.ReadAllBytes(SharedData.Ks2Hampshire(2018))), "ks2.csv", 2018));
        refused.Errors.ShouldHaveSingleItem().Kind.ShouldBe(ErrorKind.Forbidden);
        var gias = await new ImportGias(db).RunAsync(new GiasImportRequest(new MemoryStream(), "gias.csv", GiasImportScope.EveryLa));
        gias.Errors.ShouldHaveSingleItem().Message.ShouldBe("Only an LA administrator may import establishments.");
        gias.IsForbidden.ShouldBeTrue();
        (await QueryAsync(d => d.Imports.CountAsync())).ShouldBe(0);
    }
}

public sealed class PublishedImportTests_Sqlite() : PublishedImportTests(DatabaseProvider.Sqlite);
public sealed class PublishedImportTests_Postgres() : PublishedImportTests(DatabaseProvider.Postgres);
