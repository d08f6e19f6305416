using Microsoft.Extensions.Configuration;
using SchoolSight.Domain.Attachments;

namespace SchoolSight.Core.Attachments;

/// <summary>
/// The settings under <c>Attachments</c>: where files are kept (<c>Store</c>: Database, the default, or Folder with
/// <c>Folder</c>), the largest file (<c>MaxBytes</c>, 10 MB), how many files one record may have (<c>MaxPerRecord</c>,
/// 20) and the types allowed (<c>AllowedTypes</c>, extensions without dots; every type SchoolSight recognises).
/// </summary>
public sealed record AttachmentOptions
{
    public const string Section = "Attachments";
    public const long DefaultMaxBytes = 10 * 1024 * 1024;

    /// <summary>The largest upload request the pages and the API read (the file and the form around it); <c>MaxBytes</c> must leave room within it.</summary>
    public const long LargestRequest = 101 * 1024 * 1024;

    public AttachmentStorage Store { get; init; } = AttachmentStorage.Database;
    public string? Folder { get; init; }
    public long MaxBytes { get; init; } = DefaultMaxBytes;
    public int MaxPerRecord { get; init; } = 20;
    public IReadOnlyList<string> AllowedTypes { get; init; } = AttachmentTypes.KnownExtensions;

    public static AttachmentOptions FromConfiguration(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var defaults = new AttachmentOptions();
        var allowed = section.GetSection(nameof(AllowedTypes)).Get<string[]>();
        var options = new AttachmentOptions
        {
            Store = section.GetValue(nameof(Store), defaults.Store),
            Folder = section[nameof(Folder)] is { Length: > 0 } folder ? folder : null,
            MaxBytes = section.GetValue(nameof(MaxBytes), defaults.MaxBytes),
            MaxPerRecord = section.GetValue(nameof(MaxPerRecord), defaults.MaxPerRecord),
            AllowedTypes = allowed is { Length: > 0 } ? [.. allowed.Select(e => e.Trim().TrimStart('.').ToLowerInvariant())] : defaults.AllowedTypes,
        };
        options.Check();
        return options;
    }

    /// <summary>Refuses settings SchoolSight cannot work with, naming the setting.</summary>
    public void Check()
    {
        if (MaxBytes is <= 0 or > LargestRequest - 1024 * 1024)
            throw new InvalidOperationException($"{Section}:{nameof(MaxBytes)} must be a positive number of bytes, at most {LargestRequest - 1024 * 1024} (100 MB).");
        if (MaxPerRecord <= 0) throw new InvalidOperationException($"{Section}:{nameof(MaxPerRecord)} must be at least 1.");
        if (AllowedTypes.FirstOrDefault(e => AttachmentTypes.ForExtension("." + e) is null) is { } unknown)
            throw new InvalidOperationException($"{Section}:{nameof(AllowedTypes)} names \"{unknown}\", which SchoolSight does not recognise: use some of {string.Join(", ", AttachmentTypes.KnownExtensions)}.");
        if (Store == AttachmentStorage.Folder && Folder is null)
            throw new InvalidOperationException($"{Section}:{nameof(Folder)} must name a folder when {Section}:{nameof(Store)} is Folder.");
    }

    /// <summary>The type a file of this name is, when it is one of the allowed types.</summary>
    public AttachmentType? AllowedTypeOf(string fileName)
    {
        var extension = SafeFileName.Extension(fileName);
        return extension.Length > 1 && AllowedTypes.Contains(extension[1..]) ? AttachmentTypes.ForExtension(extension) : null;
    }
}
