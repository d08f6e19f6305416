using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Access;
using SchoolSight.Core.Data;
using SchoolSight.Domain;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.HealthySchools;

namespace SchoolSight.Core.HealthySchools;

/// <summary>One item waiting for the QUAS: a school's stage 4 form, an outcome it has sent as met, or an annual review drawn for moderation, with how long it has waited.</summary>
public sealed record QuasQueueItem(int Urn, string SchoolName, string What, int? OutcomeNumber, DateTime SentAt, int DaysWaiting, bool Answered)
{
    /// <summary>Where the panel decides on it.</summary>
    public string Href { get; init; } = $"/Schools/{Urn}/HealthySchools";

    /// <summary>What waits, within the school: <c>stage-4-form</c>, <c>outcome/3</c>, <c>annual-review/2026</c>.</summary>
    public string Key { get; init; } = OutcomeNumber is { } n ? $"outcome/{n}" : "stage-4-form";

    /// <summary>The panel member it is assigned to (user name), when it is assigned to one.</summary>
    public string? AssignedTo { get; init; }
}

/// <summary>
/// The QUAS's queue: everything waiting for the panel, oldest first, with its age in days on the LA's clock. For the
/// panel and the coordinator (and the LA officers who see everything).
/// </summary>
[Operation]
public sealed class GetQuasQueue(AppDbContext db, PeopleNames people)
{
    public async Task<OperationResult<IReadOnlyList<QuasQueueItem>>> RunAsync(CancellationToken ct = default)
    {
        if (!db.CurrentUser.Role.Allows(Resource.HealthySchoolsLa, ResourceAction.Read))
            return OperationResult<IReadOnlyList<QuasQueueItem>>.Fail(CoreErrors.Forbidden("Your role does not allow you to see the QUAS queue."));
        var engagements = await db.HealthySchoolEngagements.AsNoTracking().ToListAsync(ct);
        var urns = engagements.Select(e => e.Urn).ToList();
        var names = await db.Schools.Where(s => urns.Contains(s.Urn)).ToDictionaryAsync(s => s.Urn, s => s.Details.Name, ct);
        var today = db.Today();
        var items = new List<QuasQueueItem>();
        QuasQueueItem Item(HealthySchoolEngagement e, string what, int? outcome, DateTime sent, string about) =>
            new(e.Urn, names.GetValueOrDefault(e.Urn, $"URN {e.Urn}"), what, outcome, sent, today.DayNumber - db.Clock.DateOf(sent).DayNumber, e.Exchange.Any(x => x.About == about && x.Kind == QuasEntryKind.Answered));
        foreach (var e in engagements)
        {
            if (e.Stage == EnhancementStage.WithQuas && e.SubmittedAt is { } sent)
                items.Add(Item(e, "Stage 4 form", null, sent, HealthySchoolEngagement.StageFourForm));
            foreach (var o in e.CurrentOutcomes.Where(o => o.State == OutcomeState.SubmittedAsMet && o.SubmittedAt is not null))
                items.Add(Item(e, $"Outcome {o.Number} sent as met: {o.Description}", o.Number, o.SubmittedAt!.Value, HealthySchoolEngagement.AboutOutcome(o.Number)));
        }
        // Annual reviews drawn for moderation wait for their panel member from the day of the draw.
        var drawn = await db.AnnualReviews.AsNoTracking().Where(r => r.ModerationDrawId != null && r.ModerationOutcome == null)
            .Join(db.ModerationDraws, r => r.ModerationDrawId, d => d.Id, (r, d) => new { r.Urn, r.Year, r.Moderator, d.DrawnAt }).ToListAsync(ct);
        var drawnUrns = drawn.Select(d => d.Urn).Distinct().ToList();
        var drawnNames = await db.Schools.Where(s => drawnUrns.Contains(s.Urn)).ToDictionaryAsync(s => s.Urn, s => s.Details.Name, ct);
        var who = await people.ResolverAsync(ct);
        items.AddRange(drawn.Select(d => new QuasQueueItem(d.Urn, drawnNames.GetValueOrDefault(d.Urn, $"URN {d.Urn}"),
            $"Annual review {AcademicYear.Format(d.Year)} drawn for moderation, assigned to {who(d.Moderator)}", null, d.DrawnAt,
            today.DayNumber - db.Clock.DateOf(d.DrawnAt).DayNumber, false)
        { Href = $"/Schools/{d.Urn}/HealthySchools/AnnualReview?year={d.Year}", Key = $"annual-review/{d.Year}", AssignedTo = d.Moderator }));
        return OperationResult<IReadOnlyList<QuasQueueItem>>.Ok([.. items.OrderBy(i => i.SentAt)]);
    }
}
