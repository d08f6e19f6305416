using SchoolSight.Core.Imports.Gias;

namespace SchoolSight.Core.Imports;

/// <summary>
/// An uploaded file opened for an import, the same way for every import: a one-way stream (an upload being received, a
/// pipe) is copied to a file of the private temporary folder (<see cref="ImportTempFolder"/>: 0700, files 0600, deleted
/// when closed), so the file can be read twice; the first pass checks it (<see cref="GiasFileCheck"/>: its SHA-256, its
/// encoding, and that it is a text file at all: not a workbook, UTF-16 or binary), and the stream is left at the start
/// for the second. The largest file each import takes is here too, for the pages and the API to refuse a bigger upload.
/// </summary>
public sealed class ImportUpload : IAsyncDisposable
{
    /// <summary>A national GIAS file is about 70 MB, a published file less: room to spare.</summary>
    public const long MaxEstablishmentOrPublishedBytes = 200L * 1024 * 1024;

    /// <summary>A national pupil file is about 700 MB; room to spare.</summary>
    public const long MaxDataBlockBytes = 2L * 1024 * 1024 * 1024;

    private readonly FileStream? _copy;

    private ImportUpload(Stream stream, FileStream? copy, GiasFileCheck check)
    {
        Stream = stream;
        _copy = copy;
        Check = check;
    }

    /// <summary>The file, at its start (when <see cref="Check"/> found no error).</summary>
    public Stream Stream { get; }

    public GiasFileCheck Check { get; }

    /// <param name="bytesRead">Told the bytes checked so far and the file's length, for a progress bar.</param>
    public static async Task<ImportUpload> OpenAsync(Stream content, ImportTempFolder temp, Action<long, long>? bytesRead, CancellationToken ct)
    {
        var copy = await temp.CopyIfOneWayAsync(content, ct);
        try
        {
            var stream = copy ?? content;
            var start = stream.Position;
            var total = stream.Length - start;
            var check = await GiasFileCheck.RunAsync(stream, bytesRead is null ? null : read => bytesRead(read, total), ct);
            stream.Position = start;
            return new ImportUpload(stream, copy, check);
        }
        catch
        {
            if (copy is not null) await copy.DisposeAsync();
            throw;
        }
    }

    /// <summary>The name a file was uploaded or given with, as an import records it: without any folder, at most 260 characters.</summary>
    public static string FileName(string? name)
    {
        var file = (name ?? "").Split('/', '\\').Last().Trim();
        if (file.Length == 0) return "(no file name)";
        return file.Length <= 260 ? file : file[..260];
    }

    public ValueTask DisposeAsync() => _copy?.DisposeAsync() ?? ValueTask.CompletedTask;
}
