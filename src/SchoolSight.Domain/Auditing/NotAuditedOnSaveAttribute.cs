namespace SchoolSight.Domain.Auditing;

/// <summary>
/// Marks a record the audit trail does not follow change by change, saying why: it is its own record (an import and what
/// it brought, a reminder sent) or is audited where it is made (each pupil-level block an import adds or replaces).
/// Every other record is audited on every save.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class NotAuditedOnSaveAttribute(string why) : Attribute
{
    public string Why { get; } = why;
}
