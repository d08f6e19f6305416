namespace SchoolSight.Domain.Voice;

/// <summary>
/// One priority of the area's Children and Young People's Plan. The LA keeps the list; a school says which of them each
/// priority of its well-being self-evaluation serves.
/// </summary>
public sealed class PlanPriority : VersionedEntity
{
    public const int TitleMaxLength = 300;

    private PlanPriority() { Title = ""; }

    public PlanPriority(string title, string? source)
    {
        Title = "";
        Change(title, source, true);
    }

    public int Id { get; private set; }
    public string Title { get; private set; }

    /// <summary>Where the priority comes from, e.g. "Children and Young People's Plan 2025–2028, priority 2".</summary>
    public string? Source { get; private set; }

    /// <summary>Whether schools may still choose it; a priority no longer current stays on the self-evaluations that chose it.</summary>
    public bool IsCurrent { get; private set; }

    public void Change(string title, string? source, bool isCurrent)
    {
        Title = TextFields.Required(title, nameof(Title), "Enter the priority", TitleMaxLength);
        Source = TextFields.Optional(source, nameof(Source), "The source", TitleMaxLength);
        IsCurrent = isCurrent;
    }
}
