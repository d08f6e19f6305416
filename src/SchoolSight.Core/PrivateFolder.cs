namespace SchoolSight.Core;

/// <summary>
/// A folder only SchoolSight's own user may enter: created 0700 (made 0700 again if it was not), never a link, and
/// never one someone else made (changing its mode fails unless this user owns it). Files in it are created 0600.
/// </summary>
public static class PrivateFolder
{
    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates <paramref name="path"/> if need be and makes it private; <paramref name="what"/> and <paramref name="setting"/> name it in errors.</summary>
    public static string Ensure(string path, string what, string setting)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return path;
        }
        var folder = Directory.CreateDirectory(path, FolderMode);
        if (folder.LinkTarget is not null)
            throw new IOException($"{what}, {path}, is a link: set {setting} to a folder of SchoolSight's own.");
        if (folder.UnixFileMode != FolderMode) File.SetUnixFileMode(path, FolderMode);
        return path;
    }
}
