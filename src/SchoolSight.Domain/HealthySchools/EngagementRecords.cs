using SchoolSight.Domain.Access;
using SchoolSight.Domain.Indicators;

namespace SchoolSight.Domain.HealthySchools;

/// <summary>Whom a member of the health and well-being development group represents.</summary>
public enum GroupRepresentation
{
    Staff,
    Pupils,
    Parents,
    Governors,
    Partner,
    Other,
}

public enum PriorityKind
{
    /// <summary>One of the LA's local priorities.</summary>
    Local,

    /// <summary>The school's own priority.</summary>
    School,
}

public enum OutcomeKind
{
    Quantitative,
    Perception,
    Targeted,
}

public enum SuccessIndicatorKind
{
    Impact,
    Process,
}

public enum ActivityReach
{
    Universal,
    Targeted,
}

public static class HealthySchoolsVocabulary
{
    public static string Describe(this GroupRepresentation r) => r switch
    {
        GroupRepresentation.Staff => "Staff",
        GroupRepresentation.Pupils => "Pupils",
        GroupRepresentation.Parents => "Parents and carers",
        GroupRepresentation.Governors => "Governors",
        GroupRepresentation.Partner => "Partner",
        GroupRepresentation.Other => "Other",
    };

    public static string Describe(this PriorityKind k) => k switch
    {
        PriorityKind.Local => "Local priority",
        PriorityKind.School => "School priority",
    };

    public static string Describe(this OutcomeKind k) => k switch
    {
        OutcomeKind.Quantitative => "Quantitative",
        OutcomeKind.Perception => "Qualitative (perception)",
        OutcomeKind.Targeted => "Targeted",
    };

    public static string Describe(this SuccessIndicatorKind k) => k switch
    {
        SuccessIndicatorKind.Impact => "Impact",
        SuccessIndicatorKind.Process => "Process",
    };

    public static string Describe(this ActivityReach r) => r switch
    {
        ActivityReach.Universal => "Universal",
        ActivityReach.Targeted => "Targeted",
    };
}

/// <summary>A member of the health and well-being development group (stage 1): who, their role in the group, whom they represent.</summary>
public sealed class GroupMember
{
    private GroupMember() { Name = ""; GroupRole = ""; }

    internal GroupMember(int number, string name, string groupRole, GroupRepresentation represents, int? partnerId)
    {
        Number = number;
        Name = TextFields.Required(name, nameof(Name), "Enter the member's name", 200);
        GroupRole = TextFields.Required(groupRole, nameof(GroupRole), "Enter the member's role in the group", 200);
        if (represents == GroupRepresentation.Partner && partnerId is null)
            throw new DomainException(HealthySchoolsErrors.Required("PartnerId", "Choose the partner from the register"));
        Represents = represents;
        PartnerId = represents == GroupRepresentation.Partner ? partnerId : null;
    }

    public int Number { get; private set; }
    public string Name { get; private set; }
    public string GroupRole { get; private set; }
    public GroupRepresentation Represents { get; private set; }

    /// <summary>The partner organisation from the register, for a member representing a partner.</summary>
    public int? PartnerId { get; private set; }
}

/// <summary>One of the school's two priorities (stage 3), each measured by an indicator.</summary>
public sealed class HealthPriority
{
    private HealthPriority() { Title = ""; IndicatorId = ""; }

    internal HealthPriority(int number, int cycle, PriorityKind kind, string title, string indicatorId, int? localPriorityId)
    {
        Number = number;
        Cycle = cycle;
        Kind = kind;
        Title = TextFields.Required(title, nameof(Title), "Enter the priority", 300);
        IndicatorId = TextFields.Required(indicatorId, nameof(IndicatorId), "Choose the indicator the priority is measured by", 100);
        if (kind == PriorityKind.Local && localPriorityId is null)
            throw new DomainException(HealthySchoolsErrors.Required("LocalPriorityId", "Choose the local priority from the LA's list"));
        LocalPriorityId = kind == PriorityKind.Local ? localPriorityId : null;
    }

    public int Number { get; private set; }
    public int Cycle { get; private set; }
    public PriorityKind Kind { get; private set; }
    public string Title { get; private set; }
    public string IndicatorId { get; private set; }
    public int? LocalPriorityId { get; private set; }

