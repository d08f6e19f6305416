using SchoolSight.Core.Data;
using SchoolSight.Domain.HealthySchools;

namespace SchoolSight.Core.HealthySchools;

public sealed record SuccessIndicatorInput
{
    public string? Description { get; set; }
    public DateOnly? Timescale { get; set; }
    public SuccessIndicatorKind? Kind { get; set; }

    /// <summary>The outcome it is specific to; empty when it is generic to all the outcomes.</summary>
    public int? OutcomeNumber { get; set; }

    /// <summary>Why it changes (a change during delivery keeps the old version).</summary>
    public string? Reason { get; set; }
    public int? Version { get; set; }
}

/// <summary>Sets an early success indicator (stage 4): a milestone with its timescale.</summary>
[Operation]
public sealed class AddSuccessIndicator(AppDbContext db)
{
    public Task<OperationResult<int>> RunAsync(int urn, SuccessIndicatorInput input, CancellationToken ct = default) =>
        db.ChangeAsync(urn, input.Version, (e, actor) => e.AddSuccessIndicator(input.Description ?? "",
            EngagementChanges.Require(input.Timescale, nameof(input.Timescale), "Enter the timescale"),
            EngagementChanges.Require(input.Kind, nameof(input.Kind), "Choose whether it is an impact or a process indicator"), input.OutcomeNumber, actor), ct);
}

/// <summary>Changes an early success indicator during delivery; the old version is kept with the reason.</summary>
[Operation]
public sealed class ChangeSuccessIndicator(AppDbContext db)
{
    public Task<OperationResult<int>> RunAsync(int urn, int number, SuccessIndicatorInput input, CancellationToken ct = default) =>
        db.ChangeAsync(urn, input.Version, (e, actor) => e.ChangeSuccessIndicator(number, input.Description ?? "",
            EngagementChanges.Require(input.Timescale, nameof(input.Timescale), "Enter the timescale"), input.Reason ?? "", actor, db.Today()), ct);
}

public sealed record AssessmentInput
{
    public bool? Met { get; set; }
    public string? Evidence { get; set; }
    public DateOnly? AssessedOn { get; set; }
    public int? Version { get; set; }
}

/// <summary>Records whether an early success indicator was met, with the evidence and the date (stage 7).</summary>
[Operation]
public sealed class AssessSuccessIndicator(AppDbContext db)
{
    public Task<OperationResult<int>> RunAsync(int urn, int number, AssessmentInput input, CancellationToken ct = default) =>
        db.ChangeAsync(urn, input.Version, (e, actor) => e.AssessSuccessIndicator(number,
            EngagementChanges.Require(input.Met, nameof(input.Met), "Choose whether it was met"), input.Evidence ?? "",
            input.AssessedOn ?? db.Today(), actor, db.Today()), ct);
}

public sealed record ActivityInput
{
    public string? Description { get; set; }
    public ActivityReach? Reach { get; set; }
    public string? TargetGroup { get; set; }
    public int? PartnerId { get; set; }
    public int? Version { get; set; }
}

/// <summary>Plans an activity or intervention (stage 5): universal or targeted, with the partner who delivers it.</summary>
[Operation]
public sealed class AddActivity(AppDbContext db)
{
    public Task<OperationResult<int>> RunAsync(int urn, ActivityInput input, CancellationToken ct = default) =>
        db.ChangeAsync(urn, input.Version, (e, actor) => e.AddActivity(input.Description ?? "",
            EngagementChanges.Require(input.Reach, nameof(input.Reach), "Choose whether the activity is universal or targeted"), input.TargetGroup, input.PartnerId, actor), ct);
}
