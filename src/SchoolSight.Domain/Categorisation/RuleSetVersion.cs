using SchoolSight.Domain.Workflows;

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

    /// <summary>Adopts these criteria (<see cref="CategorisationSteps.RuleSetAdoption"/>), keeping who adopted them, when and why.</summary>
    public void Adopt(MoveContext context)
    {
        var decision = CategorisationSteps.RuleSetAdoption.Fire(this, RuleSetMove.Adopt, context, s => Status = s)!;
        AdoptedBy = decision.By;
        AdoptedAt = decision.At;
        AdoptionReason = decision.Reason;
    }

    /// <summary>Retires these criteria when they are the adopted ones; any other rule set is left as it is.</summary>
    public void Retire(MoveContext context)
    {
        if (Status == RuleSetStatus.Adopted) CategorisationSteps.RuleSetAdoption.Fire(this, RuleSetMove.Retire, context, s => Status = s);
    }
}
