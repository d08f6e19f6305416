namespace SchoolSight.Domain.Categorisation;

public enum RuleSetStatus
{
    /// <summary>Uploaded and valid, for what-if previews; proposals do not use it.</summary>
    Draft,

    /// <summary>The rule set proposals come from. Exactly one is adopted at a time.</summary>
    Adopted,

    /// <summary>Adopted once, replaced since.</summary>
    Retired,
}

/// <summary>
/// One version of the LA's levels of support and intervention criteria: the file as uploaded (YAML), kept whole so a
/// decision can always be traced to the exact rules it came from. The version label comes from the file and is unique.
/// </summary>
public sealed class RuleSetVersion
{
    private RuleSetVersion() { Version = ""; Name = ""; Content = ""; UploadedBy = ""; }

    public RuleSetVersion(string version, string name, string content, string uploadedBy, DateTime uploadedAt)
    {
        Version = version;
        Name = name;
        Content = content;
        UploadedBy = uploadedBy;
        UploadedAt = uploadedAt;
        Status = RuleSetStatus.Draft;
    }

    public long Id { get; private set; }
    public string Version { get; private set; }
    public string Name { get; private set; }
    public string Content { get; private set; }
    public string UploadedBy { get; private set; }
    public DateTime UploadedAt { get; private set; }
    public RuleSetStatus Status { get; private set; }
    public string? AdoptedBy { get; private set; }
    public DateTime? AdoptedAt { get; private set; }
    public string? AdoptionReason { get; private set; }

    public void Adopt(string by, DateTime at, string? reason)
    {
        if (Status == RuleSetStatus.Adopted) throw new DomainException(DomainError.Rule("ruleset.adopted", $"Version {Version} is already the adopted rule set."));
        Status = RuleSetStatus.Adopted;
        AdoptedBy = by;
        AdoptedAt = at;
        AdoptionReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
    }

    public void Retire()
    {
        if (Status == RuleSetStatus.Adopted) Status = RuleSetStatus.Retired;
    }
}
