using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Core.Imports;
using SchoolSight.Core.Imports.Pupils;
using SchoolSight.Core.Imports.Surveys;
using SchoolSight.Domain.Auditing;
using SchoolSight.Domain.Indicators;
using SchoolSight.TestSupport;

namespace SchoolSight.Core.Tests.Imports;

/// <summary>
/// The pupil and survey imports write their school-year blocks and the blocks' audit rows in bulk (binary COPY on
/// PostgreSQL, one prepared insert reused for every row on SQLite). On a sample of ten school-years, imported and then
/// partly replaced, what they write is exactly what saving each block and its audit row through EF Core writes: the
/// same block rows (rows, hash, encoded data, pupil references, import, time) and the same audit rows (action, key,
/// school, rows before and after, import, file).
/// </summary>
public abstract partial class DataBlockBulkSaveTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly int[] Urns = [999201, 999202, 999203, 999204, 999205];
    private readonly TestClock _clock = new(2026, 9, 1);
    /// <summary>The database the blocks are saved into one by one, made only for the tests that compare with it.</summary>
    private readonly Lazy<Task<TestDatabase>> _oneByOne = new(() => WithSchoolsAsync(provider));

    protected TestDatabase Bulk { get; private set; } = null!;

    public async Task InitializeAsync() => Bulk = await WithSchoolsAsync(provider);

    public async Task DisposeAsync()
    {
        await Bulk.DisposeAsync();
        if (_oneByOne.IsValueCreated) await (await _oneByOne.Value).DisposeAsync();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ImportAndReimportOfChanges_WriteTheBlocksAndAuditRows_ThatSavingEachBlockThroughEfCoreWrites(bool surveys)
    {
        var (first, second) = Files(surveys);

        await ImportBothWaysAsync(first, second, surveys);
        var audit = await AuditAsync(Bulk, surveys);
        audit.Count.ShouldBe(12);
        audit.ShouldBe(await AuditAsync(await _oneByOne.Value, surveys));
        audit.Count(a => a.Contains($"\"Action\":{(int)AuditAction.Updated}", StringComparison.Ordinal)).ShouldBe(2);
    }

    /// <summary>
    /// The import writes each block while the rest of the file is read. A file that deals its rows out school-year by
    /// school-year in turn leaves and comes back to every school-year again and again, so each one's block is written,
    /// replaced again and again, and (when the file ends as what was held) put back as it was: what is stored at the end
    /// is still exactly what saving each final block through EF Core stores, audit rows included, and the school-years
    /// that did not change keep their earlier import and time.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AFileThatComesBackToItsSchoolYears_StoresTheBlocksAndAuditRows_ThatSavingEachFinalBlockThroughEfCoreWrites(bool surveys)
    {
        var (first, second) = Files(surveys);
        (first, second) = (Interleaved(first), Interleaved(second));

        await ImportBothWaysAsync(first, second, surveys);
        (await AuditAsync(Bulk, surveys)).ShouldBe(await AuditAsync(await _oneByOne.Value, surveys));
        var again = await ImportAsync(Bulk, second, surveys);
        (again.Added, again.Replaced, again.Unchanged).ShouldBe((0, 0, 10));
        (await BlocksAsync(Bulk, surveys)).ShouldBe(await BlocksAsync(await _oneByOne.Value, surveys));
    }

    /// <summary>
    /// Blocks are written before the file's end is read; a problem on the file's last line still leaves nothing written:
    /// into an empty database no block and no block audit row, and over blocks already held, those blocks as they were.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AProblemOnTheLastLine_RejectsTheFile_AndLeavesNothingWritten(bool surveys)
    {
        var (first, second) = Files(surveys);
        (first, second) = (Interleaved(first), Interleaved(second));

        var rejected = await ImportBrokenAsync(first, surveys);
        rejected.Errors.Select(e => e.Line).ShouldBe([DataFile.LineOf(first.Rows.Count - 1)]);
        (await BlocksAsync(Bulk, surveys)).ShouldBeEmpty();
        (await AuditAsync(Bulk, surveys)).ShouldBeEmpty();

        await ImportAsync(Bulk, first, surveys);
        var (blocks, audit) = (await BlocksAsync(Bulk, surveys), await AuditAsync(Bulk, surveys));
        _clock.Advance(TimeSpan.FromDays(30));
        (await ImportBrokenAsync(second, surveys)).Applied.ShouldBeFalse();
        (await BlocksAsync(Bulk, surveys)).ShouldBe(blocks);
        (await AuditAsync(Bulk, surveys)).ShouldBe(audit);
        await using var db = Bulk.CreateContext();
        (await db.Imports.OrderBy(i => i.Id).Select(i => i.Outcome).ToListAsync())
            .ShouldBe([Domain.Imports.ImportOutcome.Rejected, Domain.Imports.ImportOutcome.Applied, Domain.Imports.ImportOutcome.Rejected]);
    }

    /// <summary>The first file imported, then the second a month later, into one database by the import and into the other block by block through EF Core; the same blocks stored.</summary>
    private async Task ImportBothWaysAsync(DataFile first, DataFile second, bool surveys)
    {
        var added = await ImportAsync(Bulk, first, surveys);
        await SaveOneByOneAsync(first, surveys, added.ImportId);
        _clock.Advance(TimeSpan.FromDays(30));
        var replaced = await ImportAsync(Bulk, second, surveys);
        await SaveOneByOneAsync(second, surveys, replaced.ImportId);

        (added.Added, replaced.Replaced, replaced.Unchanged).ShouldBe((10, 2, 8));
        (await BlocksAsync(Bulk, surveys)).ShouldBe(await BlocksAsync(await _oneByOne.Value, surveys));
    }

    private async Task<DataImportResult> ImportBrokenAsync(DataFile file, bool surveys)
    {
        var broken = DataFile.Parse(file.ToBytes());
        var last = broken.Rows.Count - 1;
        if (surveys) broken.Set(last, SurveyFields.RespondentTypeColumn, "Teacher");
        else broken.Set(last, PupilFields.PupilRefColumn, "");
        await using var db = Bulk.CreateContext(clock: _clock);
        var request = new DataImportRequest(new MemoryStream(broken.ToBytes()), FileName(surveys));
        var result = (surveys ? await new ImportSurveys(db).RunAsync(request) : await new ImportPupils(db).RunAsync(request)).Value!;
        result.Applied.ShouldBeFalse();
        return result;
    }

    /// <summary>
    /// The rows dealt out ten at a time, one school-year after another in turn, so the file leaves and comes back to every
    /// school-year again and again (about fourteen times for a school-year of 140 pupils). Ten rather than one a turn:
    /// each return makes the import write its waiting blocks, and on PostgreSQL a write per row made these tests seconds
    /// long without checking anything more.
    /// </summary>
    private static DataFile Interleaved(DataFile file)
    {
        const int RowsPerTurn = 10;
        var dealt = DataFile.Parse(file.ToBytes());
        var groups = dealt.Rows.GroupBy(r => (r[0], r[1])).Select(g => g.ToList()).ToList();
        dealt.Rows.Clear();
        for (var from = 0; groups.Any(g => g.Count > from); from += RowsPerTurn)
            dealt.Rows.AddRange(groups.SelectMany(g => g.Skip(from).Take(RowsPerTurn)));
        return dealt;
    }

    /// <summary>A file for five schools over two years, and the same file with one row changed in two school-years.</summary>
    protected static (DataFile First, DataFile Second) Files(bool surveys)
    {
        DataFile Make() => surveys ? DataFile.Surveys(Urns, 2023, 2) : DataFile.Pupils(Urns, 2023, 2);
        var (first, second) = (Make(), Make());
        foreach (var (urn, year) in new[] { (Urns[0], "2024/25"), (Urns[3], "2023/24") })
        {
            var row = second.Rows.FindIndex(r => r[0] == urn.ToString() && r[1] == year);
            if (surveys)
                second.Set(row, SurveyFields.RespondentTypeColumn, second.Value(row, SurveyFields.RespondentTypeColumn) == "Pupil" ? "Parent" : "Pupil");
            else second.Set(row, PupilFields.PupilRefColumn, $"CHANGED{urn}");
        }
        return (first, second);
    }

    protected async Task<DataImportResult> ImportAsync(TestDatabase database, DataFile file, bool surveys)
    {
        await using var db = database.CreateContext(clock: _clock);
        var request = new DataImportRequest(new MemoryStream(file.ToBytes()), FileName(surveys));
        var result = (surveys ? await new ImportSurveys(db).RunAsync(request) : await new ImportPupils(db).RunAsync(request)).Value!;
        result.Errors.ShouldBeEmpty();
        result.Applied.ShouldBeTrue();
        return result;
    }

    /// <summary>Each changed block and its audit row saved through EF Core on their own, as the import saved them before it wrote in bulk.</summary>
    private async Task SaveOneByOneAsync(DataFile file, bool surveys, long importId)
    {
        await using var db = (await _oneByOne.Value).CreateContext(clock: _clock);
        using var spool = new BlockSpool();
        var content = new MemoryStream(file.ToBytes());
        var read = surveys ? await SurveyFileReader.ReadAsync(content, Urns.ToHashSet(), spool) : await PupilFileReader.ReadAsync(content, Urns.ToHashSet(), spool);
        var held = surveys
            ? await db.SurveyDataBlocks.AsNoTracking().ToDictionaryAsync(b => new SchoolYear(b.Urn, b.AcademicYear), b => (b.Sha256, Rows: b.RespondentCount))
            : await db.PupilDataBlocks.AsNoTracking().ToDictionaryAsync(b => new SchoolYear(b.Urn, b.AcademicYear), b => (b.Sha256, Rows: b.PupilCount));
        var now = db.UtcNow;
        foreach (var block in read.Blocks)
        {
            var replacing = held.TryGetValue(block.Key, out var before);
            if (replacing && before.Sha256 == block.Sha256) continue;
            var (data, refs) = spool.Read(block);
            object row = surveys
                ? new SurveyDataBlock(block.Key.Urn, block.Key.AcademicYear, block.Rows, block.Sha256, data, importId, now)
                : new PupilDataBlock(block.Key.Urn, block.Key.AcademicYear, block.Rows, block.Sha256, data, refs, importId, now);
            if (replacing) db.Update(row);
            else db.Add(row);
            db.AuditEntries.Add(new AuditEntry(now, db.CurrentUser.UserId, db.CurrentUser.UserName, replacing ? AuditAction.Updated : AuditAction.Created,
                row.GetType().Name, block.Key.ToString(), JsonSerializer.Serialize(new Dictionary<string, object?>
                {
                    ["AcademicYear"] = AcademicYears.Display(block.Key.AcademicYear),
                    [surveys ? "Respondents" : "Pupils"] = new object?[] { replacing ? before.Rows : null, block.Rows },
                    ["ImportId"] = importId,
                    ["FileName"] = FileName(surveys),
                }), block.Key.Urn));
            await db.SaveChangesAsync();
        }
    }

    /// <summary>Every stored block, every column (times as ticks, so the two databases compare too).</summary>
    protected static async Task<List<string>> BlocksAsync(TestDatabase database, bool surveys)
    {
        await using var db = database.CreateContext();
        return surveys
            ? [.. (await db.SurveyDataBlocks.AsNoTracking().OrderBy(b => b.Urn).ThenBy(b => b.AcademicYear).ToListAsync())
                .Select(b => JsonSerializer.Serialize(new { b.Urn, b.AcademicYear, b.RespondentCount, b.Sha256, b.Data, b.ImportId, b.ImportedAt.Ticks }))]
            : [.. (await db.PupilDataBlocks.AsNoTracking().OrderBy(b => b.Urn).ThenBy(b => b.AcademicYear).ToListAsync())
                .Select(b => JsonSerializer.Serialize(new { b.Urn, b.AcademicYear, b.PupilCount, b.Sha256, b.Data, b.PupilRefs, b.ImportId, b.ImportedAt.Ticks }))];
    }

    /// <summary>The blocks' audit rows in the order they were written.</summary>
    protected static async Task<List<string>> AuditAsync(TestDatabase database, bool surveys)
    {
        await using var db = database.CreateContext();
        var entity = surveys ? nameof(SurveyDataBlock) : nameof(PupilDataBlock);
        return [.. (await db.AuditEntries.Where(a => a.EntityType == entity).OrderBy(a => a.Id).ToListAsync())
            .Select(a => JsonSerializer.Serialize(new { a.At.Ticks, a.UserId, a.UserName, a.Action, a.EntityType, a.EntityKey, a.SchoolUrn, a.Changes }))];
    }

    protected static async Task<TestDatabase> WithSchoolsAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        db.Schools.AddRange(Urns.Select(u => Build.School(u, $"School {u}")));
        await db.SaveChangesAsync();
        return database;
    }

    private static string FileName(bool surveys) => surveys ? "surveys_2024-25.csv" : "pupils_2024-25.csv";
}

