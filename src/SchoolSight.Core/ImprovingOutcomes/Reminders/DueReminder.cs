using System.Globalization;
using SchoolSight.Domain.ImprovingOutcomes;

namespace SchoolSight.Core.ImprovingOutcomes.Reminders;

/// <summary>
/// A reminder due today for one recipient: what is due (its key, unique across SchoolSight, and its due date), before or
/// once overdue, and the email. <see cref="CaseId"/> names the programme case for a programme deadline.
/// </summary>
public sealed record DueReminder(string Key, ReminderKind Kind, DateOnly DueOn, string Recipient, string Subject, string Body, int? CaseId = null);

/// <summary>
/// Where reminders come from: each feature with dates to keep (the programme's deadlines, Healthy Schools) finds what is
/// due today. The one scheduler (<see cref="SendDueReminders"/>) asks every source, leaves out what was already sent,
/// and sends the rest once.
/// </summary>
public interface IReminderSource
{
    Task<IReadOnlyList<DueReminder>> FindDueAsync(DateOnly today, CancellationToken ct);
}

/// <summary>The words every reminder email shares.</summary>
public static class ReminderText
{
    public static string Day(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>Upcoming <paramref name="daysBefore"/> days before the due date or sooner, overdue after it; null when not yet due.</summary>
    public static ReminderKind? KindOn(DateOnly today, DateOnly dueOn, int daysBefore) =>
        today > dueOn ? ReminderKind.Overdue : today >= dueOn.AddDays(-daysBefore) ? ReminderKind.Upcoming : null;

    /// <summary>"Due in 2 days, on 11 November 2026", "Due today" or "Overdue since 2 November 2026".</summary>
    public static string When(ReminderKind kind, DateOnly dueOn, DateOnly today)
    {
        var days = dueOn.DayNumber - today.DayNumber;
        return kind == ReminderKind.Overdue ? $"Overdue since {Day(dueOn)}"
            : days == 0 ? "Due today" : $"Due in {days} day{(days == 1 ? "" : "s")}, on {Day(dueOn)}";
    }

    public static string Subject(ReminderKind kind, string title, string school) =>
        $"{(kind == ReminderKind.Overdue ? "Overdue" : "Reminder")}: {title} – {school}";

    /// <summary>A link to a page of SchoolSight, absolute when its address is configured (<see cref="ReminderOptions.BaseUrl"/>).</summary>
    public static string Link(string? baseUrl, string path) => string.IsNullOrWhiteSpace(baseUrl) ? path : $"{baseUrl.TrimEnd('/')}{path}";

    /// <summary>Email addresses as the claim keeps them: trimmed, lower case, each once, in order.</summary>
    public static IEnumerable<string> Addresses(IEnumerable<string> people) =>
        people.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p.Trim().ToLowerInvariant()).Distinct().Order(StringComparer.Ordinal);
}
