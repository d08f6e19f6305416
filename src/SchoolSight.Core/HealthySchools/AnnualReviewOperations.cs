using SchoolSight.Core.Attachments;
using SchoolSight.Core.Data;
using SchoolSight.Domain.HealthySchools;

namespace SchoolSight.Core.HealthySchools;

public sealed record CriterionInput
{
    public string? CriterionId { get; set; }
    public string? Evidence { get; set; }
    public int? Year { get; set; }
    public int? Version { get; set; }
}

/// <summary>
/// The school confirms a criterion of its annual review with its evidence (the review of the year is started by the
/// first confirmation); a file of evidence may be attached with it.
/// </summary>
[Operation]
public sealed class ConfirmCriterion(AppDbContext db, HealthySchoolsConfiguration configuration, AttachFile attach)
{
    public async Task<OperationResult<int>> RunAsync(int urn, CriterionInput input, AttachFile.Upload? file = null, CancellationToken ct = default)
    {
        var year = db.YearOf(input.Year);
        var result = await db.ChangeReviewAsync(urn, year, input.Version, start: true,
            (r, actor) => r.Confirm(configuration.Criteria, input.CriterionId?.Trim() ?? "", input.Evidence ?? "", actor, db.Today()), configuration.Criteria, ct);
        if (!result.Succeeded || file?.Content is null || string.IsNullOrWhiteSpace(file.FileName)) return result;
        var attached = await attach.RunAsync(ReviewChanges.OwnerOf(urn, year), file with { Description = file.Description ?? input.CriterionId }, ct);
        return attached.Succeeded ? result : OperationResult<int>.Fail(attached.Errors);
    }
}

/// <summary>The school self-validates its annual review once every criterion of the four themes is confirmed.</summary>
[Operation]
public sealed class SelfValidateReview(AppDbContext db, HealthySchoolsConfiguration configuration)
{
    public Task<OperationResult<int>> RunAsync(int urn, int? year, int? version, CancellationToken ct = default) =>
        db.ChangeReviewAsync(urn, db.YearOf(year), version, start: false, (r, actor) => r.SelfValidate(configuration.Criteria, actor, db.Today()), configuration.Criteria, ct);
}

public sealed record ModerationInput
{
    public ModerationOutcome? Outcome { get; set; }
    public string? Comments { get; set; }
    public int? Year { get; set; }
    public int? Version { get; set; }
}

/// <summary>The panel member a drawn annual review was assigned to records the moderation's outcome.</summary>
[Operation]
public sealed class RecordModeration(AppDbContext db, HealthySchoolsConfiguration configuration)
{
    public Task<OperationResult<int>> RunAsync(int urn, ModerationInput input, CancellationToken ct = default) =>
        db.ChangeReviewAsync(urn, db.YearOf(input.Year), input.Version, start: false, (r, actor) => r.Moderate(
            EngagementChanges.Require(input.Outcome, nameof(input.Outcome), "Choose whether the panel agrees with the school's self-validation"),
            input.Comments, actor, db.Today()), configuration.Criteria, ct);
}
