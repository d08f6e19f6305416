using SchoolSight.Core.Data;
using SchoolSight.Core.Imports;
using SchoolSight.Core.Imports.Gias;
using SchoolSight.Core.Imports.Pupils;
using SchoolSight.Core.Imports.Surveys;
using SchoolSight.Core.Published;
using SchoolSight.Domain.Published;
using SchoolSight.TestSupport;

namespace SchoolSight.Core.Tests.Imports;

/// <summary>
/// The imports' temporary files (the pupil blocks with pupil references in clear, copies of one-way uploads) are kept
/// in a private folder (0700) as private files (0600), and none is left behind, whatever the outcome.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public abstract class ImportTempFilesTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly int[] Urns = [999101, 999102];
    private TestDatabase _database = null!;
    private readonly ImportTempFolder _folder = new(Path.Combine(Path.GetTempPath(), $"schoolsight-tmp-test-{Guid.NewGuid():N}"));

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        await using var db = _database.CreateContext();
        db.Schools.AddRange(Urns.Select(u => Build.School(u, $"School {u}")));
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        if (Directory.Exists(_folder.Path)) Directory.Delete(_folder.Path, recursive: true);
    }

    private string[] Left() => Directory.Exists(_folder.Path) ? Directory.GetFiles(_folder.Path) : [];

    /// <summary>What the folder held halfway through reading the upload: its mode, and each file's name and mode.</summary>
    private sealed record Seen(UnixFileMode Folder, IReadOnlyList<(string Name, UnixFileMode Mode)> Files);

    private Seen Look() => new(File.GetUnixFileMode(_folder.Path),
        [.. Directory.GetFiles(_folder.Path).Select(f => (Path.GetFileName(f), File.GetUnixFileMode(f)))]);

    private async Task<DataImportResult> ImportPupilsAsync(Stream content, CancellationToken ct = default)
    {
        await using var db = _database.CreateContext();
        return (await new ImportPupils(db, temp: _folder).RunAsync(new DataImportRequest(content, "pupils.csv"), ct)).Value!;
    }

    [Fact]
    public async Task PupilImport_KeepsItsBlocksAndTheUploadPrivate_WhileItRuns_AndLeavesNothing()
    {
        Seen? seen = null;
        var upload = new OneWayStream(DataFile.Pupils(Urns).ToBytes(), afterFirstRead: () => seen = Look());

        var result = await ImportPupilsAsync(upload);

        result.Applied.ShouldBeTrue();
        seen.ShouldNotBeNull();
        seen.Folder.ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        seen.Files.Select(f => f.Name).ShouldContain(n => n.StartsWith("schoolsight-blocks-"));
        seen.Files.Select(f => f.Name).ShouldContain(n => n.StartsWith("schoolsight-upload-"));
        seen.Files.ShouldAllBe(f => f.Mode == (UnixFileMode.UserRead | UnixFileMode.UserWrite));
        Left().ShouldBeEmpty();
    }

    [Fact]
    public async Task ARejectedPupilFile_LeavesNothing()
    {
        var file = DataFile.Pupils(Urns).Set(0, "Gender", "?");

        (await ImportPupilsAsync(new OneWayStream(file.ToBytes()))).Applied.ShouldBeFalse();

        Left().ShouldBeEmpty();
    }

    [Fact]
    public async Task AnUploadThatBreaksOff_OrACancelledImport_LeavesNothing()
    {
        var bytes = DataFile.Pupils(Urns).ToBytes();

        await Should.ThrowAsync<IOException>(() => ImportPupilsAsync(new OneWayStream(bytes, failAfterFirstRead: true)));
        Left().ShouldBeEmpty();

        using var cancel = new CancellationTokenSource();
        await Should.ThrowAsync<OperationCanceledException>(() => ImportPupilsAsync(new OneWayStream(bytes, afterFirstRead: cancel.Cancel), cancel.Token));
        Left().ShouldBeEmpty();
    }

    [Fact]
    public async Task SurveyGiasAndPublishedImports_CopyAOneWayUploadPrivately_AndLeaveNothing()
    {
        var modes = new List<UnixFileMode>();
        void Record() => modes.AddRange(Look().Files.Select(f => f.Mode));
        await using (var db = _database.CreateContext())
        {
            await new ImportSurveys(db, temp: _folder).RunAsync(new DataImportRequest(new OneWayStream(DataFile.Surveys(Urns).ToBytes(), Record), "surveys.csv"));
            await new ImportGias(db, _folder).RunAsync(new GiasImportRequest(new OneWayStream("URN,LA (code)\r\n"u8.ToArray(), Record), "gias.csv", GiasImportScope.EveryLa));
            await new ImportPublished(db, temp: _folder).RunAsync(new PublishedImportRequest(PublishedSource.Ofsted, new OneWayStream("URN\r\n"u8.ToArray(), Record), "ofsted.csv", null));
            await new ImportPublished(db, temp: _folder).RunAsync(new PublishedImportRequest(PublishedSource.Ks2, new OneWayStream("RECTYPE\r\n"u8.ToArray(), Record), "ks2.csv", 2018));
        }

        modes.Count.ShouldBeGreaterThanOrEqualTo(5);
        modes.ShouldAllBe(m => m == (UnixFileMode.UserRead | UnixFileMode.UserWrite));
        Left().ShouldBeEmpty();
    }

    [Fact]
    public void Sweep_RemovesWhatACrashLeft_AndMakesAnOpenFolderPrivateAgain()
    {
        Directory.CreateDirectory(_folder.Path);
        File.SetUnixFileMode(_folder.Path, (UnixFileMode)0b111_111_111);
        var leftover = Path.Combine(_folder.Path, "schoolsight-blocks-old.tmp");
        File.WriteAllText(leftover, "P990001-00767");

        _folder.Sweep().ShouldBe(1);

        File.Exists(leftover).ShouldBeFalse();
        File.GetUnixFileMode(_folder.Path).ShouldBe(ImportTempFolder.FolderMode);
    }

    /// <summary>An upload that can only be read once, front to back, as a request body is; it can call back or fail after its first read.</summary>
    private sealed class OneWayStream(byte[] bytes, Action? afterFirstRead = null, bool failAfterFirstRead = false) : Stream
    {
        private readonly MemoryStream _inner = new(bytes);
        private int _reads;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (++_reads == 2)
            {
                afterFirstRead?.Invoke();
                if (failAfterFirstRead) throw new IOException("The connection was reset.");
            }
            // Small reads, so that the file is copied in several steps and the second read comes mid-way.
            return _inner.Read(buffer[..Math.Min(buffer.Length, 4096)]);
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return ValueTask.FromResult(Read(buffer.Span));
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }
}

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ImportTempFilesTests_Sqlite() : ImportTempFilesTests(DatabaseProvider.Sqlite);
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ImportTempFilesTests_Postgres() : ImportTempFilesTests(DatabaseProvider.Postgres);
