namespace SchoolSight.Core.Attachments;

/// <summary>The outcome of a virus check: clean, or refused with a reason the uploader is shown.</summary>
public sealed record ScanVerdict(bool Clean, string? Reason = null)
{
    public static ScanVerdict Accepted { get; } = new(true);
    public static ScanVerdict Refused(string reason) => new(false, reason);
}

/// <summary>
/// Checks an uploaded file before it is kept. An LA plugs its own virus scanner in here (registered in place of
/// <see cref="AcceptingScanner"/>); a refused file leaves nothing behind.
/// </summary>
public interface IAttachmentScanner
{
    Task<ScanVerdict> ScanAsync(Stream content, string fileName, CancellationToken ct);
}

/// <summary>The scanner used until an LA registers one: it accepts every file.</summary>
public sealed class AcceptingScanner : IAttachmentScanner
{
    public Task<ScanVerdict> ScanAsync(Stream content, string fileName, CancellationToken ct) => Task.FromResult(ScanVerdict.Accepted);
}