    /// <summary>
    /// The school's word that no service or partner is available to work with on this priority (what it looked for and
    /// could not find); null when it has not said so. The QUAS report gathers these as evidence for commissioning.
    /// </summary>
    public string? NoServiceAvailable { get; private set; }

    internal void ReportNoService(string? note) =>
        NoServiceAvailable = TextFields.Optional(note, nameof(NoServiceAvailable), "What the school looked for", 1000);
}

/// <summary>What a meaningful outcome stands at: being worked on, sent to the QUAS as met, or confirmed met by the QUAS.</summary>
public enum OutcomeState
{
    Open,
    SubmittedAsMet,
    Met,
}

/// <summary>
/// A meaningful outcome (stage 4): a firm number — baseline, target, by when — and how it will be evidenced. Tied to an
/// indicator (and pupil group), its baseline and current value come from the data and "met" is judged on the figure.
/// </summary>
public sealed class MeaningfulOutcome
{
    private MeaningfulOutcome() { Description = ""; EvidencedBy = ""; }

    internal MeaningfulOutcome(int number, int priorityNumber, OutcomeKind kind, string description, string? targetGroup,
        string? indicatorId, PupilGroup? pupilGroup, double? baseline, double target, DateOnly byWhen, string evidencedBy)
    {
        Number = number;
        PriorityNumber = priorityNumber;
        Kind = kind;
        Description = TextFields.Required(description, nameof(Description), "Describe the outcome", 1000);
        TargetGroup = TextFields.Optional(targetGroup, nameof(TargetGroup), "The named group", 200);
        if (kind == OutcomeKind.Targeted && TargetGroup is null && pupilGroup is null or SchoolSight.Domain.Indicators.PupilGroup.All)
            throw new DomainException(HealthySchoolsErrors.Required(nameof(TargetGroup), "Name the group a targeted outcome is for"));
        IndicatorId = TextFields.Optional(indicatorId, nameof(IndicatorId), "The indicator", 100);
        PupilGroup = IndicatorId is null ? null : pupilGroup ?? SchoolSight.Domain.Indicators.PupilGroup.All;
        Baseline = baseline;
        Target = target;
        ByWhen = byWhen;
        EvidencedBy = TextFields.Required(evidencedBy, nameof(EvidencedBy), "Say how the outcome will be evidenced", 1000);
    }

    public int Number { get; private set; }
    public int PriorityNumber { get; private set; }
    public OutcomeKind Kind { get; private set; }
    public string Description { get; private set; }
    public string? TargetGroup { get; private set; }
    public string? IndicatorId { get; private set; }
    public PupilGroup? PupilGroup { get; private set; }
    public double? Baseline { get; private set; }

    /// <summary>The academic year the baseline was taken from, when it came from the data.</summary>
    public int? BaselineYear { get; private set; }
    public double Target { get; private set; }
    public DateOnly ByWhen { get; private set; }
    public string EvidencedBy { get; private set; }
    public OutcomeState State { get; internal set; }

    /// <summary>The school's self-validation when it sent the outcome to the QUAS as met.</summary>
    public string? MetEvidence { get; private set; }
    public double? MetFigure { get; private set; }
    public DateTime? SubmittedAt { get; private set; }
    public DateOnly? ConfirmedOn { get; private set; }
    public string? ConfirmedBy { get; private set; }

    public bool IsTiedToIndicator => IndicatorId is not null;

    /// <summary>Higher figures are better when the target is above the baseline.</summary>
    public bool HigherIsBetter => Baseline is not { } b || Target >= b;

    /// <summary>Whether a figure reaches the target, in the direction the outcome sets.</summary>
    public bool Reaches(double figure) => HigherIsBetter ? figure >= Target : figure <= Target;

    internal void SetBaseline(double value, int? year)
    {
        Baseline = value;
        BaselineYear = year;
    }

    internal void SelfValidate(string evidence, double? figure, DateTime at)
    {
        MetEvidence = evidence;
        MetFigure = figure;
        SubmittedAt = at;
    }

    internal void Confirm(DateOnly on, string by)
    {
        ConfirmedOn = on;
        ConfirmedBy = by;
    }
}

/// <summary>
/// An early success indicator (stage 4): a milestone with a timescale, of impact or process, generic to all the
/// outcomes or tied to one; assessed at stage 7 as met or not, with its evidence and date. A change keeps the old version.
/// </summary>
public sealed class EarlySuccessIndicator
{
    private readonly List<SuccessIndicatorVersion> _earlier = [];

