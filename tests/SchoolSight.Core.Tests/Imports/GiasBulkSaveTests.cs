using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Core.Imports.Gias;
using SchoolSight.Domain.Register;
using SchoolSight.TestSupport;

namespace SchoolSight.Core.Tests.Imports;

/// <summary>
/// The GIAS import writes its schools and their audit rows in bulk (binary COPY on PostgreSQL, batched prepared inserts
/// on SQLite). On a sample of the real file, what it writes is exactly what saving each school one by one writes: the
/// same school rows (stamped, version moved on) and the same audit rows (action, key, school, before and after of each field).
/// </summary>
public abstract class GiasBulkSaveTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly GiasTestFile SampleFile = GiasTestFile.Real().KeepOnly(r => r[0].EndsWith('1') || r[0].EndsWith('7'));
    private readonly TestClock _clock = new(2026, 9, 1);
    private TestDatabase _bulk = null!;

    protected static GiasTestFile Sample => SampleFile;
    protected TestClock Clock => _clock;
    protected TestDatabase Bulk => _bulk;
    private TestDatabase _oneByOne = null!;

    public async Task InitializeAsync() => (_bulk, _oneByOne) = (await TestDatabase.CreateAsync(provider), await TestDatabase.CreateAsync(provider));

    public async Task DisposeAsync()
    {
        await _bulk.DisposeAsync();
        await _oneByOne.DisposeAsync();
    }

    [Fact]
    public async Task ImportIntoAnEmptyDatabase_WritesTheSchoolsAndAuditRows_ThatSavingEachSchoolOneByOneWrites()
    {
        Sample.Rows.Count.ShouldBeGreaterThan(150);

        var result = await ImportAsync(_bulk, Sample);
        foreach (var row in await RowsAsync(Sample))
            await SaveOneAsync(db => db.Schools.Add(new School(row.Urn, row.Details)));

        result.Added.ShouldBe(Sample.Rows.Count);
        (await SchoolsAsync(_bulk)).ShouldBe(await SchoolsAsync(_oneByOne));
        var audit = await AuditAsync(_bulk);
        audit.Count.ShouldBe(Sample.Rows.Count);
        audit.ShouldBe(await AuditAsync(_oneByOne));
    }

    [Fact]
    public async Task ImportOfChanges_UpdatesAndClosesSchools_AndAuditsThem_AsSavingEachSchoolOneByOne()
    {
        await ImportAsync(_bulk, Sample);
        await ImportAsync(_oneByOne, Sample);
        var open = Sample.RowsOf(850).Where(r => Sample.Value(r, "EstablishmentStatus (name)") == "Open").Select(Sample.Urn).ToList();
        var changed = GiasTestFile.Real().KeepOnly(r => Sample.Rows.Any(s => s[0] == r[0]))
            .Set(open[0], "EstablishmentName", "Renamed O'Brien Primary School")
            .Set(open[1], "NumberOfPupils", "412")
            .Set(open[1], "HeadLastName", "Ngữ")
            .Set(open[2], "EstablishmentStatus (name)", "Closed")
            .Set(open[3], "PercentageFSM", "33.3")
            .Remove(open[4]);

        _clock.Advance(TimeSpan.FromDays(30));
        var result = await ImportAsync(_bulk, changed);
        var rows = (await RowsAsync(changed)).ToDictionary(r => r.Urn);
        foreach (var urn in open.Take(4))
            await SaveOneAsync(db => db.Schools.Single(s => s.Urn == urn).UpdateDetails(rows[urn].Details));
        await SaveOneAsync(db => db.Schools.Single(s => s.Urn == open[4]).MarkClosed(null));

        (result.Updated + result.Closed).ShouldBe(5);
        (await SchoolsAsync(_bulk)).ShouldBe(await SchoolsAsync(_oneByOne));
        var audit = await AuditAsync(_bulk);
        audit.Count.ShouldBe(Sample.Rows.Count + 5);
        audit.ShouldBe(await AuditAsync(_oneByOne));
        audit.ShouldContain(a => a.Contains("Renamed O") && a.Contains("Brien Primary School"));
    }

    [Fact]
    public async Task ImportIntoAnEmptyDatabase_StoresEachColumnOfTheSchoolsAndAuditRows_AsEfCoreStoresIt()
    {
        await ImportAsync(_bulk, Sample);
        foreach (var row in await RowsAsync(Sample))
            await SaveOneAsync(db => db.Schools.Add(new School(row.Urn, row.Details)));

        var schools = await StoredAsync(_bulk, "Schools", "\"Urn\"");
        schools.Count.ShouldBe(Sample.Rows.Count);
        schools.ShouldBe(await StoredAsync(_oneByOne, "Schools", "\"Urn\""));
        (await StoredAuditAsync(_bulk)).ShouldBe(await StoredAuditAsync(_oneByOne));
    }

    [Fact]
    public async Task ReimportOfTheSameFile_WritesNoSchoolAndNoAuditEntry()
    {
        await ImportAsync(_bulk, Sample);
        var (schools, audit) = (await StoredAsync(_bulk, "Schools", "\"Urn\""), await StoredAuditAsync(_bulk));

        _clock.Advance(TimeSpan.FromDays(30));
        var again = await ImportAsync(_bulk, Sample);

        (again.Unchanged, again.Added, again.Updated, again.Closed).ShouldBe((Sample.Rows.Count, 0, 0, 0));
        (await StoredAsync(_bulk, "Schools", "\"Urn\"")).ShouldBe(schools);
        (await StoredAuditAsync(_bulk)).ShouldBe(audit);
    }

    [Fact]
    public async Task ReimportWithAFewChangedSchools_WritesExactlyThoseSchools_WithOneAuditEntryEach()
    {
        await ImportAsync(_bulk, Sample);
        var open = Sample.RowsOf(850).Where(r => Sample.Value(r, "EstablishmentStatus (name)") == "Open").Select(Sample.Urn).ToList();
        var before = (await StoredAsync(_bulk, "Schools", "\"Urn\"")).ToDictionary(UrnOf);
        var auditBefore = await StoredAuditAsync(_bulk);
        var changed = GiasTestFile.Real().KeepOnly(r => Sample.Rows.Any(s => s[0] == r[0]))
            .Set(open[0], "OpenDate", "01-09-1999")
            .Set(open[1], "SchoolCapacity", "999")
            .Set(open[2], "PercentageFSM", "12.5");

        _clock.Advance(TimeSpan.FromDays(30));
        var result = await ImportAsync(_bulk, changed);

        (result.Updated, result.Added, result.Closed, result.Unchanged).ShouldBe((3, 0, 0, Sample.Rows.Count - 3));
        var after = (await StoredAsync(_bulk, "Schools", "\"Urn\"")).ToDictionary(UrnOf);
        after.Where(s => s.Value != before[s.Key]).Select(s => s.Key).Order().ShouldBe(open.Take(3).Order());
        var audit = await StoredAuditAsync(_bulk);
        var added = audit.Except(auditBefore).ToList();
        added.Count.ShouldBe(3);
        added.Select(a => a.Split('|').Single(f => f.StartsWith("EntityKey=", StringComparison.Ordinal))).Order()
            .ShouldBe(open.Take(3).Select(u => $"EntityKey=String:{u}").Order());
        added.ShouldContain(a => a.Contains("OpenDate", StringComparison.Ordinal) && a.Contains("1999-09-01", StringComparison.Ordinal));
    }

    private static int UrnOf(string stored) => int.Parse(stored.Split('|')[0].Split(':')[1], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The school audit rows as stored, column by column (but the key the database gives them).</summary>
    private static async Task<List<string>> StoredAuditAsync(TestDatabase database) =>
        [.. (await StoredAsync(database, "AuditEntries", "\"Id\"", "WHERE \"EntityType\" = 'School'")).Select(a => string.Join('|', a.Split('|').Skip(1)))];

    /// <summary>
    /// Each row of <paramref name="table"/> as the database holds it: every column's name, the type its value comes
    /// back as (on SQLite, the value's storage class) and the value itself, in invariant text.
    /// </summary>
    private static async Task<List<string>> StoredAsync(TestDatabase database, string table, string orderBy, string where = "")
    {
        await using var db = database.CreateContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\" {where} ORDER BY {orderBy}";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i)
                ? $"{reader.GetName(i)}=NULL"
                : $"{reader.GetName(i)}={reader.GetValue(i).GetType().Name}:{Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)}")));
        return rows;
    }

    protected async Task<GiasImportResult> ImportAsync(TestDatabase database, GiasTestFile file)
    {
        await using var db = database.CreateContext(clock: _clock);
        var result = (await new ImportGias(db).RunAsync(new GiasImportRequest(new MemoryStream(file.ToBytes()), "edubasealldata.csv", GiasImportScope.EveryLa))).Value!;
        result.Errors.ShouldBeEmpty();
        return result;
    }

    private async Task<IReadOnlyList<GiasRow>> RowsAsync(GiasTestFile file)
    {
        await using var db = _oneByOne.CreateContext(clock: _clock);
        var read = await GiasFileReader.ReadAsync(new MemoryStream(file.ToBytes()), new GiasReadOptions(GiasImportScope.EveryLa) { MaxLengths = GiasReadOptions.MaxLengthsOf(db.Model) });
        return read.Rows;
    }

    /// <summary>One change saved on its own, as any edit of a school is saved.</summary>
    private async Task SaveOneAsync(Action<AppDbContext> change)
    {
        await using var db = _oneByOne.CreateContext(clock: _clock);
        change(db);
        await db.SaveChangesAsync();
    }

    private static async Task<List<string>> SchoolsAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        return [.. (await db.Schools.AsNoTracking().OrderBy(s => s.Urn).ToListAsync()).Select(s => JsonSerializer.Serialize(s))];
    }

    protected static async Task<List<string>> AuditAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        return [.. (await db.AuditEntries.Where(a => a.EntityType == nameof(School)).ToListAsync())
            .Select(a => JsonSerializer.Serialize(new { a.At, a.UserId, a.UserName, a.Action, a.EntityType, a.EntityKey, a.SchoolUrn, a.Changes }))
            .Order(StringComparer.Ordinal)];
    }
}

