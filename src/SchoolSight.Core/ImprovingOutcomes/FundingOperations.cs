using SchoolSight.Core.Data;
using SchoolSight.Domain.ImprovingOutcomes;

namespace SchoolSight.Core.ImprovingOutcomes;

public sealed record BudgetInput
{
    public decimal? ProgrammeBudget { get; set; }
    public decimal? SchoolContribution { get; set; }
    public int Version { get; set; }
}

/// <summary>Agrees the programme budget for the case and the school's own contribution (seed 004, 5.4).</summary>
[Operation]
public sealed class SetCaseBudget(AppDbContext db)
{
    public Task<OperationResult<int>> RunAsync(int caseId, BudgetInput input, CancellationToken ct = default) =>
        db.ChangeCaseAsync(caseId, input.Version, (c, actor, _) =>
        {
            c.SetBudget(input.ProgrammeBudget, input.SchoolContribution, actor);
            return c.Id;
        }, ct);
}

public sealed record SpendingInput
{
    public int PlanActionId { get; set; }
    public string? Description { get; set; }
    public DateOnly? SpentOn { get; set; }
    public decimal? Total { get; set; }
    public decimal? FromProgramme { get; set; }
    public decimal? FromSchool { get; set; }
}

/// <summary>
/// Records spending against an agreed action of the plan. Refused, with the reason, when its parts do not add up to
/// its total, when it would overspend the programme budget or the school's agreed contribution.
/// </summary>
[Operation]
public sealed class AddSpendingLine(AppDbContext db)
{
    /// <returns>The new line's id.</returns>
    public async Task<OperationResult<int>> RunAsync(int caseId, SpendingInput input, CancellationToken ct = default)
    {
        SpendingLine? line = null;
        var result = await db.ChangeCaseAsync(caseId, null, (c, actor, _) =>
        {
            line = c.AddSpending(input.PlanActionId, input.Description ?? "", input.SpentOn, input.Total, input.FromProgramme, input.FromSchool, actor, db.Today());
            return 0;
        }, ct);
        return result.Succeeded ? OperationResult<int>.Ok(line!.Id) : OperationResult<int>.Fail(result.Errors);
    }
}
