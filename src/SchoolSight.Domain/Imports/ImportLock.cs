using SchoolSight.Domain.Auditing;
namespace SchoolSight.Domain.Imports;

/// <summary>
/// One row per import source, written first in every import's transaction: two imports of the same source (the same
/// file uploaded twice at once, say) then run one after the other, each reading what the other saved.
/// </summary>
[NotAuditedOnSave("A lock held while an import runs; the import records itself.")]
public sealed class ImportLock
{
    private ImportLock() { }

    public ImportLock(ImportKind kind, DateTime at)
    {
        Kind = kind;
        At = at;
    }

    public ImportKind Kind { get; private set; }

    /// <summary>When an import of this source last started writing.</summary>
    public DateTime At { get; private set; }
}