public sealed class GiasBulkSaveTests_Sqlite() : GiasBulkSaveTests(DatabaseProvider.Sqlite);
public sealed class GiasBulkSaveTests_Postgres() : GiasBulkSaveTests(DatabaseProvider.Postgres)
{
    /// <summary>
    /// PostgreSQL lets another connection save a school between the import reading it and writing it (on SQLite the
    /// import holds the one writer's lock from the start): the bulk update finds the version moved on, and the whole
    /// import is rolled back and recorded as rejected.
    /// </summary>
    [Fact]
    public async Task ImportOfChanges_WhenASchoolIsSavedMeanwhile_IsRejected_AndNothingIsSaved()
    {
        await ImportAsync(Bulk, Sample);
        var urn = Sample.Urn(Sample.OpenSchool(850));
        var before = await AuditAsync(Bulk);
        var changed = GiasTestFile.Real().KeepOnly(r => Sample.Rows.Any(s => s[0] == r[0])).Set(urn, "EstablishmentName", "Renamed Meanwhile School");

        await using var db = Bulk.CreateContext(clock: Clock, interceptors: [new SaveSchoolWhenRead(Bulk.Options.ConnectionString, urn)]);
        var result = (await new ImportGias(db).RunAsync(new GiasImportRequest(new MemoryStream(changed.ToBytes()), "edubasealldata.csv", GiasImportScope.EveryLa))).Value!;

        result.Applied.ShouldBeFalse();
        result.Errors.ShouldHaveSingleItem().Problem.ShouldContain("another change to one of these schools was saved");
        (await AuditAsync(Bulk)).ShouldBe(before);
        await using var check = Bulk.CreateContext();
        (await check.Schools.SingleAsync(s => s.Urn == urn)).Details.Name.ShouldNotBe("Renamed Meanwhile School");
    }

