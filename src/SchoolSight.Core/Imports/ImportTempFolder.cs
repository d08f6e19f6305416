using Microsoft.Extensions.Configuration;

namespace SchoolSight.Core.Imports;

/// <summary>
/// The private folder where imports keep their temporary files: uploaded files being read, one-way streams copied so
/// they can be read twice, and the pupil and survey imports' encoded blocks (pupil references in clear). The folder
/// is made readable by its owner only (0700) and each file in it too (0600); each file is deleted when closed
/// (success, failure, exception or cancellation), and <see cref="Sweep"/> removes what a crash left behind when the
/// web app or the CLI starts. The folder is <c>Imports:TempFolder</c> when set, else <c>schoolsight-tmp-USER</c> in
/// the system's temporary folder.
/// </summary>
public sealed class ImportTempFolder(string path)
{
    public const string ConfigurationKey = "Imports:TempFolder";
    public const UnixFileMode FolderMode = PrivateFolder.FolderMode;
    public const UnixFileMode FileMode = PrivateFolder.FileMode;

    private readonly Lock _creating = new();

    public static ImportTempFolder Default { get; } = new(DefaultPath());

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    public static ImportTempFolder FromConfiguration(IConfiguration configuration) =>
        configuration[ConfigurationKey] is { Length: > 0 } configured ? new ImportTempFolder(configured) : Default;

    /// <summary>
    /// A new file in the folder, open for reading and writing by this process only and deleted when closed;
    /// <paramref name="kind"/> names what it holds ("blocks", "upload").
    /// </summary>
    public FileStream Create(string kind, bool asynchronous = false)
    {
        var options = new FileStreamOptions
        {
            Mode = System.IO.FileMode.CreateNew,
            Access = FileAccess.ReadWrite,
            Share = FileShare.None,
            BufferSize = 1 << 16,
            Options = FileOptions.DeleteOnClose | (asynchronous ? FileOptions.Asynchronous : FileOptions.None),
        };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = FileMode;
        return new FileStream(System.IO.Path.Combine(Ensure(), $"schoolsight-{kind}-{Guid.NewGuid():N}.tmp"), options);
    }

    /// <summary>
    /// Null when <paramref name="content"/> can be read twice (checked, then read) as it is; else a copy of it in a
    /// file of the folder, deleted when the copy is disposed.
    /// </summary>
    public async Task<FileStream?> CopyIfOneWayAsync(Stream content, CancellationToken ct)
    {
        if (content.CanSeek) return null;
        var copy = Create("upload", asynchronous: true);
        try
        {
            await content.CopyToAsync(copy, ct);
            copy.Position = 0;
            return copy;
        }
        catch
        {
            await copy.DisposeAsync();
            throw;
        }
    }

    /// <summary>The folder, created if need be, and made private (0700) again if it was not.</summary>
    public string Ensure()
    {
        lock (_creating)
        {
            return PrivateFolder.Ensure(Path, "The temporary folder for imports", ConfigurationKey);
        }
    }

    /// <summary>
    /// Deletes every file left in the folder (by a crash: a closed file deletes itself). A file still open elsewhere
    /// (an import running in another process) keeps working on Unix, where only its name goes; on Windows it is
    /// skipped. Returns how many were deleted.
    /// </summary>
    public int Sweep()
    {
        if (!Directory.Exists(Path)) return 0;
        Ensure();
        var deleted = 0;
        foreach (var file in Directory.EnumerateFiles(Path))
        {
            try
            {
                File.Delete(file);
                deleted++;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // In use by a running import (Windows) or already gone: left for the next sweep.
            }
        }
        return deleted;
    }

    private static string DefaultPath()
    {
        var user = new string([.. Environment.UserName.Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')]);
        return System.IO.Path.Combine(System.IO.Path.GetTempPath(), user.Length > 0 ? $"schoolsight-tmp-{user}" : "schoolsight-tmp");
    }

    public override string ToString() => Path;
}
