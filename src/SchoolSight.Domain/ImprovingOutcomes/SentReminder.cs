using SchoolSight.Domain.Auditing;
namespace SchoolSight.Domain.ImprovingOutcomes;

public enum ReminderKind
{
    /// <summary>Sent a configurable number of days before the deadline.</summary>
    Upcoming,

    /// <summary>Sent once the deadline has passed without being met.</summary>
    Overdue,
}

/// <summary>
/// A reminder email claimed and sent by the reminder scheduler: of a programme case's deadline, or of a Healthy Schools
/// date (an annual review, an early success indicator, a QUAS decision waiting, a status about to lapse). The key
/// (deadline, kind, due date, recipient) is unique in the database, so the same reminder is never sent twice, across
/// restarts and several app instances.
/// A claim whose sending failed is removed so the next pass tries again; one that was claimed but never confirmed
/// (the app stopped while sending) is kept and not retried: a reminder is sent at most once.
/// </summary>
[NotAuditedOnSave("A reminder sent is its own record.")]
public sealed class SentReminder
{
    private SentReminder() { DeadlineKey = ""; Recipient = ""; Subject = ""; }

    public SentReminder(int? caseId, string deadlineKey, ReminderKind kind, DateOnly dueOn, string recipient, string subject, DateTime claimedAt)
    {
        CaseId = caseId;
        DeadlineKey = deadlineKey;
        Kind = kind;
        DueOn = dueOn;
        Recipient = recipient.Trim().ToLowerInvariant();
        Subject = subject.Length > 300 ? subject[..300] : subject;
        ClaimedAt = claimedAt;
    }

    public long Id { get; private set; }
    /// <summary>The programme case the deadline belongs to; null for a reminder that is not about a case.</summary>
    public int? CaseId { get; private set; }

    /// <summary>What is due, unique across SchoolSight: <c>case/12/action/3</c>, <c>healthy-schools/999001/annual-review/2026</c>.</summary>
    public string DeadlineKey { get; private set; }
    public ReminderKind Kind { get; private set; }
    public DateOnly DueOn { get; private set; }
    public string Recipient { get; private set; }
    public string Subject { get; private set; }
    public DateTime ClaimedAt { get; private set; }
    public DateTime? SentAt { get; private set; }

    public void Sent(DateTime at) => SentAt = at;
}
