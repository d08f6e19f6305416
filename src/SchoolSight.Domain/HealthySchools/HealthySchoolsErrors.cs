namespace SchoolSight.Domain.HealthySchools;

/// <summary>The refusals of the enhancement model, written for the person who caused them.</summary>
public static class HealthySchoolsErrors
{
    public static DomainError Required(string field, string message) => new("healthy.required", message, field);

    public static DomainError WrongStage(string doing, EnhancementStage stage) =>
        DomainError.Rule("healthy.stage", $"You cannot {doing} while the school is at {stage.Title().ToLowerInvariant().Replace("quas", "QUAS", StringComparison.Ordinal)}.");

    public static DomainError NotFound(string what) => DomainError.NotFound("healthy.not-found", $"The {what} could not be found.");
}
