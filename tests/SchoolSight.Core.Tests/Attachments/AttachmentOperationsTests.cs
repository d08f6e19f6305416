using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Attachments;
using SchoolSight.Core.Data;
using SchoolSight.Core.ImprovingOutcomes;
using SchoolSight.Core.Tests.ImprovingOutcomes;
using SchoolSight.Core.Tests.Register;
using SchoolSight.Domain;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Attachments;
using SchoolSight.Domain.Auditing;
using SchoolSight.TestSupport;

namespace SchoolSight.Core.Tests.Attachments;

/// <summary>Attachments on both databases and in both stores: kept whole or not at all, within their limits, audited, within school scope.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public abstract class AttachmentOperationsTests(DatabaseProvider provider, AttachmentStorage storage) : IAsyncLifetime
{
    private const int School = RegisterData.FirstUrn;
    private static readonly AttachmentOwner Owner = new("ProgrammeMeeting", "1", School);
    private TestDatabase _database = null!;
    private AttachmentWorld _world = null!;

    public async Task InitializeAsync()
    {
        _database = await RegisterData.CreateAsync(provider);
        _world = new AttachmentWorld(_database, storage);
    }

    public async Task DisposeAsync()
    {
        _world.Dispose();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task AnAcceptedFile_IsKeptWhole_Listed_Downloaded_AndRemoved_EachStepAudited()
    {
        var pdf = SampleFiles.Pdf();
        var row = Ok(await _world.UploadAsync(Owner, "../secret/Phonics data.pdf", pdf, "  Reception phonics, autumn  "));
        row.FileName.ShouldBe("Phonics data.pdf");
        row.ContentType.ShouldBe("application/pdf");
        row.Size.ShouldBe(pdf.Length);
        row.Sha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(pdf)));
        row.Description.ShouldBe("Reception phonics, autumn");
        row.UploadedBy.ShouldBe("mi@demo-borough.example");
        (await _world.TracesAsync()).ShouldBe((1, storage == AttachmentStorage.Database ? 1 : 0, storage == AttachmentStorage.Folder ? 1 : 0, 1, 0));
        if (storage == AttachmentStorage.Folder)
        {
            Directory.GetFiles(_world.Folder).Single().ShouldEndWith(row.Id.ToString("N"));
            File.GetUnixFileMode(_world.Folder).ShouldBe(PrivateFolder.FolderMode);
            File.GetUnixFileMode(Directory.GetFiles(_world.Folder).Single()).ShouldBe(PrivateFolder.FileMode);
        }

        await using (var db = _world.As("head@demo-borough.example", Role.SchoolUser, SchoolScope.Of([School])))
        {
            var listed = (await new ListAttachments(db).RunAsync(Owner)).Single();
            listed.ShouldBe(row with { UploadedAt = listed.UploadedAt });
            listed.UploadedAt.ShouldBe(row.UploadedAt, TimeSpan.FromMilliseconds(1));
            var download = Ok(await _world.Open(db).RunAsync(Owner, row.Id));
            await using (download.Content)
            {
                using var copy = new MemoryStream();
                await download.Content.CopyToAsync(copy);
                copy.ToArray().ShouldBe(pdf);
            }
            (await _world.Open(db).RunAsync(Owner with { RecordKey = "2" }, row.Id)).IsNotFound.ShouldBeTrue();
        }
        await using (var db = _world.As())
            Ok(await _world.Remove(db).RunAsync(Owner, row.Id));

        (await _world.TracesAsync()).ShouldBe((0, 0, 0, 3, 0));
        var audit = await _world.AuditAsync();
        audit.Select(a => (a.Action, a.UserName, a.EntityKey, a.SchoolUrn)).ShouldBe([
            (AuditAction.Created, "mi@demo-borough.example", row.Id.ToString(), School),
            (AuditAction.Read, "head@demo-borough.example", row.Id.ToString(), School),
            (AuditAction.Deleted, "mi@demo-borough.example", row.Id.ToString(), School)]);
        audit.ShouldAllBe(a => a.Changes!.Contains("ProgrammeMeeting") && a.Changes.Contains("Phonics data.pdf"));
        audit[0].Changes!.ShouldNotContain("Bytes");
    }

    [Fact]
    public async Task EveryRefusedFile_LeavesNothing()
    {
        _world.Options = new AttachmentOptions { MaxBytes = 1024, MaxPerRecord = 1, AllowedTypes = ["pdf", "csv", "docx"] };
        var refusals = new (string Name, byte[] Content, string? Description, string Code)[]
        {
            ("big.pdf", [.. SampleFiles.Pdf(), .. new byte[1024]], null, "attachment.too-large"),
            ("empty.csv", [], null, "attachment.empty"),
            ("photo.png", SampleFiles.Png, null, "attachment.type"),
            ("setup.exe", [0x4D, 0x5A, 0x90, 0x00], null, "attachment.type"),
            ("no extension", SampleFiles.Pdf(), null, "attachment.type"),
            ("report.pdf", Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>"), null, "attachment.content"),
            ("plan.docx", SampleFiles.PlainZip, null, "attachment.content"),
            ("data.csv", SampleFiles.Png, null, "attachment.content"),
            ("report.pdf", SampleFiles.Pdf(), new string('x', Attachment.MaxDescriptionLength + 1), "attachment.description"),
            ("", SampleFiles.Pdf(), null, "attachment.required"),
        };
        foreach (var (name, content, description, code) in refusals)
        {
            var result = await _world.UploadAsync(Owner, name, content, description);
            result.Errors.Single().Code.ShouldBe(code, name);
            (await _world.TracesAsync()).ShouldBe((0, 0, 0, 0, 0), name);
        }
        (await _world.UploadAsync(Owner, "big.pdf", [.. SampleFiles.Pdf(), .. new byte[1024]])).Errors.Single().Message.ShouldBe("The selected file must be smaller than 1 KB");

        Ok(await _world.UploadAsync(Owner, "first.pdf", SampleFiles.Pdf()));
        var second = await _world.UploadAsync(Owner, "second.pdf", SampleFiles.Pdf());
        second.Errors.Single().Code.ShouldBe("attachment.too-many");
        second.Errors.Single().Kind.ShouldBe(ErrorKind.Rule);
        Ok(await _world.UploadAsync(Owner with { RecordKey = "2" }, "other record.pdf", SampleFiles.Pdf()));
        (await _world.TracesAsync()).Rows.ShouldBe(2);
    }

    [Fact]
    public async Task AFileTheScannerRefuses_LeavesNothing()
    {
        var scanner = new AttachmentWorld.RefusingScanner();
        _world.Scanner = scanner;
        var result = await _world.UploadAsync(Owner, "minutes.pdf", SampleFiles.Pdf());
        result.Errors.Single().Message.ShouldBe("The selected file was refused by the virus check: Eicar-Test-Signature found");
        result.Errors.Single().Kind.ShouldBe(ErrorKind.Rule);
        scanner.Scanned.ShouldBe(1);
        (await _world.TracesAsync()).ShouldBe((0, 0, 0, 0, 0));
    }

    [Fact]
    public async Task ASaveThatFails_LeavesNothing_NotEvenTheFileInTheFolder()
    {
        await using (var db = _world.As(interceptors: new AttachmentWorld.FailAuditInsert()))
            await Should.ThrowAsync<Exception>(() => _world.UploadAsync(Owner, "minutes.pdf", SampleFiles.Pdf(), as_: db));
        (await _world.TracesAsync()).ShouldBe((0, 0, 0, 0, 0));
    }

    [Fact]
    public async Task AnotherSchoolsFile_CannotBeListedOrOpened()
    {
        var row = Ok(await _world.UploadAsync(Owner, "minutes.pdf", SampleFiles.Pdf()));
        await using var other = _world.As("head@other.example", Role.SchoolUser, SchoolScope.Of([School + 1]));
        (await new ListAttachments(other).RunAsync(Owner)).ShouldBeEmpty();
        (await _world.Open(other).RunAsync(Owner, row.Id)).IsNotFound.ShouldBeTrue();
        (await _world.Remove(other).RunAsync(Owner, row.Id)).IsNotFound.ShouldBeTrue();
        (await _world.AuditAsync()).Count(a => a.Action == AuditAction.Read).ShouldBe(0);
    }

    [Fact]
    public async Task ProgressEvidenceFiles_AreAddedByContributors_AndReadByEveryoneWhoMayReadTheCase_WithinItsSchool()
    {
        var programme = new ProgrammeWorld(_database, new TestClock(2026, 9, 7));
        var caseId = await programme.ActiveCaseAsync();
        int meeting;
        await using (var db = programme.As(Role.InterventionOfficer))
            meeting = ProgrammeWorld.Ok(await new ScheduleProgrammeMeeting(db).RunAsync(caseId, new ScheduleMeetingInput { ScheduledFor = new DateOnly(2026, 11, 4), Venue = "At the school" }));

        async Task<Core.OperationResult<AttachmentRow>> AttachAs(Role role, int? urn = null)
        {
            await using var db = programme.As(role, urn: urn);
            return await new AttachProgressEvidenceFile(db, _world.Attach(db)).RunAsync(caseId, meeting, new AttachFile.Upload(new MemoryStream(SampleFiles.Csv), "phonics.csv"));
        }

        var row = Ok(await AttachAs(Role.SchoolUser));
        (await AttachAs(Role.Governor)).IsForbidden.ShouldBeTrue();
        (await AttachAs(Role.SeniorManager)).IsForbidden.ShouldBeTrue();
        (await AttachAs(Role.SchoolUser, urn: ProgrammeWorld.OtherSchool)).IsNotFound.ShouldBeTrue();
        await using (var governor = programme.As(Role.Governor))
        {
            (await new ListProgressEvidenceFiles(governor, new ListAttachments(governor)).RunAsync(caseId, meeting))!.Single().Id.ShouldBe(row.Id);
            var download = Ok(await new OpenProgressEvidenceFile(governor, _world.Open(governor)).RunAsync(caseId, meeting, row.Id));
            await download.Content.DisposeAsync();
            (await new RemoveProgressEvidenceFile(governor, _world.Remove(governor)).RunAsync(caseId, meeting, row.Id)).IsForbidden.ShouldBeTrue();
        }
        await using (var outsider = programme.As(Role.SchoolUser, urn: ProgrammeWorld.OtherSchool))
        {
            (await new ListProgressEvidenceFiles(outsider, new ListAttachments(outsider)).RunAsync(caseId, meeting)).ShouldBeNull();
            (await new OpenProgressEvidenceFile(outsider, _world.Open(outsider)).RunAsync(caseId, meeting, row.Id)).IsNotFound.ShouldBeTrue();
        }
        var audit = await _world.AuditAsync();
        audit.Select(a => (a.Action, a.SchoolUrn)).ShouldBe([(AuditAction.Created, School), (AuditAction.Read, School)]);
        audit.ShouldAllBe(a => a.Changes!.Contains($"\"RecordKey\":\"{meeting}\"") || a.Changes.Contains($"\"{meeting}\""));
    }

    private static T Ok<T>(Core.OperationResult<T> result)
    {
        result.Errors.ShouldBeEmpty(string.Join("; ", result.Errors.Select(e => e.Message)));
        return result.Value!;
    }
}

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class AttachmentOperationsTests_Sqlite_Database() : AttachmentOperationsTests(DatabaseProvider.Sqlite, AttachmentStorage.Database);
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class AttachmentOperationsTests_Sqlite_Folder() : AttachmentOperationsTests(DatabaseProvider.Sqlite, AttachmentStorage.Folder);
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class AttachmentOperationsTests_Postgres_Database() : AttachmentOperationsTests(DatabaseProvider.Postgres, AttachmentStorage.Database);
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class AttachmentOperationsTests_Postgres_Folder() : AttachmentOperationsTests(DatabaseProvider.Postgres, AttachmentStorage.Folder);
