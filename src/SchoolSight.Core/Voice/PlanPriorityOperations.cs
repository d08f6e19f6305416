using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Domain;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Voice;

namespace SchoolSight.Core.Voice;

public sealed record PlanPriorityInput
{
    public string? Title { get; set; }
    public string? Source { get; set; }
    public bool IsCurrent { get; set; } = true;
    public int? Version { get; set; }
}

/// <summary>
/// Adds one of the area's Children and Young People's Plan priorities, or changes one (its words, its source, whether
/// schools may still choose it) from the version the officer saw. The LA's school improvement officers keep the list.
/// </summary>
[Operation]
public sealed class KeepPlanPriority(AppDbContext db)
{
    public const string What = "plan priority";

    public async Task<OperationResult<int>> RunAsync(int? id, PlanPriorityInput input, CancellationToken ct = default)
    {
        if (!db.CurrentUser.Role.Allows(Resource.PlanPriorities, ResourceAction.Edit))
            return OperationResult<int>.Fail(CoreErrors.Forbidden("Only the LA's school improvement officers keep the list of plan priorities."));
        PlanPriority? priority = null;
        if (id is { } existing)
        {
            priority = await db.PlanPriorities.FirstOrDefaultAsync(p => p.Id == existing, ct);
            if (priority is null) return OperationResult<int>.Fail(CoreErrors.NotFound(What));
            if (input.Version is { } v)
            {
                if (priority.Version != v) return OperationResult<int>.Fail(db.Conflict(What, priority.UpdatedBy, priority.UpdatedAt));
                db.ExpectVersion(priority, v);
            }
        }
        try
        {
            if (priority is null) db.PlanPriorities.Add(priority = new PlanPriority(input.Title ?? "", input.Source));
            else priority.Change(input.Title ?? "", input.Source, input.IsCurrent);
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            return OperationResult<int>.Fail(e.Errors);
        }
        return await db.SaveVersionedAsync(priority, What, () => priority.Id, ct);
    }
}

/// <summary>The area's plan priorities, current first: everyone who reads schools' self-evaluations sees them.</summary>
[Operation]
public sealed class ListPlanPriorities(AppDbContext db)
{
    public async Task<IReadOnlyList<PlanPriority>> RunAsync(CancellationToken ct = default) =>
        db.CurrentUser.Role.Allows(Resource.PlanPriorities, ResourceAction.Read)
            ? await db.PlanPriorities.AsNoTracking().OrderByDescending(p => p.IsCurrent).ThenBy(p => p.Title).ToListAsync(ct)
            : [];
}