    private EarlySuccessIndicator() { Description = ""; }

    internal EarlySuccessIndicator(int number, string description, DateOnly timescale, SuccessIndicatorKind kind, int? outcomeNumber)
    {
        Number = number;
        Description = TextFields.Required(description, nameof(Description), "Describe the early success indicator", 1000);
        Timescale = timescale;
        Kind = kind;
        OutcomeNumber = outcomeNumber;
    }

    public int Number { get; private set; }
    public string Description { get; private set; }
    public DateOnly Timescale { get; private set; }
    public SuccessIndicatorKind Kind { get; private set; }

    /// <summary>The outcome it is specific to; null when it is generic to all the outcomes.</summary>
    public int? OutcomeNumber { get; private set; }
    public bool? IsMet { get; private set; }
    public string? ResultEvidence { get; private set; }
    public DateOnly? AssessedOn { get; private set; }
    public IReadOnlyList<SuccessIndicatorVersion> Earlier => _earlier;

    internal void Assess(bool met, string evidence, DateOnly on)
    {
        IsMet = met;
        ResultEvidence = TextFields.Required(evidence, nameof(ResultEvidence), "Give the evidence", 2000);
        AssessedOn = on;
    }

    internal void Change(string description, DateOnly timescale, string reason, string by, DateOnly on)
    {
        var why = TextFields.Required(reason, "Reason", "Say why the early success indicator changes", 1000);
        var next = TextFields.Required(description, nameof(Description), "Describe the early success indicator", 1000);
        _earlier.Add(new SuccessIndicatorVersion(Description, Timescale, on, by, why));
        Description = next;
        Timescale = timescale;
        IsMet = null;
        ResultEvidence = null;
        AssessedOn = null;
    }
}

/// <summary>An earlier version of an early success indicator, kept when it was changed.</summary>
public sealed class SuccessIndicatorVersion
{
    private SuccessIndicatorVersion() { Description = ""; ChangedBy = ""; Reason = ""; }

    internal SuccessIndicatorVersion(string description, DateOnly timescale, DateOnly changedOn, string changedBy, string reason)
    {
        Description = description;
        Timescale = timescale;
        ChangedOn = changedOn;
        ChangedBy = changedBy;
        Reason = reason;
    }

    public string Description { get; private set; }
    public DateOnly Timescale { get; private set; }
    public DateOnly ChangedOn { get; private set; }
    public string ChangedBy { get; private set; }
    public string Reason { get; private set; }
}

/// <summary>An activity or intervention (stage 5): universal or targeted, with the partner who delivers it.</summary>
public sealed class HealthActivity
{
    private HealthActivity() { Description = ""; }

    internal HealthActivity(int number, string description, ActivityReach reach, string? targetGroup, int? partnerId)
    {
        Number = number;
        Description = TextFields.Required(description, nameof(Description), "Describe the activity", 1000);
        Reach = reach;
        TargetGroup = TextFields.Optional(targetGroup, nameof(TargetGroup), "The group", 200);
        if (reach == ActivityReach.Targeted && TargetGroup is null)
            throw new DomainException(HealthySchoolsErrors.Required(nameof(TargetGroup), "Name the group a targeted activity is for"));
        PartnerId = partnerId;
    }

    public int Number { get; private set; }
    public string Description { get; private set; }
    public ActivityReach Reach { get; private set; }
    public string? TargetGroup { get; private set; }
    public int? PartnerId { get; private set; }
}

public enum QuasEntryKind
{
    Submitted,
    Approved,
    AskedForClarification,
    Answered,
}

/// <summary>One entry of the exchange between the school and the QUAS: what was sent, decided, asked and answered, by whom and when.</summary>
public sealed class QuasEntry
{
    private QuasEntry() { About = ""; By = ""; }

    internal QuasEntry(QuasEntryKind kind, string about, string by, Role role, DateTime at, string? text)
    {
        Kind = kind;
        About = about;
        By = by;
        Role = role;
        At = at;
        Text = text;
    }

    public QuasEntryKind Kind { get; private set; }

    /// <summary>What the entry is about: "the stage 4 form", or an outcome ("outcome 3").</summary>
    public string About { get; private set; }
    public string By { get; private set; }
    public Role Role { get; private set; }
    public DateTime At { get; private set; }
    public string? Text { get; private set; }
}
