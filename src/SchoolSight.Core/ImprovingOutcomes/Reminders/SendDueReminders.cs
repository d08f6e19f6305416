using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SchoolSight.Core.Calendar;
using SchoolSight.Core.Data;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.ImprovingOutcomes;

namespace SchoolSight.Core.ImprovingOutcomes.Reminders;

/// <summary>
/// One pass of the reminder scheduler: for every open deadline of every open case, a reminder to each responsible
/// person a configured number of days before it is due, and another once it is overdue. Each reminder is claimed in
/// the database (unique on deadline, kind, due date and recipient) before it is sent, so it goes out at most once
/// however often the pass runs, however many app instances run it, and across restarts.
/// </summary>
[Operation]
public sealed partial class SendDueReminders(AppDbContext db, IReminderMailer mailer, IOptions<ReminderOptions> options, ILogger<SendDueReminders> logger)
{
    /// <summary>Sent, failed (tried again next pass) and skipped (claimed first by another pass).</summary>
    public sealed record Outcome(int Sent, int Failed, int Skipped = 0);

    public sealed record Due(int CaseId, Deadline Deadline, ReminderKind Kind, string Recipient, string Subject, string Body);

    /// <summary>The reminders due today that have not been claimed yet.</summary>
    public async Task<IReadOnlyList<Due>> FindDueAsync(CancellationToken ct = default)
    {
        var o = options.Value;
        var today = db.Today();
        var cases = await db.WholeCases().AsNoTracking().IgnoreQueryFilters().Where(c => c.State != CaseState.Closed).ToListAsync(ct);
        if (cases.Count == 0) return [];
        var urns = cases.Select(c => c.Urn).Distinct().ToList();
        var schools = await db.Schools.IgnoreQueryFilters().Where(s => urns.Contains(s.Urn)).ToDictionaryAsync(s => s.Urn, s => s.Details.Name, ct);
        var schoolUsers = (await db.Users.Where(u => u.Role == Role.SchoolUser && u.SchoolUrn != null && urns.Contains(u.SchoolUrn.Value) && u.Email != null)
            .Select(u => new { Urn = u.SchoolUrn!.Value, Email = u.Email! }).ToListAsync(ct)).ToLookup(u => u.Urn, u => u.Email);
        var sips = (await db.SipAssignments.Where(a => urns.Contains(a.Urn))
            .Join(db.Users, a => a.UserId, u => u.Id, (a, u) => new { a.Urn, u.Email }).Where(x => x.Email != null).ToListAsync(ct)).ToLookup(x => x.Urn, x => x.Email!);
        var caseIds = cases.Select(c => c.Id).ToList();
        var claimed = (await db.ProgrammeReminders.AsNoTracking().Where(r => caseIds.Contains(r.CaseId))
            .Select(r => new { r.DeadlineKey, r.Kind, r.DueOn, r.Recipient }).ToListAsync(ct))
            .Select(r => (r.DeadlineKey, r.Kind, r.DueOn, r.Recipient)).ToHashSet();
        var calendar = await db.LoadCalendarAsync(ct);

        var due = new List<Due>();
        foreach (var c in cases.OrderBy(c => c.Id))
        {
            var school = schools.GetValueOrDefault(c.Urn, $"URN {c.Urn}");
            foreach (var d in ProgrammeDeadlines.For(c, calendar).Where(d => d.IsOpen))
            {
                ReminderKind? kind = today > d.DueOn ? ReminderKind.Overdue : today >= d.DueOn.AddDays(-o.DaysBefore) ? ReminderKind.Upcoming : null;
                if (kind is null) continue;
                IEnumerable<string> people = d.Owner switch
                {
                    DeadlineOwner.CaseOfficer => [c.CaseOfficerEmail],
                    DeadlineOwner.School => [c.CaseOfficerEmail, .. schoolUsers[c.Urn]],
                    DeadlineOwner.Monitoring => [c.CaseOfficerEmail, .. sips[c.Urn]],
                };
                foreach (var recipient in people.Select(p => p.Trim().ToLowerInvariant()).Distinct().Order(StringComparer.Ordinal))
                {
                    if (claimed.Contains((d.Key, kind.Value, d.DueOn, recipient))) continue;
                    var (subject, body) = Compose(c, school, d, kind.Value, today, o.BaseUrl);
                    due.Add(new Due(c.Id, d, kind.Value, recipient, subject, body));
                }
            }
        }
        return due;
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
            var claim = new SentReminder(reminder.CaseId, reminder.Deadline.Key, reminder.Kind, reminder.Deadline.DueOn, reminder.Recipient, reminder.Subject, db.UtcNow);
            db.ProgrammeReminders.Add(claim);
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
                db.ProgrammeReminders.Remove(claim);
                await db.SaveChangesAsync(CancellationToken.None);
                failed++;
            }
        }
        if (sent + failed + skipped > 0) LogPass(logger, sent, skipped, failed);
        return new Outcome(sent, failed, skipped);
    }

    [LoggerMessage(EventId = 1301, Level = LogLevel.Information, Message = "Programme reminders: {Sent} sent, {Skipped} skipped (already claimed), {Failed} failed.")]
    private static partial void LogPass(ILogger logger, int sent, int skipped, int failed);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Warning, Message = "Could not send the reminder {Subject} to {Recipient}; it will be tried again on the next pass.")]
    private static partial void LogNotSent(ILogger logger, Exception exception, string subject, string recipient);

    private static (string Subject, string Body) Compose(ImprovingOutcomesCase c, string school, Deadline d, ReminderKind kind, DateOnly today, string? baseUrl)
    {
        var days = d.DueOn.DayNumber - today.DayNumber;
        var when = kind == ReminderKind.Overdue
            ? $"Overdue since {d.DueOn.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}"
            : days == 0 ? "Due today" : $"Due in {days} day{(days == 1 ? "" : "s")}, on {d.DueOn.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}";
        var subject = $"{(kind == ReminderKind.Overdue ? "Overdue" : "Reminder")}: {d.Title} – {school}";
        var link = string.IsNullOrWhiteSpace(baseUrl) ? $"/Programme/Cases/{c.Id}" : $"{baseUrl.TrimEnd('/')}/Programme/Cases/{c.Id}";
        var body = $"""
            Improving Outcomes Programme: {school} (URN {c.Urn})

            {d.Title}
            {when}.
            How the date was set: {d.Rule}.

            Case officer: {c.CaseOfficerName}
            Open the case: {link}

            You receive this because you are responsible for this deadline. SchoolSight sends one reminder before a deadline and one when it is overdue.
            """;
        return (subject, body);
    }
}
