using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Access;
using SchoolSight.Core.Attachments;
using SchoolSight.Core.Data;
using SchoolSight.Core.Workflows;
using SchoolSight.Domain;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.HealthySchools;

namespace SchoolSight.Core.HealthySchools;

public sealed record AnnualReviewView(
    int Urn, string SchoolName, int Year, HealthySchoolsSettings Settings, ReviewCriteria Criteria,
    HealthySchoolStatus? Status, bool StatusCurrent, DateOnly? LapsesOn, JoiningDecision Joining,
    AnnualReview? Review, DateOnly DueOn, IReadOnlyList<AttachmentRow> Files, ModerationDraw? Draw,
    bool MayContribute, bool MayRecordStatus, bool MayModerate, Func<string?, string> Who);

/// <summary>
/// A school's Healthy Schools status and its annual review of a year, as its page shows them: the LA's name for the
/// status and its renewal period, when it was achieved and lapses, which joining pathway applies and why the school may
/// or may not join, the criteria of the four themes with what the school confirmed and its evidence files, and the
/// moderation if the review was drawn.
/// </summary>
[Operation]
public sealed class GetAnnualReview(AppDbContext db, HealthySchoolsConfiguration configuration, ListAttachments files, PeopleNames people)
{
    public async Task<OperationResult<AnnualReviewView>> RunAsync(int urn, int? year = null, CancellationToken ct = default)
    {
        if (db.Actor() is not { } actor || !actor.Role.Allows(Resource.HealthySchools, ResourceAction.Read))
            return OperationResult<AnnualReviewView>.Fail(CoreErrors.Forbidden("Your role does not allow you to see Healthy Schools records."));
        if (!db.CurrentUser.Scope.Includes(urn)) return OperationResult<AnnualReviewView>.Fail(CoreErrors.NotFound("school"));
        var name = await db.Schools.Where(s => s.Urn == urn).Select(s => s.Details.Name).FirstOrDefaultAsync(ct);
        if (name is null) return OperationResult<AnnualReviewView>.Fail(CoreErrors.NotFound("school"));

        var settings = configuration.Settings;
        var today = db.Today();
        var the = db.YearOf(year);
        var (status, joining) = await JoiningRule.DecideAsync(db, urn, settings, ct);
        var review = await db.AnnualReviews.AsNoTracking().FirstOrDefaultAsync(r => r.Urn == urn && r.Year == the, ct);
        var draw = review?.ModerationDrawId is { } drawId ? await db.ModerationDraws.AsNoTracking().FirstOrDefaultAsync(d => d.Id == drawId, ct) : null;
        return OperationResult<AnnualReviewView>.Ok(new(urn, name, the, settings, configuration.Criteria,
            status, status?.IsCurrent(today, settings.RenewalYears) == true, status?.LapsesOn(settings.RenewalYears),
            joining,
            review, settings.ReviewDueOn(the), await files.RunAsync(ReviewChanges.OwnerOf(urn, the), ct), draw,
            actor.Role.Allows(Resource.HealthySchools, ResourceAction.Contribute), HealthySchoolsRoles.Coordinator.Contains(actor.Role),
            review?.AwaitsModeration == true && HealthySchoolsRoles.Panel.Contains(actor.Role) && string.Equals(review.Moderator, actor.Name, StringComparison.OrdinalIgnoreCase),
            await people.ResolverAsync(ct)));
    }
}
