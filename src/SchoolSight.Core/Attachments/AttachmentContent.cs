namespace SchoolSight.Core.Attachments;

/// <summary>The bytes of an attachment kept in the database, in a table of their own so that listing attachments never reads them.</summary>
public sealed class AttachmentContent(Guid attachmentId, byte[] bytes)
{
    public Guid AttachmentId { get; private set; } = attachmentId;
    public byte[] Bytes { get; private set; } = bytes;
}
