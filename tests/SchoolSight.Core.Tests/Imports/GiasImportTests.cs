using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Core.Imports.Gias;
using SchoolSight.Domain.Auditing;
using SchoolSight.Domain.Imports;
using SchoolSight.Domain.Register;
using SchoolSight.TestSupport;

namespace SchoolSight.Core.Tests.Imports;

/// <summary>Importing the real GIAS extract for Hampshire (850) and Surrey (936), and modified copies of it.</summary>
public abstract class GiasImportTests(DatabaseProvider provider) : GiasImportTestBase(provider)
{
    private static readonly GiasTestFile Real = GiasTestFile.Real();

    [Fact]
    public async Task RealFile_KeepingHampshire_AddsEveryHampshireEstablishment()
    {
        var hampshireRows = Real.RowsOf(850).Count();
        var result = await ImportAsync(RealFileBytes(), 850);

        result.Errors.ShouldBeEmpty();
        result.Outcome.ShouldBe(ImportOutcome.Applied);
        result.Encoding.ShouldBe("UTF-8");
        (result.RowsRead, result.RowsInScope).ShouldBe((1096, hampshireRows));
        (result.Added, result.Updated, result.Closed, result.Unchanged).ShouldBe((hampshireRows, 0, 0, 0));
        result.Sha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(RealFileBytes())));

        (await QueryAsync(db => db.Schools.CountAsync())).ShouldBe(hampshireRows);
        (await QueryAsync(db => db.Schools.CountAsync(s => s.Details.LaCode != 850))).ShouldBe(0);
        (await QueryAsync(db => db.Schools.CountAsync(s => s.Details.Status == SchoolStatus.Closed)))
            .ShouldBe(Real.RowsOf(850).Count(r => Real.Value(r, "EstablishmentStatus (name)") == "Closed"));

        var record = await ImportRecordAsync(result.ImportId);
        (record.Outcome, record.Kind, record.Scope, record.FileName, record.UserName).ShouldBe(
            (ImportOutcome.Applied, ImportKind.Gias, "LA 850", "edubasealldata.csv", "test-admin@demo-borough.example"));
        (record.RowsRead, record.RowsInScope, record.Added).ShouldBe((1096, hampshireRows, hampshireRows));
        record.Sha256.ShouldBe(result.Sha256);

        var audit = await AuditOfSchoolsAsync();
        audit.Count.ShouldBe(hampshireRows);
        audit.ShouldAllBe(a => a.Action == AuditAction.Created);
        (await QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.Imported && a.EntityKey == result.ImportId.ToString()))).ShouldBe(1);
    }

    [Fact]
    public async Task RealFile_MapsGiasFieldsAndReadsNotApplicableAsBlank()
    {
        await ImportAsync(RealFileBytes(), 850);

        var alton = (await SchoolAsync(115850))!.Details;
        alton.Name.ShouldBe("Alton Infant School");
        (alton.LaCode, alton.LaName, alton.EstablishmentNumber).ShouldBe((850, "Hampshire", 2000));
        (alton.TypeOfEstablishment, alton.EstablishmentTypeGroup).ShouldBe(("Community school", "Local authority maintained schools"));
        (alton.Status, alton.PhaseOfEducation, alton.Phase).ShouldBe((SchoolStatus.Open, "Primary", SchoolPhase.Primary));
        (alton.StatutoryLowAge, alton.StatutoryHighAge, alton.SchoolCapacity).ShouldBe((4, 7, 180));
        (alton.NumberOfPupils, alton.NumberOfBoys, alton.NumberOfGirls, alton.PercentageFsm).ShouldBe((138, 78, 60, 21.7));
        alton.CensusDate.ShouldBe(new DateOnly(2021, 1, 21));
        alton.OfstedLastInspection.ShouldBe(new DateOnly(2019, 1, 23));
        alton.LastChangedDate.ShouldBe(new DateOnly(2022, 3, 17));
        (alton.OfstedRating, alton.Ukprn, alton.Telephone).ShouldBe(("Good", "10080446", "0142083857"));
        (alton.Street, alton.Town, alton.County, alton.Postcode).ShouldBe(("Normandy Street", "Alton", "Hampshire", "GU34 1DH"));
        alton.HeadteacherName.ShouldBe("Mr Richard Mead");
        (alton.DistrictAdministrative, alton.UrbanRural).ShouldBe(("East Hampshire", "(England/Wales) Urban city and town"));
        // "Not applicable" and blanks are no value.
        (alton.ReasonClosed, alton.Diocese, alton.AdmissionsPolicy, alton.Trust, alton.OpenDate, alton.CloseDate, alton.AddressLocality)
            .ShouldBe((null, null, null, null, null, null, null));

        var awbridge = (await SchoolAsync(115856))!.Details;
        (awbridge.Status, awbridge.CloseDate).ShouldBe((SchoolStatus.Closed, new DateOnly(2020, 11, 30)));
    }

    [Fact]
    public async Task GiasBoysAndGirlsAddingUpToMoreThanPupils_AreKeptAsGiasGivesThem()
    {
        static int Number(List<string> row, string column) => int.TryParse(Real.Value(row, column), out var n) ? n : 0;
        var odd = Real.RowsOf(850).Where(r => Number(r, "NumberOfBoys") + Number(r, "NumberOfGirls") > Number(r, "NumberOfPupils")).ToList();
        odd.ShouldNotBeEmpty("the real extract has such rows: GIAS's own figures");

        var result = await ImportAsync(RealFileBytes(), 850);

        result.Outcome.ShouldBe(ImportOutcome.Applied);
        result.Notices.ShouldBeEmpty();
        var school = (await SchoolAsync(Real.Urn(odd[0])))!.Details;
        (school.NumberOfPupils, school.NumberOfBoys, school.NumberOfGirls)
            .ShouldBe((Number(odd[0], "NumberOfPupils"), Number(odd[0], "NumberOfBoys"), Number(odd[0], "NumberOfGirls")));
        (await ImportAsync(RealFileBytes(), 850)).Unchanged.ShouldBe(result.Added);
    }

    [Fact]
    public async Task ReimportingTheSameFile_ChangesNothing()
    {
        var first = await ImportAsync(RealFileBytes(), 850);
        var auditBefore = await AuditOfSchoolsAsync();
        var versionsBefore = await QueryAsync(db => db.Schools.OrderBy(s => s.Urn).Select(s => s.Version).ToListAsync());

        var second = await ImportAsync(RealFileBytes(), 850);

        second.Outcome.ShouldBe(ImportOutcome.Applied);
        (second.Added, second.Updated, second.Closed, second.Unchanged).ShouldBe((0, 0, 0, first.Added));
        second.Changes.ShouldBeEmpty();
        (await AuditOfSchoolsAsync()).Count.ShouldBe(auditBefore.Count);
        (await QueryAsync(db => db.Schools.OrderBy(s => s.Urn).Select(s => s.Version).ToListAsync())).ShouldBe(versionsBefore);
        (await QueryAsync(db => db.Imports.CountAsync())).ShouldBe(2);
    }

    [Fact]
    public async Task RealFile_KeepingHampshireAndSurrey_AddsEveryRow()
    {
        var result = await ImportAsync(RealFileBytes(), 850, 936);

        (result.Added, result.RowsInScope, result.Scope).ShouldBe((1096, 1096, "LA 850, 936"));
        (await QueryAsync(db => db.Schools.CountAsync(s => s.Details.LaCode == 936))).ShouldBe(Real.RowsOf(936).Count());
    }

    [Fact]
    public async Task ModifiedCopy_UpdatesOneClosesTwoAndDeletesNone_LeavingLaFieldsAlone()
    {
        await ImportAsync(RealFileBytes(), 850);
        var file = GiasTestFile.Real();
        var renamed = file.Urn(file.OpenSchool(850, 0));
        var markedClosed = file.Urn(file.OpenSchool(850, 1));
        var dropped = file.Urn(file.OpenSchool(850, 2));
        var schoolsBefore = await QueryAsync(db => db.Schools.CountAsync());

        // The LA's own fields on the renamed school: a locality and a cluster, which GIAS knows nothing of.
        await using (var db = Database.CreateContext())
        {
            var school = await db.Schools.SingleAsync(s => s.Urn == renamed);
            var locality = new Locality(850, "Basingstoke");
            var cluster = new Cluster("Test Learning Network", ClusterKind.Network);
            db.AddRange(locality, cluster);
            school.PlaceInLocality(locality);
            school.JoinCluster(cluster);
            await db.SaveChangesAsync();
        }

        file.Set(renamed, "EstablishmentName", "Renamed Infant School")
            .Set(markedClosed, "EstablishmentStatus (name)", "Closed")
            .Remove(dropped);
        var result = await ImportAsync(file.ToBytes(), 850);

        result.Errors.ShouldBeEmpty();
        (result.Added, result.Updated, result.Closed).ShouldBe((0, 1, 2));
        result.Unchanged.ShouldBe(schoolsBefore - 3);
        result.Changes.Single(c => c.Kind == GiasChangeKind.Updated).ShouldBe(
            new GiasSchoolChange(renamed, "Renamed Infant School", GiasChangeKind.Updated, ["Name"]), new ChangeComparer());
        result.Changes.Where(c => c.Kind == GiasChangeKind.Closed).Select(c => c.Urn).ShouldBe([markedClosed, dropped], ignoreOrder: true);

        (await QueryAsync(db => db.Schools.CountAsync())).ShouldBe(schoolsBefore);
        var renamedSchool = (await SchoolAsync(renamed))!;
        renamedSchool.Details.Name.ShouldBe("Renamed Infant School");
        renamedSchool.LocalityId.ShouldNotBeNull();
        renamedSchool.Memberships.Count.ShouldBe(1);
        (await SchoolAsync(markedClosed))!.Details.Status.ShouldBe(SchoolStatus.Closed);
        (await SchoolAsync(dropped))!.Details.Status.ShouldBe(SchoolStatus.Closed);

        var updates = (await AuditOfSchoolsAsync()).Where(a => a.Action == AuditAction.Updated && a.UserName == "test-admin@demo-borough.example").ToList();
        updates.Select(a => a.SchoolUrn).ShouldContain(renamed);
        updates.Single(a => a.SchoolUrn == renamed && a.Changes!.Contains("Details.Name")).Changes!.ShouldContain("Renamed Infant School");
    }

    [Fact]
    public async Task SchoolThatMovedToAnotherLa_IsUpdatedNotClosed()
    {
        await ImportAsync(RealFileBytes(), 850);
        var file = GiasTestFile.Real();
        var moved = file.Urn(file.OpenSchool(850, 5));
        file.Set(moved, "LA (code)", "936").Set(moved, "LA (name)", "Surrey");

        var result = await ImportAsync(file.ToBytes(), 850);

        (result.Updated, result.Closed).ShouldBe((1, 0));
        var school = (await SchoolAsync(moved))!;
        (school.Details.LaCode, school.Details.Status).ShouldBe((936, SchoolStatus.Open));
    }

    [Fact]
    public async Task EveryLa_ClosesMissingSchoolsOnlyOfTheLasTheFileCovers()
    {
        (await ImportAsync(RealFileBytes())).Added.ShouldBe(1096);
        var file = GiasTestFile.Real();
        var dropped = file.Urn(file.OpenSchool(850));
        file.KeepOnly(r => file.Value(r, "LA (code)") == "850").Remove(dropped);

        var result = await ImportAsync(file.ToBytes());

        (result.Added, result.Updated, result.Closed, result.Scope).ShouldBe((0, 0, 1, "All LAs"));
        (await SchoolAsync(dropped))!.Details.Status.ShouldBe(SchoolStatus.Closed);
        (await QueryAsync(db => db.Schools.CountAsync(s => s.Details.LaCode == 936 && s.Details.Status == SchoolStatus.Closed)))
            .ShouldBe(Real.RowsOf(936).Count(r => Real.Value(r, "EstablishmentStatus (name)") == "Closed"));
    }

    [Fact]
    public async Task Windows1252File_IsReadAsWindows1252()
    {
        const string welsh = "Ysgol Gymraeg Caerdydd – é";
        var file = GiasTestFile.Real();
        var urn = file.Urn(file.OpenSchool(850));
        file.Set(urn, "EstablishmentName", welsh).Set(urn, "Street", "Heol y Frenhines “Côr”");

        var result = await ImportAsync(file.ToBytes(CodePagesEncoding(1252)), 850);

        result.Errors.ShouldBeEmpty();
        result.Encoding.ShouldBe("Windows-1252");
        var school = (await SchoolAsync(urn))!;
        (school.Details.Name, school.Details.Street).ShouldBe((welsh, "Heol y Frenhines “Côr”"));
    }

    [Fact]
    public async Task Utf8WithByteOrderMark_IsAccepted()
    {
        var result = await ImportAsync([0xEF, 0xBB, 0xBF, .. RealFileBytes()], 850);

        result.Errors.ShouldBeEmpty();
        result.Encoding.ShouldBe("UTF-8 with byte order mark");
        (await SchoolAsync(115850))!.Details.Name.ShouldBe("Alton Infant School");
    }

    [Fact]
    public async Task OptionalColumnMissingFromFile_KeepsWhatSchoolSightHolds()
    {
        await ImportAsync(RealFileBytes(), 850);
        var narrower = GiasTestFile.Real().DropColumn("PercentageFSM").DropColumn("OfstedRating (name)");

        var result = await ImportAsync(narrower.ToBytes(), 850);

        result.ColumnsNotInFile.ShouldBe(["PercentageFSM", "OfstedRating (name)"]);
        (result.Updated, result.Closed).ShouldBe((0, 0));
        var alton = (await SchoolAsync(115850))!.Details;
        (alton.PercentageFsm, alton.OfstedRating).ShouldBe((21.7, "Good"));
    }

    [Fact]
    public async Task Progress_IsReportedUpToDone()
    {
        var phases = new List<GiasImportPhase>();
        await ImportAsync(RealFileBytes(), GiasImportScope.Only(850), new SynchronousProgress<GiasImportProgress>(p => phases.Add(p.Phase)));

        phases.ShouldContain(GiasImportPhase.CheckingFile);
        phases.ShouldContain(GiasImportPhase.ReadingRows);
        phases.ShouldContain(GiasImportPhase.Saving);
        phases[^1].ShouldBe(GiasImportPhase.Done);
    }

    private static Encoding CodePagesEncoding(int codePage)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(codePage);
    }

    private sealed class ChangeComparer : IEqualityComparer<GiasSchoolChange>
    {
        public bool Equals(GiasSchoolChange? x, GiasSchoolChange? y) =>
            x is not null && y is not null && (x.Urn, x.Name, x.Kind) == (y.Urn, y.Name, y.Kind) && x.ChangedFields.SequenceEqual(y.ChangedFields);
        public int GetHashCode(GiasSchoolChange obj) => obj.Urn;
    }
}

/// <summary>Reports on the calling thread, so a test sees every report before the operation returns.</summary>
public sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}

public sealed class GiasImportTests_Sqlite() : GiasImportTests(DatabaseProvider.Sqlite);
public sealed class GiasImportTests_Postgres() : GiasImportTests(DatabaseProvider.Postgres);
