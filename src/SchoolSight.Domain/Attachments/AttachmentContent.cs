using SchoolSight.Domain.Auditing;
namespace SchoolSight.Domain.Attachments;

/// <summary>The bytes of an attachment kept in the database, in a table of their own so that listing attachments never reads them.</summary>
[NotAuditedOnSave("The bytes of an attachment: the attachment itself is audited, its bytes never go into the trail.")]
public sealed class AttachmentContent(Guid attachmentId, byte[] bytes)
{
    public Guid AttachmentId { get; private set; } = attachmentId;
    public byte[] Bytes { get; private set; } = bytes;
}