    [Fact]
    public async Task CopyImport_StoresTheSameSchoolsAndAuditRows_AsTheBatchedImportOnSqlite()
    {
        await using var sqlite = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        await ImportAsync(Bulk, Sample);
        await ImportAsync(sqlite, Sample);

        var stored = await ReadBackAsync(Bulk);
        stored.Schools.Count.ShouldBe(Sample.Rows.Count);
        stored.Audit.Count.ShouldBe(Sample.Rows.Count);
        var batched = await ReadBackAsync(sqlite);
        stored.Schools.ShouldBe(batched.Schools);
        stored.Audit.ShouldBe(batched.Audit);
    }

    /// <summary>The schools and their audit rows as read back, times as ticks (PostgreSQL reads them back as UTC, SQLite as unspecified).</summary>
    private static async Task<(List<string> Schools, List<string> Audit)> ReadBackAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        List<string> schools = [.. (await db.Schools.AsNoTracking().OrderBy(s => s.Urn).ToListAsync())
            .Select(s => JsonSerializer.Serialize(new { s.Urn, s.Details, s.Phase, s.LocalityId, s.Version, s.UpdatedBy, UpdatedAt = s.UpdatedAt?.Ticks }))];
        List<string> audit = [.. (await db.AuditEntries.Where(a => a.EntityType == nameof(School)).ToListAsync())
            .Select(a => JsonSerializer.Serialize(new { a.At.Ticks, a.UserId, a.UserName, a.Action, a.EntityType, a.EntityKey, a.SchoolUrn, a.Changes }))
            .Order(StringComparer.Ordinal)];
        return (schools, audit);
    }

    /// <summary>When the import reads the schools inside its transaction, another connection saves one of them.</summary>
    private sealed class SaveSchoolWhenRead(string connectionString, int urn) : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
    {
        private bool _done;

        public override async ValueTask<System.Data.Common.DbDataReader> ReaderExecutedAsync(System.Data.Common.DbCommand command,
            Microsoft.EntityFrameworkCore.Diagnostics.CommandExecutedEventData eventData, System.Data.Common.DbDataReader result, CancellationToken ct = default)
        {
            if (!_done && command.Transaction is not null && command.CommandText.Contains("FROM \"Schools\"", StringComparison.Ordinal))
            {
                _done = true;
                await using var other = new Npgsql.NpgsqlConnection(connectionString);
                await other.OpenAsync(ct);
                await using var save = new Npgsql.NpgsqlCommand($"UPDATE \"Schools\" SET \"Version\" = \"Version\" + 1 WHERE \"Urn\" = {urn}", other);
                (await save.ExecuteNonQueryAsync(ct)).ShouldBe(1);
            }
            return result;
        }
    }
}
