namespace SchoolSight.Domain.Indicators;

/// <summary>
/// Academic years for which the DfE did not publish an indicator, and why: from <see cref="From"/> to <see cref="To"/>
/// (both included; null for an open start or end, as for a measure the DfE stopped or has not yet begun).
/// </summary>
public sealed record PublicationGap(int? From, int? To, string Because)
{
    public bool Covers(int academicYear) => (From is not { } from || academicYear >= from) && (To is not { } to || academicYear <= to);

    /// <summary>"2019/20 to 2020/21", "2019/20 onwards" or "up to 2014/15".</summary>
    public string Years => (From, To) switch
    {
        ({ } f, { } t) when f == t => AcademicYears.Display(f),
        ({ } f, { } t) => $"{AcademicYears.Display(f)} to {AcademicYears.Display(t)}",
        ({ } f, null) => $"{AcademicYears.Display(f)} onwards",
        (null, { } t) => $"up to {AcademicYears.Display(t)}",
        (null, null) => "every year",
    };
}
