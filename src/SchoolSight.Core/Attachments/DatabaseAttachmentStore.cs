using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Domain.Attachments;

namespace SchoolSight.Core.Attachments;

/// <summary>Keeps attachments' bytes in the database, in <see cref="AttachmentContent"/> rows saved in the same transaction as the attachment.</summary>
public sealed class DatabaseAttachmentStore(AppDbContext db) : IAttachmentStore
{
    public AttachmentStorage Kind => AttachmentStorage.Database;

    public async Task<StagedContent> StageAsync(Attachment attachment, Stream content, CancellationToken ct)
    {
        var bytes = new byte[attachment.Size];
        await content.ReadExactlyAsync(bytes, ct);
        db.AttachmentContents.Add(new AttachmentContent(attachment.Id, bytes));
        // Nothing reaches the database unless the attachment's row does: an unsaved row takes its bytes with it.
        return new StagedContent(null);
    }

    public void StageRemoval(Attachment attachment) => db.AttachmentContents.Remove(new AttachmentContent(attachment.Id, []));

    public void Removed(Attachment attachment)
    {
    }

    public async Task<Stream?> OpenAsync(Attachment attachment, CancellationToken ct) =>
        await db.AttachmentContents.AsNoTracking().Where(c => c.AttachmentId == attachment.Id).Select(c => c.Bytes).FirstOrDefaultAsync(ct) is { } bytes
            ? new MemoryStream(bytes, writable: false)
            : null;
}
