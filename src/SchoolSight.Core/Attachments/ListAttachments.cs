using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Domain.Attachments;

namespace SchoolSight.Core.Attachments;

/// <summary>What a list of attachments shows of each: never its bytes.</summary>
public sealed record AttachmentRow(Guid Id, string FileName, string ContentType, long Size, string Sha256, string? Description, string UploadedBy, DateTime UploadedAt)
{
    public static readonly Expression<Func<Attachment, AttachmentRow>> Of =
        a => new AttachmentRow(a.Id, a.FileName, a.ContentType, a.Size, a.Sha256, a.Description, a.UploadedBy, a.UploadedAt);

    private static readonly Func<Attachment, AttachmentRow> Compiled = Of.Compile();

    public static AttachmentRow From(Attachment attachment) => Compiled(attachment);

    public string SizeText => Size >= 1024 * 1024 ? $"{Size / (1024d * 1024):0.#} MB" : Size >= 1024 ? $"{Size / 1024d:0} KB" : $"{Size} bytes";
}

/// <summary>The files attached to a record, oldest first. The owning feature checks the reader may see the record first.</summary>
[Operation]
public sealed class ListAttachments(AppDbContext db)
{
    public async Task<IReadOnlyList<AttachmentRow>> RunAsync(AttachmentOwner owner, CancellationToken ct = default) =>
        await db.Attachments.AsNoTracking()
            .Where(a => a.RecordType == owner.RecordType && a.RecordKey == owner.RecordKey)
            .OrderBy(a => a.UploadedAt).ThenBy(a => a.FileName)
            .Select(AttachmentRow.Of)
            .ToListAsync(ct);
}
