using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Core.Imports.Gias;
using SchoolSight.Domain.Auditing;
using SchoolSight.Domain.Imports;
using SchoolSight.Domain.Register;
using SchoolSight.TestSupport;

namespace SchoolSight.Core.Tests.Imports;

/// <summary>A fresh migrated database per test, on SQLite or PostgreSQL, and helpers to import GIAS files into it.</summary>
public abstract class GiasImportTestBase(DatabaseProvider provider) : IAsyncLifetime
{
    protected TestDatabase Database { get; private set; } = null!;

    public virtual async Task InitializeAsync() => Database = await TestDatabase.CreateAsync(provider);
    public async Task DisposeAsync() => await Database.DisposeAsync();

    protected static byte[] RealFileBytes() => File.ReadAllBytes(SharedData.GiasHampshireSurrey);

    protected Task<GiasImportResult> ImportAsync(byte[] content, params int[] laCodes) =>
        ImportAsync(content, laCodes.Length == 0 ? GiasImportScope.EveryLa : GiasImportScope.Only(laCodes));

    protected async Task<GiasImportResult> ImportAsync(byte[] content, GiasImportScope scope, IProgress<GiasImportProgress>? progress = null)
    {
        await using var db = Database.CreateContext();
        return (await new ImportGias(db).RunAsync(new GiasImportRequest(new MemoryStream(content), "edubasealldata.csv", scope), progress)).Value!;
    }

    protected async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var db = Database.CreateContext();
        return await query(db);
    }

    protected Task<School?> SchoolAsync(int urn) =>
        QueryAsync(db => db.Schools.Include(s => s.Memberships).SingleOrDefaultAsync(s => s.Urn == urn));

    /// <summary>Schools, school audit rows and all audit rows: what a rejected import must leave as it was.</summary>
    protected Task<(int Schools, int SchoolAudit, int Audit)> CountsAsync() => QueryAsync(async db => (
        await db.Schools.CountAsync(),
        await db.AuditEntries.CountAsync(a => a.EntityType == nameof(School)),
        await db.AuditEntries.CountAsync()));

    protected Task<ImportRecord> ImportRecordAsync(long id) => QueryAsync(db => db.Imports.SingleAsync(i => i.Id == id));

    protected Task<List<AuditEntry>> AuditOfSchoolsAsync() =>
        QueryAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(School)).ToListAsync());
}
