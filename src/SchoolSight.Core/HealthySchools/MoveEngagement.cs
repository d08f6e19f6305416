using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Core.Workflows;
using SchoolSight.Domain.HealthySchools;
using SchoolSight.Domain.Indicators;

namespace SchoolSight.Core.HealthySchools;

public sealed record MoveInput
{
    /// <summary>The reason or note: the QUAS's comments to the school, or a note with a submission.</summary>
    public string? Reason { get; set; }
    public string? Evidence { get; set; }
    public int Version { get; set; }
}

/// <summary>
/// Makes one move of the enhancement model (<see cref="EnhancementModel"/>): the school moves on a stage, sends its
/// stage 4 form to the QUAS, and the QUAS approves it or asks for clarification. Refused with every reason.
/// </summary>
[Operation]
public sealed class MoveEngagement(AppDbContext db)
{
    public Task<OperationResult<int>> RunAsync(int urn, EnhancementMove move, MoveInput input, CancellationToken ct = default) =>
        db.ChangeAsync(urn, input.Version, (e, actor) => e.Apply(move, db.MoveBy(actor, input.Reason)), ct);
}

/// <summary>
/// A move of an outcome's review at stage 8 (<see cref="OutcomeReview"/>): the school sends a met outcome with its
/// evidence (an outcome tied to an indicator is judged on the latest figure), the QUAS confirms it or asks for clarification.
/// </summary>
[Operation]
public sealed class ReviewOutcome(AppDbContext db, OutcomeFigures figures)
{
    public async Task<OperationResult<int>> RunAsync(int urn, int outcomeNumber, OutcomeMove move, MoveInput input, CancellationToken ct = default)
    {
        double? current = null;
        if (move == OutcomeMove.SendAsMet)
        {
            var engagement = await db.HealthySchoolEngagements.AsNoTracking().FirstOrDefaultAsync(e => e.Urn == urn, ct);
            if (engagement?.Outcomes.FirstOrDefault(o => o.Number == outcomeNumber) is { IndicatorId: { } id } tied)
                current = (await figures.LatestAsync(urn, id, tied.PupilGroup ?? PupilGroup.All, ct))?.Value;
        }
        return await db.ChangeAsync(urn, input.Version, (e, actor) =>
            e.Review(outcomeNumber, move, new OutcomeMoveContext(actor, db.UtcNow, db.Today(), input.Reason, input.Evidence, false, current)), ct);
    }
}

public sealed record AnswerInput
{
    /// <summary>What the answer is about: the stage 4 form (empty) or an outcome's number.</summary>
    public int? OutcomeNumber { get; set; }
    public string? Answer { get; set; }
    public int Version { get; set; }
}

/// <summary>The school answers the QUAS's request for clarification; the exchange is kept.</summary>
[Operation]
public sealed class AnswerQuas(AppDbContext db)
{
    public Task<OperationResult<int>> RunAsync(int urn, AnswerInput input, CancellationToken ct = default) =>
        db.ChangeAsync(urn, input.Version, (e, actor) => e.Answer(
            input.OutcomeNumber is { } n ? HealthySchoolEngagement.AboutOutcome(n) : HealthySchoolEngagement.StageFourForm, input.Answer ?? "", actor, db.UtcNow), ct);
}
