using System.Globalization;
using SchoolSight.Core.Register;

namespace SchoolSight.Web;

/// <summary>Dates and numbers as GOV.UK pages write them ("23 November 2026"), in UK time.</summary>
public static class DisplayFormats
{
    private static readonly CultureInfo UkCulture = CultureInfo.GetCultureInfo("en-GB");
    private static readonly TimeZoneInfo UkTime = FindUkTime();

    public static string LongDate(DateOnly date) => date.ToString("d MMMM yyyy", UkCulture);

    public static string LongDate(DateOnly? date) => date is { } d ? LongDate(d) : "Not recorded";

    /// <summary>"23 November 2026 at 2:05pm" for a stored UTC time.</summary>
    public static string LongDateTime(DateTime utc)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), UkTime);
        return $"{local.ToString("d MMMM yyyy", UkCulture)} at {local.ToString("h:mmtt", UkCulture).ToLowerInvariant()}";
    }

    /// <summary>"Last changed by Alex Admin on 23 November 2026 at 2:05pm".</summary>
    public static string Describe(LastChange change)
    {
        var who = change.DisplayName ?? change.UserName;
        var when = change.At is { } at ? $" on {LongDateTime(at)}" : "";
        return who is null ? "Not changed since it was added" : $"Last changed by {who}{when}";
    }

    public static string Count(int? value) => value is { } v ? v.ToString("N0", UkCulture) : "Not recorded";

    private static TimeZoneInfo FindUkTime()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
