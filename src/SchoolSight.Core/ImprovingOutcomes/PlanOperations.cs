using SchoolSight.Core.Data;
using SchoolSight.Domain;
using SchoolSight.Domain.ImprovingOutcomes;

namespace SchoolSight.Core.ImprovingOutcomes;

public sealed record PlanActionInput
{
    public string? Description { get; set; }
    public string? Owner { get; set; }
    public DateOnly? DueOn { get; set; }
    public string? SuccessCriteria { get; set; }
    public ActionStatus Status { get; set; }
    public string? ProgressNote { get; set; }

    /// <summary>The version of the action the edit was made from.</summary>
    public int Version { get; set; }
}

/// <summary>Adds an action to the plan: owner, due date and measurable success criteria.</summary>
[Operation]
public sealed class AddPlanAction(AppDbContext db)
{
    /// <returns>The new action's id.</returns>
    public async Task<OperationResult<int>> RunAsync(int caseId, PlanActionInput input, CancellationToken ct = default)
    {
        PlanAction? added = null;
        var result = await db.ChangeCaseAsync(caseId, null, (c, actor, _) =>
        {
            added = c.AddPlanAction(input.Description ?? "", input.Owner ?? "", input.DueOn, input.SuccessCriteria ?? "", actor);
            return 0;
        }, ct);
        return result.Succeeded ? OperationResult<int>.Ok(added!.Id) : OperationResult<int>.Fail(result.Errors);
    }
}

/// <summary>
/// Changes an action of the plan and records its progress. The edit carries the action's version: when another
/// officer saved the action first, nothing is saved and the message names them.
/// </summary>
[Operation]
public sealed class EditPlanAction(AppDbContext db)
{
    public Task<OperationResult<int>> RunAsync(int caseId, int actionId, PlanActionInput input, CancellationToken ct = default) =>
        db.ChangeCaseAsync(caseId, null, (c, actor, _) =>
        {
            ProgrammeRoles.Require(ProgrammeRoles.Contributors, actor, "change the plan's actions");
            c.RequireState("change the plan's actions", CaseState.EntryAgreed, CaseState.BaselineRecorded, CaseState.Active);
            var action = c.Action(actionId);
            db.ExpectVersion(action, input.Version);
            if (action.Version != input.Version) throw new DomainException(CoreErrors.Conflict("action", action.UpdatedBy, action.UpdatedAt));
            action.Change(input.Description ?? "", input.Owner ?? "", input.DueOn, input.SuccessCriteria ?? "");
            action.RecordProgress(input.Status, input.ProgressNote, db.Today());
            return action.Id;
        }, ct, "action", c => c.PlanActions.First(a => a.Id == actionId));
}

public sealed record MemberInput
{
    public string? Name { get; set; }
    public ManagementGroupRole? Role { get; set; }
}

/// <summary>Adds a member to the school management group.</summary>
[Operation]
public sealed class AddGroupMember(AppDbContext db)
{
    public Task<OperationResult<int>> RunAsync(int caseId, MemberInput input, CancellationToken ct = default) =>
        db.ChangeCaseAsync(caseId, null, (c, actor, _) =>
        {
            if (input.Role is null) throw new DomainException(ProgrammeErrors.Required("Role", "Choose the member's role in the group"));
            c.AddMember(input.Name ?? "", input.Role.Value, actor);
            return c.Id;
        }, ct);
}

/// <summary>Removes a member from the school management group.</summary>
[Operation]
public sealed class RemoveGroupMember(AppDbContext db)
{
    public Task<OperationResult<int>> RunAsync(int caseId, int memberId, CancellationToken ct = default) =>
        db.ChangeCaseAsync(caseId, null, (c, actor, _) =>
        {
            c.RemoveMember(memberId, actor);
            return c.Id;
        }, ct);
}

public sealed record GroupMeetingInput
{
    public DateOnly? HeldOn { get; set; }
    public string? ProgressReviewed { get; set; }
    public bool SipAttended { get; set; }
    public bool LaOfficerAttended { get; set; }
}

/// <summary>Records a monthly meeting of the school management group.</summary>
[Operation]
public sealed class RecordGroupMeeting(AppDbContext db)
{
    public Task<OperationResult<int>> RunAsync(int caseId, GroupMeetingInput input, CancellationToken ct = default) =>
        db.ChangeCaseAsync(caseId, null, (c, actor, _) =>
        {
            c.RecordGroupMeeting(input.HeldOn, input.ProgressReviewed ?? "", input.SipAttended, input.LaOfficerAttended, actor, db.Today());
            return c.Id;
        }, ct);
}
