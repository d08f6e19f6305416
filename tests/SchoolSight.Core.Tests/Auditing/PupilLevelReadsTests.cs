using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Auditing;
using SchoolSight.Core.Data;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Auditing;
using SchoolSight.TestSupport;

namespace SchoolSight.Core.Tests.Auditing;

/// <summary>Reads of pupil-level figures are written in groups, yet each is committed before its figures are served.</summary>
public abstract class PupilLevelReadsTests(DatabaseProvider provider)
{
    [Fact]
    public async Task ReadsRecordedAtOnce_EachGetTheirOwnRow_CommittedWhenRecordReturns()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        const int reads = 40;
        await Task.WhenAll(Enumerable.Range(1, reads).Select(async i =>
        {
            await using var db = database.CreateContext(new FixedCurrentUser($"officer{i}@demo-borough.example", Role.InterventionOfficer, $"u-{i}"));
            await PupilLevelReads.RecordAsync(db, PupilLevelReads.SchoolFigures, $"{100000 + i}", 100000 + i, $"Figures of school {i}", default);
            await using var check = database.CreateContext();
            (await check.AuditEntries.CountAsync(a => a.UserId == $"u-{i}")).ShouldBe(1, "the read is committed before RecordAsync returns");
        }));

        await using var read = database.CreateContext();
        var rows = await read.AuditEntries.Where(a => a.Action == AuditAction.Read).ToListAsync();
        rows.Count.ShouldBe(reads);
        foreach (var i in Enumerable.Range(1, reads))
        {
            var row = rows.Single(r => r.UserId == $"u-{i}");
            row.UserName.ShouldBe($"officer{i}@demo-borough.example");
            row.SchoolUrn.ShouldBe(100000 + i);
            row.EntityType.ShouldBe(PupilLevelReads.SchoolFigures);
            row.Changes!.ShouldContain($"Figures of school {i}");
        }
    }

    [Fact]
    public async Task AReadWhoseAuditCannotBeWritten_Fails()
    {
        // A database without the audit table: the write fails, and so does the read that asked for it.
        await using var database = await TestDatabase.CreateAsync(provider, migrate: false);
        await using var db = database.CreateContext(new FixedCurrentUser("officer@demo-borough.example", Role.InterventionOfficer, "u-1"));
        await Should.ThrowAsync<Exception>(() => PupilLevelReads.RecordAsync(db, PupilLevelReads.SchoolFigures, "100001", 100001, "Figures", default));
    }
}

public sealed class PupilLevelReadsTests_Sqlite() : PupilLevelReadsTests(DatabaseProvider.Sqlite);
public sealed class PupilLevelReadsTests_Postgres() : PupilLevelReadsTests(DatabaseProvider.Postgres);
