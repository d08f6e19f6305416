using Microsoft.AspNetCore.Mvc.Rendering;
using SchoolSight.Domain.ImprovingOutcomes;

namespace SchoolSight.Web.Pages.Programme;

/// <summary>How the programme's values show on pages: GOV.UK tags for states and deadlines, choices for selects, money.</summary>
public static class ProgrammeDisplay
{
    private static readonly System.Globalization.CultureInfo Uk = System.Globalization.CultureInfo.GetCultureInfo("en-GB");

    public static string Money(decimal? value) => value is { } v ? v.ToString("C", Uk) : "Not agreed";

    public static (string Text, string Class) Tag(DeadlineStatus status) => status switch
    {
        DeadlineStatus.Due => ("Due", "govuk-tag--blue"),
        DeadlineStatus.Overdue => ("Overdue", "govuk-tag--red"),
        DeadlineStatus.Met => ("Met", "govuk-tag--green"),
        DeadlineStatus.MetLate => ("Met late", "govuk-tag--orange"),
        DeadlineStatus.Missed => ("Missed", "govuk-tag--red"),
    };

    public static string TagClass(CaseState state) => state switch
    {
        CaseState.Proposed => "govuk-tag--purple",
        CaseState.EntryAgreed or CaseState.BaselineRecorded => "govuk-tag--light-blue",
        CaseState.Active => "govuk-tag--blue",
        CaseState.ExitAgreed or CaseState.PostExitMonitoring => "govuk-tag--turquoise",
        CaseState.Closed => "govuk-tag--grey",
    };

    public static string TagClass(ActionStatus status) => status switch
    {
        ActionStatus.NotStarted => "govuk-tag--grey",
        ActionStatus.OnTrack => "govuk-tag--blue",
        ActionStatus.AtRisk => "govuk-tag--yellow",
        ActionStatus.OffTrack => "govuk-tag--red",
        ActionStatus.Completed => "govuk-tag--green",
    };

    public static IEnumerable<SelectListItem> Choices<T>(Func<T, string> describe, string? blank = "Choose") where T : struct, Enum
    {
        if (blank is not null) yield return new SelectListItem(blank, "");
        foreach (var value in Enum.GetValues<T>()) yield return new SelectListItem(describe(value), value.ToString());
    }

    public static string Date(DateOnly? day) => DisplayFormats.LongDate(day);
}
