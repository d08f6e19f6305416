using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SchoolSight.Core.Access;
using SchoolSight.Core.Backups;
using SchoolSight.Core.Data;
using SchoolSight.Core.Demo;
using SchoolSight.Core.Tests.Demo;
using SchoolSight.Domain.Auditing;
using SchoolSight.Domain.Indicators;
using SchoolSight.TestSupport;

namespace SchoolSight.Core.Tests.Backups;

/// <summary>
/// The whole of Demo Borough (register, users, pupil and survey blocks, indicators, programme cases, levels, boards,
/// the audit trail) backed up, changed and deleted in several tables, restored, and compared table by table, row by row.
/// </summary>
[Trait("Category", "Battery")]
public abstract class DemoBackupRoundTripTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"schoolsight-backup-test-{Guid.NewGuid():N}");

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        Directory.CreateDirectory(_folder);
        await DemoBoroughDatabase.SeedAsync(_database);
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    private async Task<SortedDictionary<string, List<string>>> SnapshotAsync()
    {
        await using var db = _database.CreateContext();
        return await TableSnapshot.TakeAsync(db);
    }

    [Fact]
    public async Task BackupAndRestore_OfTheDemo_GivesBackEveryRowOfEveryTable()
    {
        var before = await SnapshotAsync();
        before.Where(t => t.Key is "Schools" or "PupilDataBlocks" or "SurveyDataBlocks" or "IndicatorResults" or "AuditEntries" or "AspNetUsers" or "ProgrammeCases")
            .ShouldAllBe(t => t.Value.Count > 0);

        var file = Path.Combine(_folder, "demo-borough.backup");
        var backup = await new BackupDatabase(_database.Options).RunAsync(new BackupRequest(file));
        backup.Errors.ShouldBeEmpty();

        await using (var db = _database.CreateContext())
        {
            var year = await db.PupilDataBlocks.MaxAsync(b => b.AcademicYear);
            await db.PupilDataBlocks.Where(b => b.AcademicYear == year).ExecuteDeleteAsync();
            await db.IndicatorResults.Where(r => r.AreaKind != AreaKind.School).ExecuteDeleteAsync();
            await db.SurveyDataBlocks.Where(b => b.Urn % 2 == 0).ExecuteDeleteAsync();
            await db.Localities.ExecuteUpdateAsync(s => s.SetProperty(l => l.Name, l => l.Name + " (changed after the backup)"));
            db.AuditEntries.Add(new AuditEntry(db.UtcNow, null, "someone", AuditAction.Updated, "School", "999001", "{}", 999001));
            await db.SaveChangesAsync();
        }
        (await SnapshotAsync()).Lines().ShouldNotBe(before.Lines());

        await using (var db = _database.CreateContext())
        {
            var restore = await new RestoreDatabase(_database.Options, db).RunAsync(new RestoreRequest(file));
            restore.Errors.ShouldBeEmpty();
        }

        var after = await SnapshotAsync();
        after.Keys.ShouldBe(before.Keys);
        after.Lines().Count.ShouldBe(before.Lines().Count);
        foreach (var (table, rows) in before)
        {
            after[table].Count.ShouldBe(rows.Count, table);
            after[table].ShouldBe(rows, table);
        }
    }
}

public sealed class DemoBackupRoundTripTests_Sqlite() : DemoBackupRoundTripTests(DatabaseProvider.Sqlite);
public sealed class DemoBackupRoundTripTests_Postgres() : DemoBackupRoundTripTests(DatabaseProvider.Postgres);
