using SchoolSight.Domain.Access;
using SchoolSight.Domain.ImprovingOutcomes;

namespace SchoolSight.Domain.Categorisation;

/// <summary>
/// The kinds of concern the LA records about a school, each one of the statutory grounds for intervention
/// (Education and Inspections Act 2006 s.60, quoted in seed 004 5.2).
/// </summary>
public enum ConcernKind
{
    /// <summary>"The safety of pupils or staff at the school is threatened."</summary>
    Safeguarding,

    /// <summary>"Serious breakdown in the way the school is managed or governed which is prejudicing the standards of performance."</summary>
    ManagementOrGovernance,
}

public static class ConcernKinds
{
    public static readonly IReadOnlyList<ConcernKind> All = Enum.GetValues<ConcernKind>();

    public static string Describe(this ConcernKind kind) => kind switch
    {
        ConcernKind.Safeguarding => "Safeguarding: the safety of pupils or staff",
        ConcernKind.ManagementOrGovernance => "Management or governance",
    };

    /// <summary>The name used in rule set files and the API.</summary>
    public static string Slug(this ConcernKind kind) => kind switch
    {
        ConcernKind.Safeguarding => "safeguarding",
        ConcernKind.ManagementOrGovernance => "management-or-governance",
    };

    public static bool TryParse(string? text, out ConcernKind kind)
    {
        kind = default;
        var value = (text ?? "").Trim();
        foreach (var candidate in All)
            if (string.Equals(candidate.Slug(), value, StringComparison.OrdinalIgnoreCase) || string.Equals(candidate.ToString(), value, StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        return false;
    }
}

/// <summary>
/// A concern about a school recorded by LA staff (safeguarding, or management and governance), open until closed with
/// a reason. Open concerns are evidence for the categorisation rules.
/// </summary>
public sealed class SchoolConcern : VersionedEntity, ISchoolOwned
{
    public static Resource Resource => Resource.Concern;

    private SchoolConcern() { Summary = ""; RaisedBy = ""; }

    public SchoolConcern(int urn, ConcernKind kind, DateOnly raisedOn, string summary, string raisedBy)
    {
        Urn = urn;
        Kind = kind;
        RaisedOn = raisedOn;
        Summary = TextFields.Required(summary, nameof(Summary), "Describe the concern");
        RaisedBy = raisedBy;
    }

    public int Id { get; private set; }
    public int Urn { get; private set; }
    public ConcernKind Kind { get; private set; }
    public DateOnly RaisedOn { get; private set; }
    public string Summary { get; private set; }
    public string RaisedBy { get; private set; }
    public DateOnly? ClosedOn { get; private set; }
    public string? ClosedReason { get; private set; }
    public string? ClosedBy { get; private set; }

    public bool IsOpen => ClosedOn is null;

    public void Close(DateOnly closedOn, string reason, string closedBy)
    {
        if (!IsOpen) throw new DomainException(DomainError.Rule("concern.closed", "This concern is already closed."));
        if (closedOn < RaisedOn) throw new DomainException(new DomainError("concern.closedBeforeRaised", $"The concern cannot close before it was raised on {RaisedOn:d MMMM yyyy}.", nameof(ClosedOn)));
        ClosedReason = TextFields.Required(reason, nameof(ClosedReason), "Give the reason the concern is closed");
        ClosedOn = closedOn;
        ClosedBy = closedBy;
    }
}
