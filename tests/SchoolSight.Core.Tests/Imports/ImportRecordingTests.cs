using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SchoolSight.Core.Data;
using SchoolSight.Core.Imports;
using SchoolSight.Core.Imports.Pupils;
using SchoolSight.Core.Indicators;
using SchoolSight.Domain.Auditing;
using SchoolSight.Domain.Imports;
using SchoolSight.Domain.Indicators;
using SchoolSight.TestSupport;

namespace SchoolSight.Core.Tests.Imports;

/// <summary>
/// How an import is recorded when things go wrong, on both databases: an attempt is on record before its transaction
/// (and shows as "did not finish" while it has no outcome), two imports of the same file run one after the other, and
/// the recompute an import needs is marked in its own transaction and finished by whoever comes next.
/// </summary>
public abstract class ImportRecordingTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly int[] Urns = [999101, 999102, 999103];
    private readonly IndicatorCatalogueSource _source = IndicatorCatalogueSource.Default;
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        await using var db = _database.CreateContext();
        db.Schools.AddRange(Urns.Select(u => Build.School(u, $"School {u}")));
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<DataImportResult> ImportAsync(byte[] file, bool compute = false, params IInterceptor[] interceptors)
    {
        await using var db = _database.CreateContext(null, null, interceptors);
        return (await new ImportPupils(db, compute ? new ComputeIndicators(db, _source) : null).RunAsync(new DataImportRequest(new MemoryStream(file), "pupils_2024-25.csv"))).Value!;
    }

    private async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var db = _database.CreateContext();
        return await query(db);
    }

    private Task<List<(string, string, int, string)>> FiguresAsync() => QueryAsync(async db =>
        (await db.IndicatorResults.AsNoTracking().OrderBy(r => r.AreaKind).ThenBy(r => r.AreaCode).ThenBy(r => r.AcademicYear).ToListAsync())
        .Select(r => (r.AreaKind.ToString(), r.AreaCode, r.AcademicYear, Convert.ToBase64String(r.Data))).ToList());

    [Fact]
    public async Task Import_StoppedAfterItsCommit_LeavesItsRecomputeMarked_AndReimportingTheSameFileFinishesIt()
    {
        var file = DataFile.Pupils(Urns).ToBytes();

        // Without the recompute: what a process stopped straight after the import's commit leaves.
        var stopped = await ImportAsync(file);

        stopped.Applied.ShouldBeTrue();
        (await QueryAsync(db => db.PendingRecomputes.Select(p => new { p.AcademicYear, p.ImportId }).ToListAsync()))
            .ShouldBe([new { AcademicYear = 2024, ImportId = stopped.ImportId }]);
        (await QueryAsync(db => db.IndicatorResults.CountAsync())).ShouldBe(0);

        var again = await ImportAsync(file, compute: true);

        (again.Added, again.Replaced, again.Unchanged).ShouldBe((0, 0, 3));
        again.Recomputed.ShouldNotBeNull().Years.ShouldBe([2024]);
        (await QueryAsync(db => db.PendingRecomputes.CountAsync())).ShouldBe(0);
        (await QueryAsync(db => db.IndicatorResults.CountAsync(r => r.AreaKind == AreaKind.School))).ShouldBe(3);
        (await QueryAsync(db => db.IndicatorResults.CountAsync(r => r.AreaKind == AreaKind.England))).ShouldBe(1);
        var current = await FiguresAsync();
        await using (var db = _database.CreateContext())
            (await new ComputeIndicators(db, _source).RunAsync(new ComputeRequest(Full: true))).SchoolYearsComputed.ShouldBe(3);
        (await FiguresAsync()).ShouldBe(current);
    }

    [Fact]
    public async Task PendingRecompute_IsClearedOnlyOnceTheRecomputeIsSaved_AndARecomputeThatStoppedAfterTheSchoolsStillGetsItsAreas()
    {
        await ImportAsync(DataFile.Pupils(Urns).ToBytes());

        // The recompute saves the schools, then fails while saving the areas.
        await using (var failing = _database.CreateContext(null, null, new FailOn("SimilarSchoolSets", "DELETE")))
            await Should.ThrowAsync<InvalidOperationException>(() => new RecomputePending(failing, new ComputeIndicators(failing, _source)).RunAsync());

        (await QueryAsync(db => db.PendingRecomputes.CountAsync())).ShouldBe(1);
        (await QueryAsync(db => db.IndicatorResults.CountAsync(r => r.AreaKind == AreaKind.School))).ShouldBe(3);
        (await QueryAsync(db => db.IndicatorResults.CountAsync(r => r.AreaKind != AreaKind.School))).ShouldBe(0);

        await using (var db = _database.CreateContext())
            (await new RecomputePending(db, new ComputeIndicators(db, _source)).RunAsync()).ShouldNotBeNull().SchoolYearsComputed.ShouldBe(0);

        (await QueryAsync(db => db.PendingRecomputes.CountAsync())).ShouldBe(0);
        (await QueryAsync(db => db.IndicatorResults.CountAsync(r => r.AreaKind == AreaKind.England))).ShouldBe(1);
        await using (var db = _database.CreateContext())
            (await new RecomputePending(db, new ComputeIndicators(db, _source)).RunAsync()).ShouldBeNull();
    }

    [Fact]
    public async Task TwoImportsOfTheSameFile_Interleaved_OneReplaces_TheOtherFindsItUnchanged_AndTheAuditHasTheRightBefore()
    {
        var first = DataFile.Pupils(Urns, seed: 1);
        var second = DataFile.Pupils(Urns, seed: 2);
        await ImportAsync(first.ToBytes());
        var rowsBefore = Urns.ToDictionary(u => u, u => first.Rows.Count(r => r[0] == u.ToString()));
        var rowsAfter = Urns.ToDictionary(u => u, u => second.Rows.Count(r => r[0] == u.ToString()));

        // The first import stops inside its transaction, its blocks written (in bulk) and the years to recompute about to
        // be marked, until the second has been started and has had time to read the file and reach its own transaction.
        var pause = new PauseOnWrite("PendingRecomputes");
        var one = Task.Run(() => ImportAsync(second.ToBytes(), false, pause));
        await pause.Reached.WaitAsync(TimeSpan.FromSeconds(60));
        var two = Task.Run(() => ImportAsync(second.ToBytes()));
        await Task.Delay(TimeSpan.FromSeconds(2));
        two.IsCompleted.ShouldBeFalse();
        pause.Release();
        var results = await Task.WhenAll(one, two);

        results.Select(r => (r.Added, r.Replaced, r.Unchanged)).ShouldBe([(0, 3, 0), (0, 0, 3)]);
        var audit = await QueryAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(PupilDataBlock) && a.Action == AuditAction.Updated).ToListAsync());
        audit.Count.ShouldBe(3);
        foreach (var entry in audit)
            entry.Changes.ShouldNotBeNull().ShouldContain($"\"Pupils\":[{rowsBefore[entry.SchoolUrn!.Value]},{rowsAfter[entry.SchoolUrn!.Value]}]");
        (await QueryAsync(db => db.PupilDataBlocks.Select(b => b.ImportId).Distinct().ToListAsync())).ShouldBe([results[0].ImportId]);
        var records = await QueryAsync(db => db.Imports.Where(i => i.Id == results[0].ImportId || i.Id == results[1].ImportId).OrderBy(i => i.Id).ToListAsync());
        records.Select(r => (r.Outcome, r.Updated, r.Unchanged)).ShouldBe([(ImportOutcome.Applied, 3, 0), (ImportOutcome.Applied, 0, 3)]);
    }

    [Fact]
    public async Task Import_InsideItsTransaction_IsOnRecordAsNotFinished_AndAFailureThereIsRecordedAsFailed_WithNothingSaved()
    {
        var file = DataFile.Pupils(Urns).ToBytes();
        var pause = new PauseOnWrite("PendingRecomputes", fail: true);
        var import = Task.Run(() => ImportAsync(file, false, pause));
        await pause.Reached.WaitAsync(TimeSpan.FromSeconds(60));

        // What a process killed at this point leaves: the attempt, with its file and hash, and no outcome.
        await using (var db = _database.CreateContext())
        {
            var history = await new ImportHistory(db).ListAsync();
            var attempt = history.Imports.ShouldHaveSingleItem();
            (attempt.Kind, attempt.Outcome, attempt.OutcomeText, attempt.FileName, attempt.UserName)
                .ShouldBe((ImportKind.Pupils, ImportOutcome.DidNotFinish, "Did not finish", "pupils_2024-25.csv", "test-admin@demo-borough.example"));
            attempt.Sha256.Length.ShouldBe(64);
        }
        pause.Release();
        await Should.ThrowAsync<OperationCanceledException>(() => import);

        var record = await QueryAsync(db => db.Imports.SingleAsync());
        (record.Outcome, record.ErrorCount).ShouldBe((ImportOutcome.Failed, 1));
        record.FirstErrors.ShouldNotBeNull().ShouldContain("nothing was imported");
        (await QueryAsync(db => db.PupilDataBlocks.CountAsync())).ShouldBe(0);
        (await QueryAsync(db => db.PendingRecomputes.CountAsync())).ShouldBe(0);
        (await QueryAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == nameof(PupilDataBlock) || a.Action == AuditAction.Imported))).ShouldBe(0);
    }

    /// <summary>Holds the first write to <paramref name="table"/> until released (then, with <paramref name="fail"/>, stops the
    /// import as a cancelled request would).</summary>
    private sealed class PauseOnWrite(string table, bool fail = false) : DbCommandInterceptor
    {
        private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _seen;

        public Task Reached => _reached.Task;
        public void Release() => _release.TrySetResult();

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            await HoldAsync(command);
            return result;
        }

        public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            await HoldAsync(command);
            return result;
        }

        private async Task HoldAsync(DbCommand command)
        {
            var text = command.CommandText;
            if (!text.Contains($"\"{table}\"") || !(text.Contains("INSERT") || text.Contains("UPDATE")) || Interlocked.Exchange(ref _seen, 1) == 1) return;
            _reached.TrySetResult();
            await _release.Task;
            if (fail) throw new OperationCanceledException("The import was stopped here.");
        }
    }

    /// <summary>Fails every command that <paramref name="verb"/>s (INSERT, DELETE) rows of a table.</summary>
    private sealed class FailOn(string table, string verb) : DbCommandInterceptor
    {
        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
            Matches(command) ? throw new InvalidOperationException("The recompute stopped here.") : ValueTask.FromResult(result);

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            Matches(command) ? throw new InvalidOperationException("The recompute stopped here.") : ValueTask.FromResult(result);

        private bool Matches(DbCommand command) => command.CommandText.Contains($"\"{table}\"") && command.CommandText.Contains(verb);
    }
}

public sealed class ImportRecordingTests_Sqlite() : ImportRecordingTests(DatabaseProvider.Sqlite);
public sealed class ImportRecordingTests_Postgres() : ImportRecordingTests(DatabaseProvider.Postgres);
