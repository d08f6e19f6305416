using SchoolSight.Core.Attachments;
using SchoolSight.Core.Data;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.QualityStandards;

namespace SchoolSight.Core.LaSelfEvaluation;

/// <summary>A document of a rating's evidence, for those who read the LA's self-evaluation; each download is audited.</summary>
[Operation]
public sealed class OpenRatingFile(AppDbContext db, OpenAttachment open)
{
    public async Task<OperationResult<OpenAttachment.Download>> RunAsync(int year, string standardId, SefPhase phase, Guid fileId, CancellationToken ct = default)
    {
        if (SelfEvaluationAccess.Refusal(db, ResourceAction.Read) is { } refused) return OperationResult<OpenAttachment.Download>.Fail(refused);
        return await open.RunAsync(RatingFiles.OwnerOf(year, standardId, phase), fileId, ct);
    }
}
