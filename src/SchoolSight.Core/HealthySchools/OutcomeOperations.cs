using SchoolSight.Core.Data;
using SchoolSight.Core.Indicators;
using SchoolSight.Domain;
using SchoolSight.Domain.HealthySchools;
using SchoolSight.Domain.Indicators;

namespace SchoolSight.Core.HealthySchools;

public sealed record OutcomeInput
{
    public int? PriorityNumber { get; set; }
    public OutcomeKind? Kind { get; set; }
    public string? Description { get; set; }
    public string? TargetGroup { get; set; }

    /// <summary>The indicator the outcome is measured by, when SchoolSight's data measures it; its baseline then comes from the data.</summary>
    public string? IndicatorId { get; set; }
    public PupilGroup? PupilGroup { get; set; }
    public double? Baseline { get; set; }
    public double? Target { get; set; }
    public DateOnly? ByWhen { get; set; }
    public string? EvidencedBy { get; set; }
    public int? Version { get; set; }
}

/// <summary>
/// Sets a meaningful outcome of a priority (stage 4). Tied to an indicator (and pupil group), its baseline is the
/// latest figure the data gives; otherwise the school gives its own baseline (now or at stage 5).
/// </summary>
[Operation]
public sealed class AddOutcome(AppDbContext db, IndicatorCatalogueSource catalogue, OutcomeFigures figures)
{
    public async Task<OperationResult<int>> RunAsync(int urn, OutcomeInput input, CancellationToken ct = default)
    {
        var indicatorId = string.IsNullOrWhiteSpace(input.IndicatorId) ? null : input.IndicatorId.Trim();
        DataFigure? baseline = null;
        if (indicatorId is not null)
        {
            if (!catalogue.Catalogue.Indicators.Any(i => i.Id == indicatorId))
                return OperationResult<int>.Fail(new DomainError("healthy.indicator", "Choose an indicator from the list", nameof(input.IndicatorId)));
            baseline = await figures.LatestAsync(urn, indicatorId, input.PupilGroup ?? PupilGroup.All, ct);
            if (baseline is null)
                return OperationResult<int>.Fail(DomainError.Rule("healthy.no-figure", "SchoolSight has no figure for this indicator and group at the school: give the baseline yourself and leave the indicator out.", nameof(input.IndicatorId)));
        }
        return await db.ChangeAsync(urn, input.Version, (e, actor) =>
        {
            var errors = new List<DomainError>();
            if (input.PriorityNumber is null) errors.Add(new("healthy.required", "Choose the priority", nameof(input.PriorityNumber)));
            if (input.Kind is null) errors.Add(new("healthy.required", "Choose the kind of outcome", nameof(input.Kind)));
            if (input.Target is null) errors.Add(new("healthy.required", "Enter the target as a number", nameof(input.Target)));
            if (input.ByWhen is null) errors.Add(new("healthy.required", "Enter the date the outcome is to be met by", nameof(input.ByWhen)));
            if (errors.Count > 0) throw new DomainException(errors[0], errors);
            e.AddOutcome(input.PriorityNumber!.Value, input.Kind!.Value, input.Description ?? "", input.TargetGroup, indicatorId, input.PupilGroup,
                input.Baseline, baseline is { } b ? (b.Value, b.AcademicYear) : null, input.Target!.Value, input.ByWhen!.Value, input.EvidencedBy ?? "", actor, db.Today());
        }, ct);
    }
}

[Operation]
public sealed class RemoveOutcome(AppDbContext db)
{
    public Task<OperationResult<int>> RunAsync(int urn, int number, int? version, CancellationToken ct = default) =>
        db.ChangeAsync(urn, version, (e, actor) => e.RemoveOutcome(number, actor), ct);
}

/// <summary>Records the baseline of an outcome the data does not measure (stage 5).</summary>
[Operation]
public sealed class RecordOutcomeBaseline(AppDbContext db)
{
    public Task<OperationResult<int>> RunAsync(int urn, int number, double? baseline, int? version, CancellationToken ct = default) =>
        db.ChangeAsync(urn, version, (e, actor) =>
            e.RecordBaseline(number, EngagementChanges.Require(baseline, "Baseline", "Enter the baseline as a number"), actor), ct);
}
