using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Attachments;
using SchoolSight.Core.Data;
using SchoolSight.Domain;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Attachments;
using SchoolSight.Domain.QualityStandards;

namespace SchoolSight.Core.LaSelfEvaluation;

/// <summary>The documents attached to one rating's evidence (a year, a standard and a phase).</summary>
public static class RatingFiles
{
    public const string RecordType = "LaSelfEvaluationRating";

    public static AttachmentOwner OwnerOf(int year, string standardId, SefPhase phase) =>
        new(RecordType, FormattableString.Invariant($"{year}/{standardId}/{phase}"), null);
}

/// <summary>
/// Attaches a document to a rating's evidence, from the version of the rating the person saw (a stale version is
/// refused naming who changed it): only a rated cell, only while the year is not signed off, and only by those who
/// rate. The file goes through the attachments' limits, type checks and virus scanner, and is audited.
/// </summary>
[Operation]
public sealed class AttachRatingFile(AppDbContext db, QualityStandardsSource source, AttachFile attach)
{
    public async Task<OperationResult<AttachmentRow>> RunAsync(int year, string standardId, SefPhase phase, int version, AttachFile.Upload upload, CancellationToken ct = default)
    {
        if (SelfEvaluationAccess.Refusal(db, ResourceAction.Record) is { } refused) return OperationResult<AttachmentRow>.Fail(refused);
        if (source.Standards.Standard(standardId) is not { } standard) return OperationResult<AttachmentRow>.Fail(CoreErrors.NotFound($"quality standard {standardId}"));
        var evaluation = await db.LaSelfEvaluations.AsNoTracking().Include(e => e.Ratings).FirstOrDefaultAsync(e => e.AcademicYear == year, ct);
        if (evaluation?.RatingFor(standard.Id, phase) is not { } cell)
            return OperationResult<AttachmentRow>.Fail(DomainError.Rule("sef.file-unrated", "Rate the standard before attaching documents to its evidence."));
        if (evaluation.State == SelfEvaluationState.SignedOff)
            return OperationResult<AttachmentRow>.Fail(DomainError.Rule("sef.file-signed-off", "The self-evaluation for this year is signed off: its evidence cannot change."));
        if (cell.Version != version)
            return OperationResult<AttachmentRow>.Fail(db.Conflict($"rating of standard {standard.Id} for {phase.Describe()}", cell.UpdatedBy, cell.UpdatedAt));
        return await attach.RunAsync(RatingFiles.OwnerOf(year, standard.Id, phase), upload, ct);
    }
}
