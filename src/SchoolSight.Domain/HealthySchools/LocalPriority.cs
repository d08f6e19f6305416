namespace SchoolSight.Domain.HealthySchools;

/// <summary>
/// One of the LA's local priorities for Healthy Schools, drawn from its Joint Strategic Needs Assessment and the
/// Public Health Outcomes Framework, with the indicator it is measured by. The coordinator keeps the list.
/// </summary>
public sealed class LocalPriority : VersionedEntity
{
    private LocalPriority() { Title = ""; IndicatorId = ""; }

    public LocalPriority(string title, string indicatorId, string? source)
    {
        Title = "";
        IndicatorId = "";
        Change(title, indicatorId, source, true);
    }

    public int Id { get; private set; }
    public string Title { get; private set; }
    public string IndicatorId { get; private set; }

    /// <summary>Where the priority comes from, e.g. "JSNA 2025: childhood obesity".</summary>
    public string? Source { get; private set; }
    public bool IsCurrent { get; private set; }

    public void Change(string title, string indicatorId, string? source, bool isCurrent)
    {
        Title = TextFields.Required(title, nameof(Title), "Enter the priority", 300);
        IndicatorId = TextFields.Required(indicatorId, nameof(IndicatorId), "Choose the indicator the priority is measured by", 100);
        Source = TextFields.Optional(source, nameof(Source), "The source", 300);
        IsCurrent = isCurrent;
    }
}
