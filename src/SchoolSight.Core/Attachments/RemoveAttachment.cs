using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Domain.Attachments;

namespace SchoolSight.Core.Attachments;

/// <summary>
/// Removes a file from a record: its row and bytes together, recorded in the audit trail. The owning feature checks
/// the person may change the record first; a file of another record is not found.
/// </summary>
[Operation]
public sealed class RemoveAttachment(AppDbContext db, IAttachmentStore store)
{
    public async Task<OperationResult<AttachmentRow>> RunAsync(AttachmentOwner owner, Guid id, CancellationToken ct = default)
    {
        var attachment = await db.Attachments.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (attachment is null || !attachment.BelongsTo(owner)) return OperationResult<AttachmentRow>.Fail(CoreErrors.NotFound("file"));
        if (attachment.Storage != store.Kind) return OperationResult<AttachmentRow>.Fail(AttachmentErrors.NotHere(attachment.Storage));
        db.Attachments.Remove(attachment);
        store.StageRemoval(attachment);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
        store.Removed(attachment);
        return OperationResult<AttachmentRow>.Ok(AttachmentRow.From(attachment));
    }
}
