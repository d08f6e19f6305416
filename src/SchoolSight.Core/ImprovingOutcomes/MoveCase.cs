using SchoolSight.Core.Data;
using SchoolSight.Domain.ImprovingOutcomes;

namespace SchoolSight.Core.ImprovingOutcomes;

public sealed record MoveCaseInput
{
    public CaseMoveName? Move { get; set; }
    public string? Reason { get; set; }

    /// <summary>The version of the case the decision was made on: a case changed since is not decided blind.</summary>
    public int Version { get; set; }
}

/// <summary>
/// Makes one move of the case lifecycle (<see cref="CaseLifecycle"/>): the SMT agrees or declines entry and agrees
/// exit; the M&amp;I team starts support, moves the case between tiers and begins post-exit monitoring; the case is
/// closed after two terms of monitoring. Refused with every reason when the move is not allowed.
/// </summary>
[Operation]
public sealed class MoveCase(AppDbContext db)
{
    public Task<OperationResult<int>> RunAsync(int caseId, MoveCaseInput input, CancellationToken ct = default)
    {
        if (input.Move is not { } move || move is CaseMoveName.ProposeEntry or CaseMoveName.RecordBaseline)
            return Task.FromResult(OperationResult<int>.Fail(new Domain.DomainError("programme.move", "Choose a decision to make.", "Move")));
        return db.ChangeCaseAsync(caseId, input.Version, (c, actor, calendar) =>
        {
            c.Apply(move, new MoveContext(actor, db.UtcNow, db.Today(), calendar, input.Reason));
            return c.Id;
        }, ct);
    }
}
