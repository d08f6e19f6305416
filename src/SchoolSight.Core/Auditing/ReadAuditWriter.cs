using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using SchoolSight.Core.Data;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Auditing;

namespace SchoolSight.Core.Auditing;

/// <summary>
/// Writes the audit rows of reads in groups: each request hands its row over and waits until it is committed; one
/// writer per database takes every row waiting and saves them in one transaction, then completes each request's
/// task (or fails it with the write's error, so a read whose audit was not written is not served). Under load this
/// makes one write transaction out of many (on SQLite, where writes take turns, many small transactions queue).
/// </summary>
public static class ReadAuditWriter
{
    private static readonly ConcurrentDictionary<string, Writer> Writers = new();

    /// <summary>Saves <paramref name="entry"/> with the rows waiting alongside it; completes when it is committed.</summary>
    public static Task WriteAsync(AppDbContext db, AuditEntry entry)
    {
        var options = (DbContextOptions<AppDbContext>)db.GetService<IDbContextOptions>();
        var writer = Writers.GetOrAdd(db.Database.GetConnectionString() ?? "", _ => new Writer());
        // The writer saves as a fixed user: a request's own acting user is only known while that request runs.
        var user = new FixedCurrentUser(db.CurrentUser.UserName, null, db.CurrentUser.UserId, SchoolScope.Nothing);
        return writer.Enqueue(new Waiting(entry, options, user, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)));
    }

    private sealed record Waiting(AuditEntry Entry, DbContextOptions<AppDbContext> Options, ICurrentUser User, TaskCompletionSource Saved);

    private sealed class Writer
    {
        private readonly Channel<Waiting> _queue = Channel.CreateUnbounded<Waiting>(new UnboundedChannelOptions { SingleReader = true });
        private int _writing;

        public Task Enqueue(Waiting waiting)
        {
            _queue.Writer.TryWrite(waiting);
            if (Interlocked.CompareExchange(ref _writing, 1, 0) == 0)
                using (ExecutionContext.SuppressFlow()) _ = Task.Run(DrainAsync);
            return waiting.Saved.Task;
        }

        /// <summary>Writes groups until none is waiting, then stops (the next request starts it again).</summary>
        private async Task DrainAsync()
        {
            while (true)
            {
                var group = new List<Waiting>();
                while (_queue.Reader.TryRead(out var waiting)) group.Add(waiting);
                if (group.Count == 0)
                {
                    Volatile.Write(ref _writing, 0);
                    // A row handed over after the last read and before the flag was lowered would wait for ever.
                    if (!_queue.Reader.TryPeek(out _) || Interlocked.CompareExchange(ref _writing, 1, 0) != 0) return;
                    continue;
                }
                await SaveAsync(group);
            }
        }

        private static async Task SaveAsync(List<Waiting> group)
        {
            try
            {
                await using (var db = AppDbContext.Create(group[0].Options, group[0].User))
                {
                    db.AuditEntries.AddRange(group.Select(w => w.Entry));
                    await db.SaveChangesAsync();
                }
                foreach (var w in group) w.Saved.TrySetResult();
            }
            catch (Exception error)
            {
                foreach (var w in group) w.Saved.TrySetException(error);
            }
        }
    }
}
