using SchoolSight.Domain.Calendar;

namespace SchoolSight.Domain.Sip;

/// <summary>The seven features of a good SIP report.</summary>
public enum ReportFeature
{
    Timely,
    AccurateAndEvidenced,
    IssuesForActionWithTimescale,
    EvidenceOfChallenge,
    AgendaForAction,
    ClearFormat,
    FeedsRiskRegister,
}

/// <summary>Who settles whether a report has a feature: SchoolSight from the record, or a reviewer.</summary>
public enum FeatureSettledBy
{
    Record,
    Reviewer,
}

public static class ReportFeatures
{
    public static readonly IReadOnlyList<ReportFeature> All = Enum.GetValues<ReportFeature>();

    /// <summary>The working days (school days on the LA's term calendar) within which a report is timely, unless the LA sets another number.</summary>
    public const int DefaultDueWithinWorkingDays = 10;

    public static FeatureSettledBy SettledBy(this ReportFeature feature) => feature switch
    {
        ReportFeature.AccurateAndEvidenced or ReportFeature.EvidenceOfChallenge => FeatureSettledBy.Reviewer,
        ReportFeature.Timely or ReportFeature.IssuesForActionWithTimescale or ReportFeature.AgendaForAction
            or ReportFeature.ClearFormat or ReportFeature.FeedsRiskRegister => FeatureSettledBy.Record,
    };

    public static string Describe(this ReportFeature feature) => feature switch
    {
        ReportFeature.Timely => "Timely",
        ReportFeature.AccurateAndEvidenced => "Accurate and supported by evidence",
        ReportFeature.IssuesForActionWithTimescale => "Identifies the issues for action and a timescale",
        ReportFeature.EvidenceOfChallenge => "Gives evidence of the challenge provided",
        ReportFeature.AgendaForAction => "A clear agenda for action",
        ReportFeature.ClearFormat => "A clear format: targets, strengths and priorities recorded",
        ReportFeature.FeedsRiskRegister => "Feeds the LA's information system and risk register (judgements recorded)",
    };

    public static string Slug(this ReportFeature feature) => feature switch
    {
        ReportFeature.Timely => "timely",
        ReportFeature.AccurateAndEvidenced => "accurate-and-evidenced",
        ReportFeature.IssuesForActionWithTimescale => "issues-for-action",
        ReportFeature.EvidenceOfChallenge => "evidence-of-challenge",
        ReportFeature.AgendaForAction => "agenda-for-action",
        ReportFeature.ClearFormat => "clear-format",
        ReportFeature.FeedsRiskRegister => "feeds-risk-register",
    };

    /// <summary>
    /// The last day a report of a visit on <paramref name="visitedOn"/> is timely: the <paramref name="workingDays"/>th
    /// school day after the visit on the LA's term calendar. Beyond the calendar every weekday counts as a working day.
    /// </summary>
    public static DateOnly DueBy(DateOnly visitedOn, int workingDays, TermCalendar calendar)
    {
        var day = visitedOn;
        for (var counted = 0; counted < workingDays;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day, calendar)) counted++;
        }
        return day;
    }

    /// <summary>Whether a report issued on <paramref name="issuedOn"/> of a visit on <paramref name="visitedOn"/> is timely.</summary>
    public static bool IsTimely(DateOnly visitedOn, DateOnly issuedOn, int workingDays, TermCalendar calendar) =>
        issuedOn <= DueBy(visitedOn, workingDays, calendar);

    private static bool IsWorkingDay(DateOnly day, TermCalendar calendar) =>
        calendar.Covers(day) ? calendar.IsSchoolDay(day) : day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>How many of the seven features a judged report is missing: 0, "1–2" or "3+" as the quality standard counts them.</summary>
    public static MissingFeatures Band(int missing) => missing switch
    {
        0 => MissingFeatures.None,
        1 or 2 => MissingFeatures.OneOrTwo,
        _ => MissingFeatures.ThreeOrMore,
    };
}

/// <summary>How many of the seven features a report lacks, in the bands the LA's quality standard uses.</summary>
public enum MissingFeatures
{
    None,
    OneOrTwo,
    ThreeOrMore,
}
