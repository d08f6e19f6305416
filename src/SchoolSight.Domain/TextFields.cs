namespace SchoolSight.Domain;

/// <summary>
/// The one check for free-text fields, used by every process: a required field is trimmed and refused when blank,
/// an optional blank becomes null, and both are limited in length, each refusal naming the field for the error summary.
/// </summary>
public static class TextFields
{
    /// <summary>The trimmed text, or a refusal with <paramref name="message"/> ("Enter …") when it is blank or one saying it is too long.</summary>
    public static string Required(string? value, string field, string message, int max = 4000)
    {
        if (string.IsNullOrWhiteSpace(value)) throw new DomainException(new DomainError("text.required", message, field));
        return Limit(value.Trim(), field, message.Replace("Enter ", "", StringComparison.Ordinal), max);
    }

    /// <summary>The trimmed text, null when blank, or a refusal saying <paramref name="what"/> is too long.</summary>
    public static string? Optional(string? value, string field, string what, int max = 4000) =>
        string.IsNullOrWhiteSpace(value) ? null : Limit(value.Trim(), field, what, max);

    /// <summary>The refusal of a text longer than <paramref name="max"/> characters.</summary>
    public static DomainError TooLong(string field, string what, int max) =>
        new("text.too-long", $"{char.ToUpperInvariant(what[0])}{what[1..]} must be {max:N0} characters or fewer", field);

    private static string Limit(string value, string field, string what, int max) =>
        value.Length > max ? throw new DomainException(TooLong(field, what, max)) : value;
}
