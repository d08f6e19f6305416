namespace SchoolSight.Domain.ImprovingOutcomes;

/// <summary>Checks for free-text fields: required ones are trimmed and limited; optional blanks become null.</summary>
internal static class Text
{
    public static string Required(string? value, string field, string message, int max = 4000)
    {
        if (string.IsNullOrWhiteSpace(value)) throw new DomainException(ProgrammeErrors.Required(field, message));
        var trimmed = value.Trim();
        if (trimmed.Length > max) throw new DomainException(ProgrammeErrors.TooLong(field, message.Replace("Enter ", "", StringComparison.Ordinal), max));
        return trimmed;
    }

    public static string? Optional(string? value, string field, string what, int max = 4000)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var trimmed = value.Trim();
        if (trimmed.Length > max) throw new DomainException(ProgrammeErrors.TooLong(field, what, max));
        return trimmed;
    }

    public static DateOnly NotFuture(DateOnly? value, DateOnly today, string field, string what, string missing)
    {
        if (value is not { } day) throw new DomainException(ProgrammeErrors.Required(field, missing));
        if (day > today) throw new DomainException(ProgrammeErrors.InFuture(field, what));
        return day;
    }
}
