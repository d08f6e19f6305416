using System.Globalization;

namespace SchoolSight.Domain.HealthySchools;

/// <summary>How a school may join the enhancement model, by when it achieved its status.</summary>
public enum JoiningPathway
{
    /// <summary>Achieved before the transition: joins after completing its annual review.</summary>
    BeforeTransition,

    /// <summary>Achieved during the transition year: joins within a year of achieving, otherwise after an annual review.</summary>
    Transition,

    /// <summary>Achieved since: joins directly within a year of achieving, and keeps its annual review every year.</summary>
    Direct,
}

/// <summary>Which pathway applied, whether the school may join today, and why, in words for the page.</summary>
public sealed record JoiningDecision(JoiningPathway? Pathway, string PathwayTitle, bool MayJoin, string Reason);

/// <summary>
/// The joining pathways of the handbook as rules whose dates are the LA's (<see cref="HealthySchoolsSettings"/>): a
/// school joins only with a current status; when it achieved it decides whether it may join at once or only once its
/// annual review for this academic year is self-validated.
/// </summary>
public static class JoiningPathways
{
    public static JoiningDecision Decide(HealthySchoolStatus? status, DateOnly today, bool reviewedThisYear, HealthySchoolsSettings settings)
    {
        var name = settings.StatusName;
        if (status is null)
            return new(null, "No pathway yet", false, $"The school may not join yet: it does not hold the {name}. The coordinator records the day it was achieved.");
        if (!status.IsCurrent(today, settings.RenewalYears))
            return new(null, "No pathway: the status has lapsed", false,
                $"The school may not join: its {name} lapsed on {Day(status.LapsesOn(settings.RenewalYears))}. It joins again once the status is renewed.");

        var achieved = status.AchievedOn;
        var pathway = achieved < settings.TransitionFrom ? JoiningPathway.BeforeTransition
            : achieved < settings.DirectFrom ? JoiningPathway.Transition : JoiningPathway.Direct;
        var title = Title(pathway, settings);
        var window = achieved.AddMonths(settings.JoinWithinMonths);
        var withinWindow = today < window;
        var review = reviewedThisYear ? "its annual review for this academic year is self-validated" : "it has not yet self-validated its annual review for this academic year";
        return pathway switch
        {
            JoiningPathway.BeforeTransition => new(pathway, title, reviewedThisYear,
                $"{name} achieved on {Day(achieved)}, before {Day(settings.TransitionFrom)}: the school joins after completing its annual review, and {review}."),
            _ when withinWindow => new(pathway, title, true,
                $"{name} achieved on {Day(achieved)}: the school may join {(pathway == JoiningPathway.Direct ? "directly " : "")}until {Day(window.AddDays(-1))}, within {Months(settings)} of achieving it{(pathway == JoiningPathway.Direct ? ", and keeps doing the annual review every year" : "")}."),
            _ => new(pathway, title, reviewedThisYear,
                $"{name} achieved on {Day(achieved)}: the {(settings.JoinWithinMonths == 12 ? "year" : Months(settings))} to join without a review ended on {Day(window.AddDays(-1))}, so the school joins after its annual review, and {review}."),
        };
    }

    public static string Title(JoiningPathway pathway, HealthySchoolsSettings settings) => pathway switch
    {
        JoiningPathway.BeforeTransition => $"Achieved before {Day(settings.TransitionFrom)}",
        JoiningPathway.Transition => $"Achieved from {Day(settings.TransitionFrom)} to {Day(settings.DirectFrom.AddDays(-1))}",
        JoiningPathway.Direct => $"Achieved from {Day(settings.DirectFrom)}",
    };

    private static string Months(HealthySchoolsSettings s) => s.JoinWithinMonths % 12 == 0
        ? (s.JoinWithinMonths == 12 ? "a year" : $"{s.JoinWithinMonths / 12} years")
        : $"{s.JoinWithinMonths} months";

    internal static string Day(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
