namespace SchoolSight.Domain.ImprovingOutcomes;

/// <summary>The programme's check for dates that may not be in the future (free text goes through <see cref="TextFields"/>).</summary>
internal static class Text
{
    public static DateOnly NotFuture(DateOnly? value, DateOnly today, string field, string what, string missing)
    {
        if (value is not { } day) throw new DomainException(ProgrammeErrors.Required(field, missing));
        if (day > today) throw new DomainException(ProgrammeErrors.InFuture(field, what));
        return day;
    }
}
