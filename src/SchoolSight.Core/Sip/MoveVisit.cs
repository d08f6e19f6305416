using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Calendar;
using SchoolSight.Core.Data;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Categorisation;
using SchoolSight.Domain.Sip;
using SchoolSight.Domain.Workflows;

namespace SchoolSight.Core.Sip;

public sealed record VisitMoveInput
{
    /// <summary>The headteacher's comment (required when they mark the report inaccurate).</summary>
    public string? Comment { get; set; }
    public int Version { get; set; }
}

/// <summary>
/// A move of the record of visit (<see cref="VisitReport"/>): the SIP issues the report, settling the five features
/// SchoolSight decides from the record (timely on the LA's term calendar and its number of working days; judgements
/// recorded for the day of the visit); the headteacher marks it accurate or inaccurate with a comment.
/// </summary>
[Operation]
public sealed class MoveVisit(AppDbContext db, SipOptions options)
{
    public Task<OperationResult<int>> RunAsync(int visitId, VisitMove move, VisitMoveInput input, CancellationToken ct = default) => move switch
    {
        VisitMove.Issue => db.ChangeVisitAsync(visitId, input.Version, ResourceAction.Record, "issue a SIP report", async (visit, actor) =>
        {
            var calendar = await db.LoadCalendarAsync(ct);
            var timely = ReportFeatures.IsTimely(visit.VisitedOn, db.Today(), options.ReportDueWithinWorkingDays, calendar);
            var judged = await db.SchoolJudgements.AnyAsync(j => j.Urn == visit.Urn && j.Source == JudgementSource.SchoolImprovementPartner
                && j.JudgedOn == visit.VisitedOn, ct);
            visit.Issue(Context(actor, input), timely, judged);
        }, ct),
        VisitMove.MarkAccurate or VisitMove.MarkInaccurate => db.ChangeVisitAsync(visitId, input.Version, ResourceAction.Contribute, "answer a SIP report", (visit, actor) =>
        {
            visit.Answer(move == VisitMove.MarkAccurate, Context(actor, input));
            return Task.CompletedTask;
        }, ct),
    };

    private MoveContext Context(Actor actor, VisitMoveInput input) => new(actor, db.UtcNow, db.Today(), input.Comment);
}

public sealed record ReviewInput
{
    public bool? AccurateAndEvidenced { get; set; }
    public bool? EvidenceOfChallenge { get; set; }
    public string? Note { get; set; }
    public int Version { get; set; }
}

/// <summary>A reviewer (the QA manager or an M&amp;I officer) judges the two features of an issued report SchoolSight cannot decide.</summary>
[Operation]
public sealed class ReviewVisit(AppDbContext db)
{
    public Task<OperationResult<int>> RunAsync(int visitId, ReviewInput input, CancellationToken ct = default) =>
        db.ChangeVisitAsync(visitId, input.Version, ResourceAction.Decide, "review SIP reports", (visit, actor) =>
        {
            if (input.AccurateAndEvidenced is not { } accurate)
                throw new Domain.DomainException(SipErrors.Required("AccurateAndEvidenced", "Say whether the report is accurate and supported by evidence"));
            if (input.EvidenceOfChallenge is not { } challenge)
                throw new Domain.DomainException(SipErrors.Required("EvidenceOfChallenge", "Say whether the report gives evidence of the challenge provided"));
            visit.Review(accurate, challenge, input.Note, actor, db.Today());
            return Task.CompletedTask;
        }, ct);
}
