using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Attachments;
using SchoolSight.Core.Data;
using SchoolSight.Core.Workflows;
using SchoolSight.Domain;
using SchoolSight.Domain.Attachments;
using SchoolSight.Domain.ImprovingOutcomes;

namespace SchoolSight.Core.ImprovingOutcomes;

/// <summary>
/// Files attached to a programme meeting's progress evidence. Everyone who may read the case sees and downloads
/// them (the case's school scope decides: a case outside it is not found, and so are its files); those who may add
/// progress evidence (the M&amp;I team, the school's SIP and the school) attach and remove them while the case is running.
/// </summary>
public static class ProgressEvidenceFiles
{
    public const string RecordType = "ProgrammeMeeting";

    private static readonly CaseState[] Running = [CaseState.BaselineRecorded, CaseState.Active];

    public static AttachmentOwner OwnerOf(int urn, int meetingId) => new(RecordType, meetingId.ToString(System.Globalization.CultureInfo.InvariantCulture), urn);

    /// <summary>The owner of the meeting's files, when the reader may see the case and it has the meeting.</summary>
    internal static async Task<(AttachmentOwner Owner, CaseState State)?> FindAsync(AppDbContext db, int caseId, int meetingId, CancellationToken ct)
    {
        var found = await db.ProgrammeCases.AsNoTracking().Where(c => c.Id == caseId && c.Meetings.Any(m => m.Id == meetingId))
            .Select(c => new { c.Urn, c.State }).FirstOrDefaultAsync(ct);
        return found is null ? null : (OwnerOf(found.Urn, meetingId), found.State);
    }

    /// <summary>The owner when the signed-in person may change the meeting's files now; otherwise why not.</summary>
    internal static async Task<(AttachmentOwner? Owner, DomainError? Refusal)> ForChangeAsync(AppDbContext db, int caseId, int meetingId, string doing, CancellationToken ct)
    {
        if (db.Actor() is not { } actor || !ProgrammeRoles.Contributors.Contains(actor.Role))
            return (null, CoreErrors.Forbidden(ProgrammeErrors.RoleNotAllowed(ProgrammeRoles.Contributors, doing).Message));
        if (await FindAsync(db, caseId, meetingId, ct) is not { } found) return (null, CoreErrors.NotFound("meeting"));
        if (!Running.Contains(found.State)) return (null, ProgrammeErrors.WrongState(doing, found.State) with { Kind = ErrorKind.Rule });
        return (found.Owner, null);
    }
}

/// <summary>The files of a meeting's progress evidence; null when the case or meeting is not one the reader may see.</summary>
[Operation]
public sealed class ListProgressEvidenceFiles(AppDbContext db, ListAttachments list)
{
    public async Task<IReadOnlyList<AttachmentRow>?> RunAsync(int caseId, int meetingId, CancellationToken ct = default) =>
        await ProgressEvidenceFiles.FindAsync(db, caseId, meetingId, ct) is { } found ? await list.RunAsync(found.Owner, ct) : null;
}

/// <summary>Attaches a file to a meeting's progress evidence (M&amp;I team, SIP, school; while the case is running).</summary>
[Operation]
public sealed class AttachProgressEvidenceFile(AppDbContext db, AttachFile attach)
{
    public async Task<OperationResult<AttachmentRow>> RunAsync(int caseId, int meetingId, AttachFile.Upload upload, CancellationToken ct = default)
    {
        var (owner, refusal) = await ProgressEvidenceFiles.ForChangeAsync(db, caseId, meetingId, "attach files to progress evidence", ct);
        return owner is null ? OperationResult<AttachmentRow>.Fail(refusal!) : await attach.RunAsync(owner, upload, ct);
    }
}

/// <summary>A file of a meeting's progress evidence for download, by anyone who may read the case; the download is audited.</summary>
[Operation]
public sealed class OpenProgressEvidenceFile(AppDbContext db, OpenAttachment open)
{
    public async Task<OperationResult<OpenAttachment.Download>> RunAsync(int caseId, int meetingId, Guid fileId, CancellationToken ct = default) =>
        await ProgressEvidenceFiles.FindAsync(db, caseId, meetingId, ct) is { } found
            ? await open.RunAsync(found.Owner, fileId, ct)
            : OperationResult<OpenAttachment.Download>.Fail(CoreErrors.NotFound("file"));
}

/// <summary>Removes a file from a meeting's progress evidence (M&amp;I team, SIP, school; while the case is running).</summary>
[Operation]
public sealed class RemoveProgressEvidenceFile(AppDbContext db, RemoveAttachment remove)
{
    public async Task<OperationResult<AttachmentRow>> RunAsync(int caseId, int meetingId, Guid fileId, CancellationToken ct = default)
    {
        var (owner, refusal) = await ProgressEvidenceFiles.ForChangeAsync(db, caseId, meetingId, "remove files from progress evidence", ct);
        return owner is null ? OperationResult<AttachmentRow>.Fail(refusal!) : await remove.RunAsync(owner, fileId, ct);
    }
}
