namespace SchoolSight.Core.Demo.Synthetic;

/// <summary>
/// Days on which Ofsted could have inspected a school, for made-up inspection dates: a weekday in term time, not in
/// August or over Christmas, and not while routine inspections were suspended (from 17 March 2020 until graded
/// inspections resumed in September 2021).
/// </summary>
public static class InspectionDates
{
    public static readonly DateOnly SuspendedFrom = new(2020, 3, 17);
    public static readonly DateOnly ResumedOn = new(2021, 9, 1);

    public static bool CouldInspectOn(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
        && day.Month != 8
        && !(day.Month == 12 && day.Day > 19) && !(day.Month == 1 && day.Day < 4)
        && (day < SuspendedFrom || day >= ResumedOn);

    /// <summary>The first day on or after <paramref name="day"/> on which Ofsted could have inspected.</summary>
    public static DateOnly OnOrAfter(DateOnly day)
    {
        while (!CouldInspectOn(day)) day = day.AddDays(1);
        return day;
    }
}
