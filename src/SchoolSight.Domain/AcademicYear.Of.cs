namespace SchoolSight.Domain;

public static partial class AcademicYear
{
    /// <summary>The academic year (as the year it starts) that <paramref name="day"/> falls in: each starts on 1 September.</summary>
    public static int Of(DateOnly day) => day.Month >= 9 ? day.Year : day.Year - 1;
}
