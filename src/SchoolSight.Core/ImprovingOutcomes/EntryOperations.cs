using SchoolSight.Core.Data;
using SchoolSight.Domain;
using SchoolSight.Domain.ImprovingOutcomes;

namespace SchoolSight.Core.ImprovingOutcomes;

public sealed record BaselineInput
{
    public BaselineSource? Source { get; set; }
    public DateOnly? AssessedOn { get; set; }
    public string? Strengths { get; set; }
    public string? AreasForImprovement { get; set; }
    public string? Reference { get; set; }
    public int Version { get; set; }
}

/// <summary>Records the baseline assessment (recent Ofsted inspection or commissioned review) and moves the case to "baseline recorded".</summary>
[Operation]
public sealed class RecordBaseline(AppDbContext db)
{
    public Task<OperationResult<int>> RunAsync(int caseId, BaselineInput input, CancellationToken ct = default) =>
        db.ChangeCaseAsync(caseId, input.Version, (c, actor, calendar) =>
        {
            if (input.Source is null) throw new DomainException(ProgrammeErrors.Required("Source", "Choose the source of the baseline assessment"));
            if (input.AssessedOn is null) throw new DomainException(ProgrammeErrors.Required("AssessedOn", "Enter the date of the assessment"));
            c.RecordBaseline(new BaselineAssessment(input.Source.Value, input.AssessedOn.Value, input.Strengths ?? "", input.AreasForImprovement ?? "", input.Reference),
                new MoveContext(actor, db.UtcNow, db.Today(), calendar, null));
            return c.Id;
        }, ct);
}

public sealed record CommunicationsInput
{
    public DateOnly? GovernorsToldOn { get; set; }
    public DateOnly? StaffToldOn { get; set; }
    public DateOnly? LaTeamsToldOn { get; set; }
    public string? ParentsCommunication { get; set; }
    public int Version { get; set; }
}

/// <summary>Records that governors, staff and the LA's teams were told about entry, and what was agreed about parents.</summary>
[Operation]
public sealed class RecordEntryCommunications(AppDbContext db)
{
    public Task<OperationResult<int>> RunAsync(int caseId, CommunicationsInput input, CancellationToken ct = default) =>
        db.ChangeCaseAsync(caseId, input.Version, (c, actor, _) =>
        {
            c.RecordCommunications(new EntryCommunications
            {
                GovernorsToldOn = input.GovernorsToldOn,
                StaffToldOn = input.StaffToldOn,
                LaTeamsToldOn = input.LaTeamsToldOn,
                ParentsCommunication = input.ParentsCommunication,
            }, actor, db.Today());
            return c.Id;
        }, ct);
}

public sealed record PlanInput
{
    public PlanKind? Kind { get; set; }
    public string? Title { get; set; }
    public string? NotRobustReason { get; set; }
    public int Version { get; set; }
}

/// <summary>Records which plan the programme works from: the school's SSDP or RAP, or (when that is not robust) its own.</summary>
[Operation]
public sealed class ChoosePlan(AppDbContext db)
{
    public Task<OperationResult<int>> RunAsync(int caseId, PlanInput input, CancellationToken ct = default) =>
        db.ChangeCaseAsync(caseId, input.Version, (c, actor, _) =>
        {
            if (input.Kind is null) throw new DomainException(ProgrammeErrors.Required("Kind", "Choose the plan the programme works from"));
            c.ChoosePlan(input.Kind.Value, input.Title, input.NotRobustReason, actor);
            return c.Id;
        }, ct);
}

public sealed record ExitStrategyInput
{
    public string? Summary { get; set; }
    public DateOnly? AgreedWithSchoolOn { get; set; }
    public string? MonitoringLead { get; set; }
    public string? Sustainability { get; set; }
    public int Version { get; set; }
}

/// <summary>Records the exit strategy agreed with the school, for the SMT to agree exit.</summary>
[Operation]
public sealed class RecordExitStrategy(AppDbContext db)
{
    public Task<OperationResult<int>> RunAsync(int caseId, ExitStrategyInput input, CancellationToken ct = default) =>
        db.ChangeCaseAsync(caseId, input.Version, (c, actor, _) =>
        {
            if (input.AgreedWithSchoolOn is null) throw new DomainException(ProgrammeErrors.Required("AgreedWithSchoolOn", "Enter the day the exit strategy was agreed with the school"));
            c.RecordExitStrategy(new ExitStrategy(input.Summary ?? "", input.AgreedWithSchoolOn.Value, input.MonitoringLead ?? "", input.Sustainability), actor, db.Today());
            return c.Id;
        }, ct);
}

public sealed record MonitoringVisitInput
{
    public DateOnly? VisitedOn { get; set; }
    public string? Findings { get; set; }
    public bool ImprovementSustained { get; set; }
}

/// <summary>Records a termly monitoring visit after exit (the SIP or the M&amp;I manager).</summary>
[Operation]
public sealed class RecordMonitoringVisit(AppDbContext db)
{
    public Task<OperationResult<int>> RunAsync(int caseId, MonitoringVisitInput input, CancellationToken ct = default) =>
        db.ChangeCaseAsync(caseId, null, (c, actor, _) =>
        {
            c.RecordMonitoringVisit(input.VisitedOn, input.Findings ?? "", input.ImprovementSustained, actor, db.Today());
            return c.Id;
        }, ct);
}
