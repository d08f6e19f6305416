using SchoolSight.Domain.Attachments;

namespace SchoolSight.Core.Attachments;

/// <summary>
/// Keeps attachments' bytes as files in <c>Attachments:Folder</c>, a folder private to SchoolSight's user (0700,
/// files 0600), each named by the attachment's id, never by the name it was uploaded with. A file is written before
/// its row is saved and deleted again if the save fails; a removed attachment's file is deleted after its row.
/// </summary>
public sealed class FolderAttachmentStore(AttachmentOptions options) : IAttachmentStore
{
    private const string Setting = AttachmentOptions.Section + ":" + nameof(AttachmentOptions.Folder);
    private readonly string _root = Path.GetFullPath(options.Folder ?? throw new InvalidOperationException($"Set {Setting} to keep attachments in a folder."));

    public AttachmentStorage Kind => AttachmentStorage.Folder;

    public string PathOf(Attachment attachment) => Path.Combine(_root, attachment.Id.ToString("N"));

    public async Task<StagedContent> StageAsync(Attachment attachment, Stream content, CancellationToken ct)
    {
        PrivateFolder.Ensure(_root, "The attachments folder", Setting);
        var path = PathOf(attachment);
        var file = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, Options = FileOptions.Asynchronous };
        if (!OperatingSystem.IsWindows()) file.UnixCreateMode = PrivateFolder.FileMode;
        var staged = new StagedContent(() => File.Delete(path));
        try
        {
            await using var target = new FileStream(path, file);
            await content.CopyToAsync(target, ct);
            await target.FlushAsync(ct);
            target.Flush(flushToDisk: true);
        }
        catch
        {
            staged.Dispose();
            throw;
        }
        return staged;
    }

    public void StageRemoval(Attachment attachment)
    {
    }

    public void Removed(Attachment attachment) => File.Delete(PathOf(attachment));

    public Task<Stream?> OpenAsync(Attachment attachment, CancellationToken ct)
    {
        var path = PathOf(attachment);
        return Task.FromResult<Stream?>(File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true) : null);
    }
}
