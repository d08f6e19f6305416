using SchoolSight.Domain.Indicators;

namespace SchoolSight.Domain.Voice;

/// <summary>The refusals of the well-being self-evaluation, written for the person who caused them.</summary>
public static class WellbeingErrors
{
    public static DomainError NotFound(string what) => DomainError.NotFound("wellbeing.not-found", $"The {what} could not be found.");

    public static DomainError NotDraft(EcmOutcome outcome) =>
        DomainError.Rule("wellbeing.completed", $"The self-evaluation of \"{outcome.DisplayName()}\" is completed: reopen it to change it.");

    internal static string Required(string? value, string field, string message, int max = 4000)
    {
        if (string.IsNullOrWhiteSpace(value)) throw new DomainException(new DomainError("wellbeing.required", message, field));
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

    private static DomainError TooLong(string field, string what, int max) =>
        new("wellbeing.too-long", $"{char.ToUpperInvariant(what[0])}{what[1..]} must be {max:N0} characters or fewer", field);
}
