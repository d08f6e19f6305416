namespace SchoolSight.Core.Retention;

/// <summary>
/// How long pupil-level data is kept (configuration section <c>Retention</c>). Pupil-level and survey blocks of
/// academic years before the current one minus <see cref="PupilDataYears"/> are removed by the retention job; the
/// indicators computed from them stay.
/// </summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>The default: the current academic year and the four before it.</summary>
    public const int DefaultPupilDataYears = 4;

    /// <summary>
    /// How many academic years of pupil-level data are kept before the current one. The default, 4, keeps the three
    /// complete years the three-year trends of the latest results are computed from, the year in progress, and one
    /// year more, so that last year's trend (as boards saw it) can be recomputed and a late or corrected file for the
    /// oldest trend year can still be imported.
    /// </summary>
    public int PupilDataYears { get; set; } = DefaultPupilDataYears;

    /// <summary>Whether the web app runs the retention job (on by default).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the web app runs the retention job.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How long after start-up the first run waits (the database is migrated first).</summary>
    public TimeSpan FirstRunAfter { get; set; } = TimeSpan.FromMinutes(5);
}
