using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SchoolSight.Core.Access;
using SchoolSight.Core.Attachments;
using SchoolSight.Core.Data;
using SchoolSight.Core.Imports;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Attachments;
using SchoolSight.Domain.Auditing;
using SchoolSight.TestSupport;

namespace SchoolSight.Core.Tests.Attachments;

/// <summary>The attachment operations over one database and one store, with their own private folders, acting as a named person.</summary>
public sealed class AttachmentWorld(TestDatabase database, AttachmentStorage storage) : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"schoolsight-attachments-test-{Guid.NewGuid():N}");

    public AttachmentOptions Options { get; set; } = new();
    public IAttachmentScanner Scanner { get; set; } = new AcceptingScanner();
    public string Folder => Path.Combine(_root, "files");
    public ImportTempFolder Temp => new(Path.Combine(_root, "tmp"));

    public AttachmentOptions Effective => Options with { Store = storage, Folder = storage == AttachmentStorage.Folder ? Folder : null };

    public AppDbContext As(string name = "mi@demo-borough.example", Role role = Role.InterventionOfficer, SchoolScope? scope = null, params IInterceptor[] interceptors) =>
        database.CreateContext(new FixedCurrentUser(name, role, scope: scope), null, interceptors);

    public IAttachmentStore StoreFor(AppDbContext db) =>
        storage == AttachmentStorage.Folder ? new FolderAttachmentStore(Effective) : new DatabaseAttachmentStore(db);

    public AttachFile Attach(AppDbContext db) => new(db, Effective, StoreFor(db), Scanner, Temp);
    public OpenAttachment Open(AppDbContext db) => new(db, StoreFor(db));
    public RemoveAttachment Remove(AppDbContext db) => new(db, StoreFor(db));

    public async Task<Core.OperationResult<AttachmentRow>> UploadAsync(AttachmentOwner owner, string name, byte[] content, string? description = null, AppDbContext? as_ = null)
    {
        await using var own = as_ is null ? As() : null;
        var db = as_ ?? own!;
        return await Attach(db).RunAsync(owner, new AttachFile.Upload(new MemoryStream(content), name, description));
    }

    /// <summary>Everything an attachment can leave: rows, bytes (in the table or the folder), audit entries, temporary files.</summary>
    public async Task<(int Rows, int Contents, int Files, int Audit, int Temporary)> TracesAsync()
    {
        await using var db = As();
        return (await db.Attachments.IgnoreQueryFilters().CountAsync(), await db.AttachmentContents.CountAsync(),
            Directory.Exists(Folder) ? Directory.GetFiles(Folder).Length : 0,
            await db.AuditEntries.CountAsync(a => a.EntityType == nameof(Attachment)),
            Directory.Exists(Temp.Path) ? Directory.GetFiles(Temp.Path).Length : 0);
    }

    public async Task<List<AuditEntry>> AuditAsync()
    {
        await using var db = As();
        return await db.AuditEntries.Where(a => a.EntityType == nameof(Attachment)).OrderBy(a => a.Id).ToListAsync();
    }

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    /// <summary>A scanner that refuses every file, as a virus scanner finding something would.</summary>
    public sealed class RefusingScanner : IAttachmentScanner
    {
        public int Scanned { get; private set; }

        public Task<ScanVerdict> ScanAsync(Stream content, string fileName, CancellationToken ct)
        {
            Scanned++;
            return Task.FromResult(ScanVerdict.Refused("Eicar-Test-Signature found"));
        }
    }

    /// <summary>Fails the audit trail's insert: the save of the attachment fails after its own row was written.</summary>
    public sealed class FailAuditInsert : DbCommandInterceptor
    {
        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
            command.CommandText.Contains("\"AuditEntries\"") && command.CommandText.Contains("INSERT")
                ? throw new InvalidOperationException("The database went away.")
                : ValueTask.FromResult(result);
    }
}
