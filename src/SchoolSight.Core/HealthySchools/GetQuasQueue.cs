using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.HealthySchools;

namespace SchoolSight.Core.HealthySchools;

/// <summary>One item waiting for the QUAS: a school's stage 4 form, or an outcome it has sent as met, with how long it has waited.</summary>
public sealed record QuasQueueItem(int Urn, string SchoolName, string What, int? OutcomeNumber, DateTime SentAt, int DaysWaiting, bool Answered);

/// <summary>
/// The QUAS's queue: everything waiting for the panel, oldest first, with its age in days on the LA's clock. For the
/// panel and the coordinator (and the LA officers who see everything).
/// </summary>
[Operation]
public sealed class GetQuasQueue(AppDbContext db)
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
        return OperationResult<IReadOnlyList<QuasQueueItem>>.Ok([.. items.OrderBy(i => i.SentAt)]);
    }
}
