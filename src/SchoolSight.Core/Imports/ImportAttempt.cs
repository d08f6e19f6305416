using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Core.Observability;
using SchoolSight.Domain.Imports;

namespace SchoolSight.Core.Imports;

/// <summary>
/// The record of an import attempt, kept whatever happens to the import: saved on its own before the file is read, so a
/// process that stops mid-import leaves an attempt with no outcome ("did not finish"); given its outcome in the
/// import's transaction (applied) or after it (rejected, failed). Also the per-source lock that makes two imports of the
/// same source run one after the other.
/// </summary>
internal static class ImportAttempt
{
    /// <summary>Saves (commits) the attempt before anything else: who, when, which source and file.</summary>
    public static async Task<ImportRecord> StartAsync(AppDbContext db, ImportKind kind, string fileName, DateTime at, string scope, CancellationToken ct,
        SchoolSightTelemetry? telemetry = null)
    {
        var record = new ImportRecord(kind, fileName, "", at, db.CurrentUser.UserName, scope);
        db.Imports.Add(record);
        await db.SaveChangesAsync(ct);
        db.Entry(record).State = EntityState.Detached;
        telemetry?.ImportStarted(record);
        return record;
    }

    /// <summary>Saves what the record now says (its file's hash, or its outcome after the transaction).</summary>
    public static async Task SaveAsync(AppDbContext db, ImportRecord record, CancellationToken ct)
    {
        db.Imports.Update(record);
        await db.SaveChangesAsync(ct);
        db.Entry(record).State = EntityState.Detached;
    }

    /// <summary>
    /// Runs the import up to and including its commit. When it throws (a lost connection, a cancelled request, a
    /// fault), the transaction has been rolled back: the attempt is recorded as failed, if the database can still be
    /// reached, and the exception goes on. The outcome, rows, problems and duration are logged and measured.
    /// </summary>
    public static async Task<T> RunAsync<T>(AppDbContext db, ImportRecord record, Func<Task<T>> import, SchoolSightTelemetry? telemetry = null)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var result = await import();
            telemetry?.ImportFinished(record, Stopwatch.GetElapsedTime(started));
            return result;
        }
        catch (Exception e)
        {
            await RecordFailureAsync(db, record, e);
            telemetry?.ImportFinished(record, Stopwatch.GetElapsedTime(started), e);
            throw;
        }
    }

    private static async Task RecordFailureAsync(AppDbContext db, ImportRecord record, Exception e)
    {
        try
        {
            db.ChangeTracker.Clear();
            record.Failed(e is OperationCanceledException
                ? "the import was cancelled before it finished, so nothing was imported"
                : $"the import stopped with an error, so nothing was imported: {e.GetBaseException().Message}");
            await SaveAsync(db, record, CancellationToken.None);
        }
        catch (Exception)
        {
            // The database cannot be reached: the attempt stays on record as one that did not finish.
        }
    }

    /// <summary>
    /// The first write of an import's transaction: the source's <see cref="ImportLock"/> row, inserted or updated. A
    /// second import of the same source waits here (a row lock on PostgreSQL; SQLite's write lock, taken by this
    /// write if the transaction has not already taken it) until the first has committed or rolled back, and then
    /// reads what the first saved. Everything an import compares with is read after this.
    /// </summary>
    public static async Task LockAsync(AppDbContext db, ImportKind kind, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("An import takes its source's lock inside its transaction.");
        var entity = db.Model.FindEntityType(typeof(ImportLock))!;
        var table = Quote(entity.GetTableName()!);
        var kindColumn = Quote(entity.FindProperty(nameof(ImportLock.Kind))!.GetColumnName());
        var atColumn = Quote(entity.FindProperty(nameof(ImportLock.At))!.GetColumnName());
#pragma warning disable EF1002 // Table and column names come from the model; the values are parameters.
        await db.Database.ExecuteSqlRawAsync(
            $"INSERT INTO {table} ({kindColumn}, {atColumn}) VALUES ({{0}}, {{1}}) ON CONFLICT ({kindColumn}) DO UPDATE SET {atColumn} = excluded.{atColumn}",
            [kind.ToString(), db.UtcNow], ct);
#pragma warning restore EF1002
    }

    private static string Quote(string name) => $"\"{name.Replace("\"", "\"\"")}\"";
}