public sealed class DataBlockBulkSaveTests_Sqlite() : DataBlockBulkSaveTests(DatabaseProvider.Sqlite);

public sealed class DataBlockBulkSaveTests_Postgres() : DataBlockBulkSaveTests(DatabaseProvider.Postgres)
{
    /// <summary>The same two files imported into SQLite (prepared batched inserts and updates) store the same blocks and audit rows as on PostgreSQL (binary COPY).</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task CopyImport_StoresTheSameBlocksAndAuditRows_AsTheBatchedImportOnSqlite(bool surveys)
    {
        await using var batched = await WithSchoolsAsync(DatabaseProvider.Sqlite);
        var (first, second) = Files(surveys);

        foreach (var file in new[] { first, second })
        {
            await ImportAsync(Bulk, file, surveys);
            await ImportAsync(batched, file, surveys);
        }

        var blocks = await BlocksAsync(Bulk, surveys);
        blocks.Count.ShouldBe(10);
        blocks.ShouldBe(await BlocksAsync(batched, surveys));
        (await AuditAsync(Bulk, surveys)).ShouldBe(await AuditAsync(batched, surveys));
    }

    /// <summary>PostgreSQL stores the imported pupil blocks compressed with LZ4 (much cheaper for the server to write than its default pglz).</summary>
    [Fact]
    public async Task PupilImport_StoresTheBlocksCompressedWithLz4()
    {
        await ImportAsync(Bulk, Files(surveys: false).First, surveys: false);

        await using var db = Bulk.CreateContext();
        var methods = await db.Database.SqlQueryRaw<string>(
            """SELECT coalesce(pg_column_compression("Data")::text, 'none') AS "Value" FROM "PupilDataBlocks" WHERE octet_length("Data") > 4096""").ToListAsync();
        methods.ShouldNotBeEmpty();
        methods.ShouldAllBe(m => m == "lz4");
    }
}
