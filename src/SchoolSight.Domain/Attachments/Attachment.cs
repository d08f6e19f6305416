namespace SchoolSight.Domain.Attachments;

/// <summary>Where an attachment's bytes are kept: a table of the database, or a private folder.</summary>
public enum AttachmentStorage
{
    Database,
    Folder,
}

/// <summary>
/// The record a file is attached to: its type ("ProgrammeMeeting"), its key, and the school it belongs to when it
/// belongs to one (the school scope and the audit trail follow it).
/// </summary>
public sealed record AttachmentOwner(string RecordType, string RecordKey, int? SchoolUrn);

/// <summary>
/// A file attached to a record: what it is (a safe name, its checked type, size and SHA-256), who uploaded it and
/// when, and a short description. The bytes are kept elsewhere (<see cref="Storage"/>), so listing attachments never
/// loads them. Written once; removed whole.
/// </summary>
public sealed class Attachment
{
    public const int MaxDescriptionLength = 200;

    private Attachment()
    {
        RecordType = RecordKey = FileName = ContentType = Sha256 = UploadedBy = "";
    }

    public Attachment(Guid id, AttachmentOwner owner, string fileName, string contentType, long size, string sha256,
        string? description, AttachmentStorage storage, string uploadedBy, DateTime uploadedAt)
    {
        Id = id;
        RecordType = owner.RecordType;
        RecordKey = owner.RecordKey;
        SchoolUrn = owner.SchoolUrn;
        FileName = fileName;
        ContentType = contentType;
        Size = size;
        Sha256 = sha256;
        Description = description;
        Storage = storage;
        UploadedBy = uploadedBy;
        UploadedAt = uploadedAt;
    }

    public Guid Id { get; private set; }
    public string RecordType { get; private set; }
    public string RecordKey { get; private set; }
    public int? SchoolUrn { get; private set; }
    public string FileName { get; private set; }
    public string ContentType { get; private set; }
    public long Size { get; private set; }
    public string Sha256 { get; private set; }
    public string? Description { get; private set; }
    public AttachmentStorage Storage { get; private set; }
    public string UploadedBy { get; private set; }
    public DateTime UploadedAt { get; private set; }

    public AttachmentOwner Owner => new(RecordType, RecordKey, SchoolUrn);

    public bool BelongsTo(AttachmentOwner owner) => RecordType == owner.RecordType && RecordKey == owner.RecordKey;
}
