using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Core.Imports;
using SchoolSight.Domain;
using SchoolSight.Domain.Attachments;

namespace SchoolSight.Core.Attachments;

/// <summary>
/// Attaches an uploaded file to a record, all or nothing: the file is copied into the private temporary folder
/// (never more than <c>Attachments:MaxBytes</c> of it) while its SHA-256 is worked out; then its name is made safe, its
/// type checked against the allowed types by name and by its first bytes, the record's count limit checked and the
/// virus scanner asked; only then are the bytes stored and the attachment saved, with its audit entry, in one go.
/// A refused file leaves nothing behind. The owning feature checks the uploader may add to the record first.
/// </summary>
[Operation]
public sealed class AttachFile(AppDbContext db, AttachmentOptions options, IAttachmentStore store, IAttachmentScanner scanner, ImportTempFolder temp)
{
    public sealed record Upload(Stream? Content, string? FileName, string? Description = null);

    public async Task<OperationResult<AttachmentRow>> RunAsync(AttachmentOwner owner, Upload upload, CancellationToken ct = default)
    {
        if (upload.Content is null || string.IsNullOrWhiteSpace(upload.FileName)) return Fail(AttachmentErrors.NoFile);
        var description = string.IsNullOrWhiteSpace(upload.Description) ? null : upload.Description.Trim();
        if (description?.Length > Attachment.MaxDescriptionLength) return Fail(AttachmentErrors.DescriptionTooLong);
        var name = SafeFileName.From(upload.FileName);
        if (options.AllowedTypeOf(name) is not { } type) return Fail(AttachmentErrors.TypeNotAllowed(options.AllowedTypes));
        var held = await db.Attachments.CountAsync(a => a.RecordType == owner.RecordType && a.RecordKey == owner.RecordKey, ct);
        if (held >= options.MaxPerRecord) return Fail(AttachmentErrors.TooMany(options.MaxPerRecord));

        await using var copy = temp.Create("attachment", asynchronous: true);
        if (await CopyBoundedAsync(upload.Content, copy, options.MaxBytes, ct) is not { } sha256)
            return Fail(AttachmentErrors.TooLarge(options.MaxBytes));
        if (copy.Length == 0) return Fail(AttachmentErrors.Empty);
        if (!AttachmentTypes.Matches(type, copy)) return Fail(AttachmentErrors.NotWhatItsNameSays(type, SafeFileName.Extension(name)));
        var verdict = await scanner.ScanAsync(copy, name, ct);
        if (!verdict.Clean) return Fail(AttachmentErrors.Refused(verdict.Reason ?? "the file may be harmful"));
        copy.Position = 0;

        var attachment = new Attachment(Guid.NewGuid(), owner, name, type.ContentType, copy.Length, sha256, description, store.Kind, db.CurrentUser.UserName, db.UtcNow);
        using var staged = await store.StageAsync(attachment, copy, ct);
        db.Attachments.Add(attachment);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
        staged.Keep();
        return OperationResult<AttachmentRow>.Ok(AttachmentRow.From(attachment));
    }

    /// <summary>Copies at most <paramref name="max"/> bytes; the SHA-256 in lower-case hex, or null when there was more.</summary>
    private static async Task<string?> CopyBoundedAsync(Stream source, Stream target, long max, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, ct)) > 0)
        {
            total += read;
            if (total > max) return null;
            hash.AppendData(buffer, 0, read);
            await target.WriteAsync(buffer.AsMemory(0, read), ct);
        }
        await target.FlushAsync(ct);
        target.Position = 0;
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static OperationResult<AttachmentRow> Fail(DomainError error) => OperationResult<AttachmentRow>.Fail(error);
}
