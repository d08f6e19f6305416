using SchoolSight.Core.Attachments;
using SchoolSight.Core.Data;

namespace SchoolSight.Core.HealthySchools;

/// <summary>A file of evidence of a school's annual review, for everyone who may see the school's review.</summary>
[Operation]
public sealed class OpenReviewFile(AppDbContext db, GetAnnualReview get, OpenAttachment open)
{
    public async Task<OperationResult<OpenAttachment.Download>> RunAsync(int urn, int? year, Guid id, CancellationToken ct = default)
    {
        var review = await get.RunAsync(urn, year, ct);
        if (!review.Succeeded) return OperationResult<OpenAttachment.Download>.Fail(review.Errors);
        return await open.RunAsync(ReviewChanges.OwnerOf(urn, db.YearOf(year)), id, ct);
    }
}
