using SchoolSight.Domain.Access;
using SchoolSight.Domain.Workflows;

namespace SchoolSight.Domain.ImprovingOutcomes;

/// <summary>One move of the case through its lifecycle, kept for ever: the case's decision log.</summary>
public sealed class CaseDecision
{
    private CaseDecision() { By = ""; }

    internal CaseDecision(CaseMoveName move, CaseState from, CaseState to, Decision decision)
    {
        Move = move;
        From = from;
        To = to;
        By = decision.By;
        ByRole = decision.Role;
        At = decision.At;
        Reason = decision.Reason;
    }

    public int Id { get; private set; }
    public int CaseId { get; private set; }
    public CaseMoveName Move { get; private set; }
    public CaseState From { get; private set; }
    public CaseState To { get; private set; }
    public string By { get; private set; }
    public Role ByRole { get; private set; }
    public DateTime At { get; private set; }
    public string? Reason { get; private set; }

    public Decision Decision => new(By, ByRole, At, Reason);
}

/// <summary>The baseline assessment the plan and timescale rest on (seed 004, 5.3).</summary>
public sealed class BaselineAssessment
{
    private BaselineAssessment() { Strengths = ""; AreasForImprovement = ""; }

    public BaselineAssessment(BaselineSource source, DateOnly assessedOn, string strengths, string areasForImprovement, string? reference)
    {
        Source = source;
        AssessedOn = assessedOn;
        Strengths = TextFields.Required(strengths, "Strengths", "Enter the agreed strengths");
        AreasForImprovement = TextFields.Required(areasForImprovement, "AreasForImprovement", "Enter the agreed areas for improvement");
        Reference = TextFields.Optional(reference, "Reference", "The reference", 300);
    }

    public BaselineSource Source { get; private set; }
    public DateOnly AssessedOn { get; private set; }
    public string Strengths { get; private set; }
    public string AreasForImprovement { get; private set; }

    /// <summary>The inspection report or review it comes from, e.g. an Ofsted report reference.</summary>
    public string? Reference { get; private set; }
}

/// <summary>What the school and the LA told people on entry (seed 004, 5.3): all nullable until recorded.</summary>
public sealed record EntryCommunications
{
    public DateOnly? GovernorsToldOn { get; init; }
    public DateOnly? StaffToldOn { get; init; }
    public DateOnly? LaTeamsToldOn { get; init; }

    /// <summary>What was agreed with governors and the LA about telling parents and the wider community.</summary>
    public string? ParentsCommunication { get; init; }

    public bool IsComplete => GovernorsToldOn is not null && StaffToldOn is not null && LaTeamsToldOn is not null && !string.IsNullOrWhiteSpace(ParentsCommunication);
}

/// <summary>The exit strategy agreed with the school (seed 004, 5.3 and appendix 2).</summary>
public sealed class ExitStrategy
{
    private ExitStrategy() { Summary = ""; MonitoringLead = ""; }

    public ExitStrategy(string summary, DateOnly agreedWithSchoolOn, string monitoringLead, string? sustainability)
    {
        Summary = TextFields.Required(summary, "Summary", "Enter the exit strategy");
        AgreedWithSchoolOn = agreedWithSchoolOn;
        MonitoringLead = TextFields.Required(monitoringLead, "MonitoringLead", "Enter who will carry out the termly monitoring (the SIP or the M&I manager)", 200);
        Sustainability = TextFields.Optional(sustainability, "Sustainability", "How improvement will be sustained");
    }

    public string Summary { get; private set; }
    public DateOnly AgreedWithSchoolOn { get; private set; }
    public string MonitoringLead { get; private set; }
    public string? Sustainability { get; private set; }
}

/// <summary>A member of the school management group, by role (seed 004, 4.6).</summary>
public sealed class ManagementGroupMember
{
    private ManagementGroupMember() { Name = ""; }

    public ManagementGroupMember(string name, ManagementGroupRole role)
    {
        Name = TextFields.Required(name, "Name", "Enter the member's name", 200);
        Role = role;
    }

    public int Id { get; private set; }
    public int CaseId { get; private set; }
    public string Name { get; private set; }
    public ManagementGroupRole Role { get; private set; }
}

/// <summary>A monthly meeting of the school management group; the SIP links visits to them where possible (seed 004, 7.2).</summary>
public sealed class ManagementGroupMeeting
{
    private ManagementGroupMeeting() { ProgressReviewed = ""; RecordedBy = ""; }

    public ManagementGroupMeeting(DateOnly heldOn, string progressReviewed, bool sipAttended, bool laOfficerAttended, string recordedBy)
    {
        HeldOn = heldOn;
        ProgressReviewed = TextFields.Required(progressReviewed, "ProgressReviewed", "Enter the progress the group reviewed");
        SipAttended = sipAttended;
        LaOfficerAttended = laOfficerAttended;
        RecordedBy = recordedBy;
    }

    public int Id { get; private set; }
    public int CaseId { get; private set; }
    public DateOnly HeldOn { get; private set; }
    public string ProgressReviewed { get; private set; }
    public bool SipAttended { get; private set; }
    public bool LaOfficerAttended { get; private set; }
    public string RecordedBy { get; private set; }
}

/// <summary>A termly monitoring visit after exit, by the SIP or the M&amp;I manager.</summary>
public sealed class MonitoringVisit
{
    private MonitoringVisit() { VisitedBy = ""; Findings = ""; }

    public MonitoringVisit(DateOnly visitedOn, string visitedBy, Role visitorRole, string findings, bool improvementSustained)
    {
        VisitedOn = visitedOn;
        VisitedBy = visitedBy;
        VisitorRole = visitorRole;
        Findings = TextFields.Required(findings, "Findings", "Enter what the visit found");
        ImprovementSustained = improvementSustained;
    }

    public int Id { get; private set; }
    public int CaseId { get; private set; }
    public DateOnly VisitedOn { get; private set; }
    public string VisitedBy { get; private set; }
    public Role VisitorRole { get; private set; }
    public string Findings { get; private set; }
    public bool ImprovementSustained { get; private set; }
}

/// <summary>
/// Money spent on an agreed action of the plan: the total, and how much came from the programme budget and from the
/// school's own budget (seed 004, 5.4). The two parts must add up to the total.
/// </summary>
public sealed class SpendingLine
{
    private SpendingLine() { Description = ""; RecordedBy = ""; }

    public SpendingLine(int planActionId, string description, DateOnly spentOn, decimal total, decimal fromProgramme, decimal fromSchool, string recordedBy)
    {
        PlanActionId = planActionId;
        Description = TextFields.Required(description, "Description", "Enter what the money was spent on", 500);
        SpentOn = spentOn;
        Total = total;
        FromProgramme = fromProgramme;
        FromSchool = fromSchool;
        RecordedBy = recordedBy;
    }

    public int Id { get; private set; }
    public int CaseId { get; private set; }
    public int PlanActionId { get; private set; }
    public string Description { get; private set; }
    public DateOnly SpentOn { get; private set; }
    public decimal Total { get; private set; }
    public decimal FromProgramme { get; private set; }
    public decimal FromSchool { get; private set; }
    public string RecordedBy { get; private set; }
}
