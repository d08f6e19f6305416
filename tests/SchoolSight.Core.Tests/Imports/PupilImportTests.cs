using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Access;
using SchoolSight.Core.Data;
using SchoolSight.Core.Imports;
using SchoolSight.Core.Imports.Pupils;
using SchoolSight.Core.Imports.Surveys;
using SchoolSight.Core.Indicators.Storage;
using SchoolSight.Domain;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Auditing;
using SchoolSight.Domain.Imports;
using SchoolSight.Domain.Indicators;
using SchoolSight.TestSupport;

namespace SchoolSight.Core.Tests.Imports;

/// <summary>The pupil and survey imports on a real database: all or nothing, idempotent, audited per block, recorded, administrators only.</summary>
public abstract class PupilImportTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly int[] Urns = [999101, 999102, 999103];
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        await using var db = _database.CreateContext();
        db.Schools.AddRange(Urns.Select(u => Build.School(u, $"School {u}")));
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<DataImportResult> ImportPupilsAsync(byte[] file, ICurrentUser? user = null)
    {
        await using var db = _database.CreateContext(user);
        return (await new ImportPupils(db).RunAsync(new DataImportRequest(new MemoryStream(file), "pupils_2024-25.csv"))).Value!;
    }

    private async Task<DataImportResult> ImportSurveysAsync(byte[] file)
    {
        await using var db = _database.CreateContext();
        return (await new ImportSurveys(db).RunAsync(new DataImportRequest(new MemoryStream(file), "surveys.csv"))).Value!;
    }

    private async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var db = _database.CreateContext();
        return await query(db);
    }

    private Task<List<AuditEntry>> BlockAuditAsync() =>
        QueryAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(PupilDataBlock)).OrderBy(a => a.Id).ToListAsync());

    [Fact]
    public async Task Import_OfAGeneratedFile_StoresOneBlockPerSchoolYear_AuditsEach_AndRecordsTheImport()
    {
        var file = DataFile.Pupils(Urns, 2023, 2);

        var result = await ImportPupilsAsync(file.ToBytes());

        result.Applied.ShouldBeTrue();
        (result.RowsRead, result.SchoolYears, result.Added, result.Replaced, result.Unchanged).ShouldBe((file.Rows.Count, 6, 6, 0, 0));
        result.Scope.ShouldBe("3 schools, 2023/24 to 2024/25");
        result.Changed.ShouldBe(Urns.SelectMany(u => new[] { new SchoolYear(u, 2023), new SchoolYear(u, 2024) }), ignoreOrder: true);
        var blocks = await QueryAsync(db => db.PupilDataBlocks.OrderBy(b => b.Urn).ThenBy(b => b.AcademicYear).ToListAsync());
        blocks.Count.ShouldBe(6);
        blocks.Sum(b => b.PupilCount).ShouldBe(file.Rows.Count);
        blocks.ShouldAllBe(b => b.ImportId == result.ImportId);
        var first = PupilBlockCodec.Decode(blocks[0].Data);
        PupilBlockCodec.DecodeRefs(blocks[0].PupilRefs).ShouldBe(file.Rows.Where(r => r[0] == "999101" && r[1] == "2023/24").Select(r => r[2]));
        first.Count.ShouldBe(blocks[0].PupilCount);

        var audit = await BlockAuditAsync();
        audit.Select(a => (a.EntityKey, a.SchoolUrn, a.Action)).ShouldBe(blocks.Select(b => ($"{b.Urn}/{b.AcademicYear}", (int?)b.Urn, AuditAction.Created)), ignoreOrder: true);
        audit[0].Changes.ShouldNotBeNull().ShouldContain("\"Pupils\":[null,");
        var record = await QueryAsync(db => db.Imports.SingleAsync());
        (record.Kind, record.Outcome, record.RowsRead, record.Added, record.Updated, record.Unchanged).ShouldBe((ImportKind.Pupils, ImportOutcome.Applied, file.Rows.Count, 6, 0, 0));
        (await QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.Imported && a.EntityKey == record.Id.ToString()))).ShouldBe(1);
    }

    [Fact]
    public async Task Import_OfTheSameFileAgain_ChangesNothing()
    {
        var bytes = DataFile.Pupils(Urns).ToBytes();
        await ImportPupilsAsync(bytes);
        var before = await QueryAsync(db => db.PupilDataBlocks.AsNoTracking().Select(b => new { b.Urn, b.Sha256, b.ImportId, b.ImportedAt }).OrderBy(b => b.Urn).ToListAsync());

        var again = await ImportPupilsAsync(bytes);

        (again.Added, again.Replaced, again.Unchanged).ShouldBe((0, 0, 3));
        again.Changed.ShouldBeEmpty();
        (await QueryAsync(db => db.PupilDataBlocks.AsNoTracking().Select(b => new { b.Urn, b.Sha256, b.ImportId, b.ImportedAt }).OrderBy(b => b.Urn).ToListAsync()))
            .ShouldBe(before);
        (await BlockAuditAsync()).Count.ShouldBe(3);
        (await QueryAsync(db => db.Imports.CountAsync())).ShouldBe(2);
    }

    [Fact]
    public async Task Import_ReplacesOnlyTheSchoolYearsInTheFile_ThatChanged()
    {
        await ImportPupilsAsync(DataFile.Pupils(Urns, 2023, 2).ToBytes());
        var file = DataFile.Pupils(Urns, 2024, 1, seed: 1);
        var original = DataFile.Pupils(Urns, 2023, 2);
        // The 2024/25 rows of the first import, with one pupil of school 999102 changed; 2023/24 is not in the file.
        file.Rows.Clear();
        file.Rows.AddRange(original.Rows.Where(r => r[1] == "2024/25"));
        var row = file.Rows.FindIndex(r => r[0] == "999102" && r[3] == "3");
        file.Set(row, "SessionsMissed", "0").Set(row, "SicknessSessions", "0");

        var result = await ImportPupilsAsync(file.ToBytes());

        (result.SchoolYears, result.Added, result.Replaced, result.Unchanged).ShouldBe((3, 0, 1, 2));
        result.Changed.ShouldBe([new SchoolYear(999102, 2024)]);
        (await QueryAsync(db => db.PupilDataBlocks.CountAsync())).ShouldBe(6);
        var replaced = await QueryAsync(db => db.PupilDataBlocks.SingleAsync(b => b.Urn == 999102 && b.AcademicYear == 2024));
        replaced.ImportId.ShouldBe(result.ImportId);
        PupilBlockCodec.Decode(replaced.Data).Numbers(PupilFields.SessionsMissed).ShouldContain(0f);
        (await QueryAsync(db => db.PupilDataBlocks.CountAsync(b => b.ImportId == result.ImportId))).ShouldBe(1);
        var audit = (await BlockAuditAsync()).Last();
        (audit.Action, audit.EntityKey, audit.SchoolUrn).ShouldBe((AuditAction.Updated, "999102/2024", (int?)999102));
    }

    [Fact]
    public async Task Import_OfABadFile_ChangesNothing_AndIsRecordedAsRejected()
    {
        await ImportPupilsAsync(DataFile.Pupils(Urns).ToBytes());
        var audit = await QueryAsync(db => db.AuditEntries.CountAsync());
        var file = DataFile.Pupils(Urns, seed: 2);
        file.Set(10, "URN", "123456").Set(20, "EAL", "maybe");

        var result = await ImportPupilsAsync(file.ToBytes());

        result.Applied.ShouldBeFalse();
        result.Errors.Select(e => (e.Line, e.Column)).ShouldBe([(12, "URN"), (22, "EAL")]);
        (await QueryAsync(db => db.PupilDataBlocks.CountAsync(b => b.ImportId == result.ImportId))).ShouldBe(0);
        (await QueryAsync(db => db.AuditEntries.CountAsync())).ShouldBe(audit);
        var record = await QueryAsync(db => db.Imports.SingleAsync(i => i.Id == result.ImportId));
        (record.Outcome, record.ErrorCount).ShouldBe((ImportOutcome.Rejected, 2));
        record.FirstErrors.ShouldNotBeNull().ShouldContain("Line 12, column URN: URN 123456 is not a school SchoolSight holds");
    }

    [Theory]
    [InlineData(Role.SeniorManager)]
    [InlineData(Role.SchoolUser)]
    public async Task Import_ByAnyoneButAnAdministrator_IsForbidden_AndRecordsNothing(Role role)
    {
        await using (var db = _database.CreateContext(new FixedCurrentUser("someone", role)))
        {
            var refused = await new ImportPupils(db).RunAsync(new DataImportRequest(new MemoryStream(DataFile.Pupils(Urns).ToBytes()), "pupils.csv"));
            refused.Errors.ShouldHaveSingleItem().Kind.ShouldBe(ErrorKind.Forbidden);
            refused.Errors[0].Message.ShouldBe("Only an LA administrator may import pupil-level data.");
        }
        await using (var db = _database.CreateContext(new FixedCurrentUser("someone", role)))
            (await new ImportSurveys(db).RunAsync(new DataImportRequest(new MemoryStream(DataFile.Surveys(Urns).ToBytes()), "surveys.csv"))).IsForbidden.ShouldBeTrue();

        (await QueryAsync(db => db.Imports.CountAsync())).ShouldBe(0);
        (await QueryAsync(db => db.PupilDataBlocks.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task SurveyImport_StoresAuditsAndIsIdempotent()
    {
        var bytes = DataFile.Surveys(Urns, 2023, 2).ToBytes();

        var first = await ImportSurveysAsync(bytes);
        var again = await ImportSurveysAsync(bytes);

        (first.Kind, first.Added, first.SchoolYears).ShouldBe((ImportKind.Surveys, 6, 6));
        (again.Added, again.Replaced, again.Unchanged).ShouldBe((0, 0, 6));
        var blocks = await QueryAsync(db => db.SurveyDataBlocks.ToListAsync());
        blocks.Count.ShouldBe(6);
        SurveyBlockCodec.Decode(blocks[0].Data).Count.ShouldBe(blocks[0].RespondentCount);
        (await QueryAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == nameof(SurveyDataBlock)))).ShouldBe(6);
    }

    [Fact]
    public async Task SurveyImport_OfABadFile_ChangesNothing()
    {
        var file = DataFile.Surveys(Urns);
        file.Set(3, "RespondentType", "Governor");

        var result = await ImportSurveysAsync(file.ToBytes());

        result.Errors.Single().ShouldBe(new ImportProblem(5, "RespondentType", "'Governor' is not a respondent type: write Pupil or Parent"));
        (await QueryAsync(db => db.SurveyDataBlocks.CountAsync())).ShouldBe(0);
    }
}

public sealed class PupilImportTests_Sqlite() : PupilImportTests(DatabaseProvider.Sqlite);
public sealed class PupilImportTests_Postgres() : PupilImportTests(DatabaseProvider.Postgres);
