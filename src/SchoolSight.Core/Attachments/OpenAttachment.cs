using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Domain.Attachments;

namespace SchoolSight.Core.Attachments;

/// <summary>
/// A file attached to a record, for download, and the read recorded in the audit trail (who, which file, which record,
/// which school). The owning feature checks the reader may see the record first; a file of another record is not found.
/// </summary>
[Operation]
public sealed class OpenAttachment(AppDbContext db, IAttachmentStore store)
{
    /// <summary>The file's details and its bytes; the caller disposes <paramref name="Content"/>.</summary>
    public sealed record Download(AttachmentRow File, Stream Content);

    public async Task<OperationResult<Download>> RunAsync(AttachmentOwner owner, Guid id, CancellationToken ct = default)
    {
        var attachment = await db.Attachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (attachment is null || !attachment.BelongsTo(owner)) return OperationResult<Download>.Fail(CoreErrors.NotFound("file"));
        if (attachment.Storage != store.Kind) return OperationResult<Download>.Fail(AttachmentErrors.NotHere(attachment.Storage));
        if (await store.OpenAsync(attachment, ct) is not { } content) return OperationResult<Download>.Fail(CoreErrors.NotFound("file"));
        db.AuditRead(nameof(Attachment), attachment.Id.ToString(), attachment.SchoolUrn, AttachmentAudit.Describe(attachment));
        await db.SaveChangesAsync(ct);
        return OperationResult<Download>.Ok(new Download(AttachmentRow.From(attachment), content));
    }
}

internal static class AttachmentAudit
{
    /// <summary>The record and file a read was of, as the audit entry's detail.</summary>
    public static string Describe(Attachment a) =>
        JsonSerializer.Serialize(new { a.RecordType, a.RecordKey, a.FileName, a.Sha256 });
}
