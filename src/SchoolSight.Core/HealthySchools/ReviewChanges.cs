using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Core.Workflows;
using SchoolSight.Domain;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Attachments;
using SchoolSight.Domain.HealthySchools;
using SchoolSight.Domain.Workflows;

namespace SchoolSight.Core.HealthySchools;

/// <summary>
/// How a school's status and annual reviews are changed: by someone whose role may read Healthy Schools records (the
/// query filter keeps other schools' out of reach), from the version they saw, with the domain deciding what is
/// allowed; a refusal leaves nothing changed.
/// </summary>
public static class ReviewChanges
{
    public const string What = "annual review";
    public const string RecordType = "HealthySchoolsAnnualReview";

    public static AttachmentOwner OwnerOf(int urn, int year) => new(RecordType, FormattableString.Invariant($"{urn}/{year}"), urn);

    /// <summary>The academic year a request is about: the one given, or the current one on the LA's clock.</summary>
    public static int YearOf(this AppDbContext db, int? year) => year ?? AcademicYear.Of(db.Today());

    /// <summary>Changes the school's review of <paramref name="year"/>, starting it when the school has none yet (if <paramref name="start"/>).</summary>
    public static async Task<OperationResult<int>> ChangeReviewAsync(this AppDbContext db, int urn, int year, int? expectedVersion, bool start,
        Action<AnnualReview, Actor> change, ReviewCriteria criteria, CancellationToken ct)
    {
        if (db.Actor() is not { } actor || !actor.Role.Allows(Resource.HealthySchools, ResourceAction.Read))
            return OperationResult<int>.Fail(CoreErrors.Forbidden("Your role does not allow you to work on Healthy Schools records."));
        if (!await db.Schools.AnyAsync(s => s.Urn == urn, ct)) return OperationResult<int>.Fail(CoreErrors.NotFound("school"));
        var review = await db.AnnualReviews.FirstOrDefaultAsync(r => r.Urn == urn && r.Year == year, ct);
        try
        {
            if (review is null)
            {
                if (!start) return OperationResult<int>.Fail(CoreErrors.NotFound(What));
                review = AnnualReview.Start(urn, year, criteria, actor);
                db.AnnualReviews.Add(review);
            }
            else if (expectedVersion is { } v)
            {
                if (review.Version != v) return OperationResult<int>.Fail(db.Conflict(What, review.UpdatedBy, review.UpdatedAt));
                db.ExpectVersion(review, v);
            }
            change(review, actor);
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            return OperationResult<int>.Fail(e.Errors);
        }
        if (db.Entry(review).State != EntityState.Added) db.Entry(review).Property(x => x.UpdatedAt).IsModified = true;
        return await db.SaveVersionedAsync(review, What, () => review.Version, ct);
    }
}
