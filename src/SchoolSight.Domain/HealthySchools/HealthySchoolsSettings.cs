namespace SchoolSight.Domain.HealthySchools;

/// <summary>
/// What the LA decides about its Healthy Schools status and the work around it (configuration section
/// <c>HealthySchools</c>). The defaults follow the handbook: the status was the national one, the joining pathways turn
/// on 1 January 2009 and 1 January 2010, and a school that qualifies may join within a year of achieving the status.
/// </summary>
public sealed record HealthySchoolsSettings
{
    public const string Section = "HealthySchools";

    /// <summary>What the LA calls its status or award, e.g. "Healthy Schools London bronze award".</summary>
    public string StatusName { get; init; } = "Healthy School status";

    /// <summary>Years the status lasts from the day it was achieved (or last renewed) before it lapses.</summary>
    public int RenewalYears { get; init; } = 3;

    /// <summary>Status achieved before this day: the school joins after completing its annual review.</summary>
    public DateOnly TransitionFrom { get; init; } = new(2009, 1, 1);

    /// <summary>Status achieved from this day joins directly within <see cref="JoinWithinMonths"/> and keeps its annual review every year.</summary>
    public DateOnly DirectFrom { get; init; } = new(2010, 1, 1);

    /// <summary>How long after achieving the status a school may join without an annual review.</summary>
    public int JoinWithinMonths { get; init; } = 12;

    /// <summary>The share of each year's self-validated annual reviews the QUAS moderates (at least 10%).</summary>
    public double ModerationShare { get; init; } = 0.10;

    /// <summary>An annual review is due by this day of the academic year's second calendar year (month and day).</summary>
    public int ReviewDueMonth { get; init; } = 7;
    public int ReviewDueDay { get; init; } = 1;

    /// <summary>Reminders: the annual review due within this many days; a QUAS decision waiting longer than this many days; the status about to lapse within this many days.</summary>
    public int ReviewReminderDays { get; init; } = 30;
    public int QuasWaitingDays { get; init; } = 14;
    public int LapseWarningDays { get; init; } = 30;

    /// <summary>The LA's own annual review criteria file; empty for the one SchoolSight ships.</summary>
    public string? CriteriaFile { get; init; }

    /// <summary>The problems of a configuration, each written for the administrator who set it.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(StatusName) || StatusName.Length > 120) problems.Add("HealthySchools:StatusName must be given, in 120 characters or fewer.");
        if (RenewalYears is < 1 or > 10) problems.Add($"HealthySchools:RenewalYears is {RenewalYears}: give 1 to 10 years.");
        if (TransitionFrom >= DirectFrom) problems.Add("HealthySchools:TransitionFrom must come before HealthySchools:DirectFrom.");
        if (JoinWithinMonths is < 1 or > 60) problems.Add($"HealthySchools:JoinWithinMonths is {JoinWithinMonths}: give 1 to 60 months.");
        if (ModerationShare is < 0.10 or > 1 || double.IsNaN(ModerationShare)) problems.Add($"HealthySchools:ModerationShare is {ModerationShare}: give a share from 0.10 to 1.");
        if (ReviewDueMonth is < 1 or > 12 || ReviewDueDay < 1 || ReviewDueDay > DateTime.DaysInMonth(2001, ReviewDueMonth is >= 1 and <= 12 ? ReviewDueMonth : 1))
            problems.Add("HealthySchools:ReviewDueMonth and ReviewDueDay must be a day of the year.");
        if (ReviewReminderDays < 1) problems.Add("HealthySchools:ReviewReminderDays must be at least 1.");
        if (QuasWaitingDays < 1) problems.Add("HealthySchools:QuasWaitingDays must be at least 1.");
        if (LapseWarningDays < 1) problems.Add("HealthySchools:LapseWarningDays must be at least 1.");
        return problems;
    }

    /// <summary>The day a year's annual review is due (the year is the academic year's start).</summary>
    public DateOnly ReviewDueOn(int year) => new(year + 1, ReviewDueMonth, ReviewDueDay);
}
