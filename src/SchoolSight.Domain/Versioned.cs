namespace SchoolSight.Domain;

/// <summary>
/// An editable record with an application-managed version for optimistic concurrency
/// (SQLite has no database-generated row version), and who last changed it so a refused stale edit can say so.
/// </summary>
public interface IVersioned
{
    int Version { get; }
    string? UpdatedBy { get; }
    DateTime? UpdatedAt { get; }
    void Stamp(string user, DateTime utcNow, bool isNew);
}

public abstract class VersionedEntity : IVersioned
{
    public int Version { get; private set; } = 1;
    public string? UpdatedBy { get; private set; }
    public DateTime? UpdatedAt { get; private set; }

    /// <summary>Called when the record is saved: a change moves the version on, so a stale copy no longer matches.</summary>
    public void Stamp(string user, DateTime utcNow, bool isNew)
    {
        if (!isNew) Version++;
        UpdatedBy = user;
        UpdatedAt = utcNow;
    }
}
