namespace SchoolSight.Domain.Auditing;

public enum AuditAction
{
    Created,
    Updated,
    Deleted,
    Read,
    Imported,
    SignedIn,
    SignInFailed,
    UserDisabled,
    UserEnabled,
    PasswordResetLinkIssued,
    PasswordReset,
}

/// <summary>
/// One line of the audit trail (DOMAIN.md section 1): who, when, what, before and after.
/// Written once; nothing in SchoolSight edits or deletes it.
/// </summary>
public sealed class AuditEntry
{
    private AuditEntry() { UserName = ""; EntityType = ""; EntityKey = ""; }

    public AuditEntry(DateTime at, string? userId, string userName, AuditAction action, string entityType, string entityKey, string? changes, int? schoolUrn = null)
    {
        At = at;
        UserId = userId;
        UserName = userName;
        Action = action;
        EntityType = entityType;
        EntityKey = entityKey;
        Changes = changes;
        SchoolUrn = schoolUrn;
    }

    public long Id { get; private set; }
    public DateTime At { get; private set; }
    public string? UserId { get; private set; }
    public string UserName { get; private set; }
    public AuditAction Action { get; private set; }
    public string EntityType { get; private set; }
    public string EntityKey { get; private set; }

    /// <summary>JSON: for each changed property its value before and after.</summary>
    public string? Changes { get; private set; }

    /// <summary>The school the record belongs to, when it belongs to one: lets the audit page filter by school.</summary>
    public int? SchoolUrn { get; private set; }
}
