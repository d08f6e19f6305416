using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Core.Indicators;
using SchoolSight.Domain;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.HealthySchools;

namespace SchoolSight.Core.HealthySchools;

public sealed record LocalPriorityInput
{
    public string? Title { get; set; }
    public string? IndicatorId { get; set; }
    public string? Source { get; set; }
}

/// <summary>
/// Adds one of the LA's local priorities (from its Joint Strategic Needs Assessment or the Public Health Outcomes
/// Framework) with the indicator it is measured by. The Healthy Schools coordinator keeps the list.
/// </summary>
[Operation]
public sealed class AddLocalPriority(AppDbContext db, IndicatorCatalogueSource catalogue)
{
    public async Task<OperationResult<int>> RunAsync(LocalPriorityInput input, CancellationToken ct = default)
    {
        if (!db.CurrentUser.Role.Allows(Resource.HealthySchoolsLa, ResourceAction.Edit))
            return OperationResult<int>.Fail(CoreErrors.Forbidden("Only the Healthy Schools coordinator keeps the list of local priorities."));
        if (!string.IsNullOrWhiteSpace(input.IndicatorId) && !catalogue.Catalogue.Indicators.Any(i => i.Id == input.IndicatorId.Trim()))
            return OperationResult<int>.Fail(new DomainError("healthy.indicator", "Choose an indicator from the list", nameof(input.IndicatorId)));
        LocalPriority priority;
        try
        {
            priority = new LocalPriority(input.Title ?? "", input.IndicatorId?.Trim() ?? "", input.Source);
        }
        catch (DomainException e)
        {
            return OperationResult<int>.Fail(e.Errors);
        }
        db.LocalPriorities.Add(priority);
        await db.SaveChangesAsync(ct);
        return OperationResult<int>.Ok(priority.Id);
    }
}

/// <summary>The LA's current local priorities, for everyone who works on Healthy Schools records.</summary>
[Operation]
public sealed class ListLocalPriorities(AppDbContext db)
{
    public async Task<IReadOnlyList<LocalPriority>> RunAsync(CancellationToken ct = default) =>
        db.CurrentUser.Role.Allows(Resource.HealthySchools, ResourceAction.Read)
            ? await db.LocalPriorities.AsNoTracking().Where(p => p.IsCurrent).OrderBy(p => p.Title).ToListAsync(ct)
            : [];
}
