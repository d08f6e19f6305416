using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Core.Indicators;
using SchoolSight.Domain;
using SchoolSight.Domain.HealthySchools;

namespace SchoolSight.Core.HealthySchools;

/// <summary>Records what the school's needs analysis found (stage 2), alongside the data SchoolSight already holds.</summary>
[Operation]
public sealed class RecordNeedsAnalysis(AppDbContext db)
{
    public Task<OperationResult<int>> RunAsync(int urn, string? notes, int? version, CancellationToken ct = default) =>
        db.ChangeAsync(urn, version, (e, actor) => e.RecordNeedsAnalysis(notes ?? "", actor), ct);
}

public sealed record PriorityInput
{
    public PriorityKind? Kind { get; set; }

    /// <summary>For a local priority: the LA's priority it takes, with its title and indicator.</summary>
    public int? LocalPriorityId { get; set; }
    public string? Title { get; set; }
    public string? IndicatorId { get; set; }
    public int? Version { get; set; }
}

/// <summary>
/// Chooses one of the school's two priorities (stage 3): the local one from the LA's list (its title and indicator
/// come with it), the school's own with an indicator from SchoolSight's catalogue.
/// </summary>
[Operation]
public sealed class AddPriority(AppDbContext db, IndicatorCatalogueSource catalogue)
{
    public async Task<OperationResult<int>> RunAsync(int urn, PriorityInput input, CancellationToken ct = default)
    {
        var (title, indicatorId) = (input.Title, input.IndicatorId);
        if (input.Kind == PriorityKind.Local)
        {
            var local = input.LocalPriorityId is { } id ? await db.LocalPriorities.FirstOrDefaultAsync(p => p.Id == id && p.IsCurrent, ct) : null;
            if (local is null) return OperationResult<int>.Fail(new DomainError("healthy.local-priority", "Choose the local priority from the LA's list", nameof(input.LocalPriorityId)));
            (title, indicatorId) = (local.Title, local.IndicatorId);
        }
        else if (!string.IsNullOrWhiteSpace(indicatorId) && !catalogue.Catalogue.Indicators.Any(i => i.Id == indicatorId))
            return OperationResult<int>.Fail(new DomainError("healthy.indicator", "Choose an indicator from the list", nameof(input.IndicatorId)));
        return await db.ChangeAsync(urn, input.Version, (e, actor) =>
            e.AddPriority(EngagementChanges.Require(input.Kind, nameof(input.Kind), "Choose whether the priority is the local one or the school's"),
                title ?? "", indicatorId ?? "", input.LocalPriorityId, actor), ct);
    }
}

[Operation]
public sealed class RemovePriority(AppDbContext db)
{
    public Task<OperationResult<int>> RunAsync(int urn, int number, int? version, CancellationToken ct = default) =>
        db.ChangeAsync(urn, version, (e, actor) => e.RemovePriority(number, actor), ct);
}

public sealed record NoServiceInput
{
    public int? PriorityNumber { get; set; }

    /// <summary>What the school looked for and could not find; empty to withdraw it.</summary>
    public string? Note { get; set; }
    public int? Version { get; set; }
}

/// <summary>
/// The school says no service or partner is available to work with on one of its priorities (or withdraws it): the
/// QUAS report gathers these as evidence for commissioning.
/// </summary>
[Operation]
public sealed class ReportNoService(AppDbContext db)
{
    public Task<OperationResult<int>> RunAsync(int urn, NoServiceInput input, CancellationToken ct = default) =>
        db.ChangeAsync(urn, input.Version, (e, actor) => e.ReportNoService(
            EngagementChanges.Require(input.PriorityNumber, nameof(input.PriorityNumber), "Choose the priority"), input.Note, actor), ct);
}
