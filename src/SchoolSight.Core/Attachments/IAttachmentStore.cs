using SchoolSight.Domain.Attachments;

namespace SchoolSight.Core.Attachments;

/// <summary>
/// Where attachments' bytes are kept, chosen by <c>Attachments:Store</c>: <see cref="DatabaseAttachmentStore"/> or
/// <see cref="FolderAttachmentStore"/>. Bytes are staged before the attachment's row is saved and undone if the save
/// fails, so a file is kept whole with its row or not at all.
/// </summary>
public interface IAttachmentStore
{
    AttachmentStorage Kind { get; }

    /// <summary>Puts the bytes where they will be kept, ready to be saved with the row; undone when disposed unless <see cref="StagedContent.Keep"/> was called.</summary>
    Task<StagedContent> StageAsync(Attachment attachment, Stream content, CancellationToken ct);

    /// <summary>Readies the bytes to go with the row (saved by the next save).</summary>
    void StageRemoval(Attachment attachment);

    /// <summary>Called once the row is gone: removes what the save could not.</summary>
    void Removed(Attachment attachment);

    /// <summary>The bytes, or null when they are missing.</summary>
    Task<Stream?> OpenAsync(Attachment attachment, CancellationToken ct);
}

/// <summary>Bytes put in place for an attachment not yet saved: removed again on dispose unless kept.</summary>
public sealed class StagedContent(Action? undo) : IDisposable
{
    private bool _kept;

    public void Keep() => _kept = true;

    public void Dispose()
    {
        if (!_kept) undo?.Invoke();
        _kept = true;
    }
}
