using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SchoolSight.Core.Data;
using SchoolSight.Domain.ImprovingOutcomes;

namespace SchoolSight.Core.ImprovingOutcomes.Reminders;

/// <summary>
/// One pass of the reminder scheduler: every reminder its sources find due today (the programme's deadlines, Healthy
/// Schools' dates) that has not been sent yet. Each reminder is claimed in the database (unique on what is due, kind,
/// due date and recipient) before it is sent, so it goes out at most once however often the pass runs, however many
/// app instances run it, and across restarts.
/// </summary>
[Operation]
public sealed partial class SendDueReminders(AppDbContext db, IEnumerable<IReminderSource> sources, IReminderMailer mailer, ILogger<SendDueReminders> logger)
{
    /// <summary>Sent, failed (tried again next pass) and skipped (claimed first by another pass).</summary>
    public sealed record Outcome(int Sent, int Failed, int Skipped = 0);

    /// <summary>The reminders due today that have not been claimed yet.</summary>
    public async Task<IReadOnlyList<DueReminder>> FindDueAsync(CancellationToken ct = default)
    {
        var today = db.Today();
        var due = new List<DueReminder>();
        foreach (var source in sources) due.AddRange(await source.FindDueAsync(today, ct));
        if (due.Count == 0) return [];
        var keys = due.Select(d => d.Key).Distinct().ToList();
        var claimed = (await db.SentReminders.AsNoTracking().Where(r => keys.Contains(r.DeadlineKey))
            .Select(r => new { r.DeadlineKey, r.Kind, r.DueOn, r.Recipient }).ToListAsync(ct))
            .Select(r => (r.DeadlineKey, r.Kind, r.DueOn, r.Recipient)).ToHashSet();
        return [.. due.Where(d => !claimed.Contains((d.Key, d.Kind, d.DueOn, d.Recipient)))];
    }

    /// <summary>Sends every due reminder once. Stops between reminders when cancelled, never half-way through one.</summary>
    public async Task<Outcome> RunAsync(CancellationToken ct = default)
    {
        var sent = 0;
        var failed = 0;
        var skipped = 0;
        foreach (var reminder in await FindDueAsync(ct))
        {
            ct.ThrowIfCancellationRequested();
            var claim = new SentReminder(reminder.CaseId, reminder.Key, reminder.Kind, reminder.DueOn, reminder.Recipient, reminder.Subject, db.UtcNow);
            db.SentReminders.Add(claim);
            try
            {
                await db.SaveChangesAsync(CancellationToken.None);
            }
            catch (DbUpdateException)
            {
                // Another pass (another instance, or one before a restart) claimed it first.
                db.ChangeTracker.Clear();
                skipped++;
                continue;
            }
            try
            {
                await mailer.SendAsync(reminder.Recipient, reminder.Subject, reminder.Body, CancellationToken.None);
                claim.Sent(db.UtcNow);
                await db.SaveChangesAsync(CancellationToken.None);
                sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogNotSent(logger, e, reminder.Subject, reminder.Recipient);
                db.SentReminders.Remove(claim);
                await db.SaveChangesAsync(CancellationToken.None);
                failed++;
            }
        }
        if (sent + failed + skipped > 0) LogPass(logger, sent, skipped, failed);
        return new Outcome(sent, failed, skipped);
    }

    [LoggerMessage(EventId = 1301, Level = LogLevel.Information, Message = "Reminders: {Sent} sent, {Skipped} skipped (already claimed), {Failed} failed.")]
    private static partial void LogPass(ILogger logger, int sent, int skipped, int failed);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Warning, Message = "Could not send the reminder {Subject} to {Recipient}; it will be tried again on the next pass.")]
    private static partial void LogNotSent(ILogger logger, Exception exception, string subject, string recipient);
}
