namespace SchoolSight.Domain.HealthySchools;

/// <summary>The refusals of the enhancement model, written for the person who caused them.</summary>
public static class HealthySchoolsErrors
{
    public static DomainError Required(string field, string message) => new("healthy.required", message, field);

    public static DomainError TooLong(string field, string what, int max) => new("healthy.too-long", $"{what} must be {max} characters or fewer", field);

    public static DomainError WrongStage(string doing, EnhancementStage stage) =>
        DomainError.Rule("healthy.stage", $"You cannot {doing} while the school is at {stage.Title().ToLowerInvariant().Replace("quas", "QUAS", StringComparison.Ordinal)}.");

    public static DomainError NotFound(string what) => DomainError.NotFound("healthy.not-found", $"The {what} could not be found.");

    internal static string Required(string? value, string field, string message, int max = 4000)
    {
        if (string.IsNullOrWhiteSpace(value)) throw new DomainException(Required(field, message));
        var trimmed = value.Trim();
        if (trimmed.Length > max) throw new DomainException(TooLong(field, message.Replace("Enter ", "", StringComparison.Ordinal), max));
        return trimmed;
    }

    internal static string? Optional(string? value, string field, string what, int max = 4000)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var trimmed = value.Trim();
        if (trimmed.Length > max) throw new DomainException(TooLong(field, what, max));
        return trimmed;
    }
}
