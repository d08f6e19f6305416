using Microsoft.AspNetCore.Http.HttpResults;
using SchoolSight.Core.Calendar;
using SchoolSight.Core.ImprovingOutcomes;
using SchoolSight.Core.Time;
using SchoolSight.Domain;
using SchoolSight.Domain.ImprovingOutcomes;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Api;

/// <summary>
/// The Improving Outcomes Programme: cases, their lifecycle decisions, plan actions, meetings and spending. The same
/// roles and school scope as the pages: a case outside the caller's schools is not found.
/// </summary>
public static class ProgrammeApi
{
    public sealed record CaseSummary(int Id, int Urn, string School, CaseState State, SupportTier Tier, string CaseOfficer, DateOnly ProposedOn, int Overdue, bool WarningFlag,
        IReadOnlyList<DeadlineView> NextDeadlines);

    public sealed record DeadlineView(string Key, DeadlineKind Kind, string Title, DateOnly DueOn, DateOnly? MetOn, DeadlineStatus Status, string Rule);

    public sealed record DecisionView(CaseMoveName Move, CaseState From, CaseState To, string By, string Role, DateTime At, string? Reason);

    public sealed record MoveView(string Move, string Title, IReadOnlyList<string> StillNeeded);

    public sealed record CaseDetails(int Id, int Urn, string School, CaseState State, SupportTier Tier, ConcernGround Ground, string Concerns, string CaseOfficer,
        DateOnly ProposedOn, DateOnly? EntryAgreedOn, DateOnly? ActiveSince, DateOnly? ExitAgreedOn, DateOnly? ClosedOn, PlanKind? Plan,
        decimal? ProgrammeBudget, decimal? ProgrammeRemaining, decimal? SchoolContribution, bool WarningFlag, int Version,
        IReadOnlyList<DeadlineView> Deadlines, IReadOnlyList<DecisionView> Decisions, IReadOnlyList<MoveView> MovesOpenToYou);

    public sealed record ActionView(int Id, int Number, string Description, string Owner, DateOnly DueOn, string SuccessCriteria, ActionStatus Status, string? ProgressNote, DateOnly? CompletedOn, int Version);

    public sealed record MeetingView(int Id, DateOnly ScheduledFor, string Venue, bool AtSchool, DateOnly? AgendaSentOn, DateOnly? ProgressReportSubmittedOn,
        DateOnly? HeldOn, string? Attendance, string? Decisions, ProgressJudgement? Judgement, DateOnly? MinutesCirculatedOn, int Version);

    public sealed record SpendingView(int Id, int PlanActionId, string Description, DateOnly SpentOn, decimal Total, decimal FromProgramme, decimal FromSchool);

    public sealed record WarningNoticeView(int Id, WarningNoticeStatus Status, string Grounds, string RequiredActions, DateOnly ComplyBy, string DraftedBy, DateTime DraftedAt,
        string? ApprovedBy, DateTime? ApprovedAt, string? ApprovalNote, string? IssuedBy, DateOnly? IssuedOn, int Version, IReadOnlyList<MoveView> MovesOpenToYou);

    public sealed record TermView(int Id, string Title, DateOnly Starts, DateOnly HalfTermStarts, DateOnly HalfTermEnds, DateOnly Ends, int Version);

    public static RouteGroupBuilder MapProgrammeApi(this RouteGroupBuilder api)
    {
        var cases = api.MapGroup("/programme/cases").WithTags("Improving Outcomes Programme");
        api.MapGet("/programme/cases", List).WithTags("Improving Outcomes Programme").RequireAuthorization(Policies.ProgrammeReader).WithName("ListProgrammeCases")
            .WithSummary("Every open case you may see, with its next deadlines (add ?closed=true for closed cases too).");
        api.MapPost("/programme/cases", Propose).WithTags("Improving Outcomes Programme").RequireAuthorization(Policies.ProgrammeProposer).WithName("ProposeEntry")
            .WithSummary("Propose a school for the programme (M&I team, QA manager).").ProducesOperationProblems();
        cases.MapGet("/{id:int}", Get).RequireAuthorization(Policies.ProgrammeReader).WithName("GetProgrammeCase")
            .WithSummary("A case with its deadlines, decision log and the decisions open to you.").ProducesProblem(StatusCodes.Status404NotFound);
        cases.MapPost("/{id:int}/transitions", Move).RequireAuthorization(Policies.ProgrammeDecider).WithName("MoveProgrammeCase")
            .WithSummary("Make a decision of the lifecycle (AgreeEntry, DeclineEntry, StartSupport, MoveToIntensiveSupport, MoveToTargetedSupport, AgreeExit, BeginMonitoring, Close).")
            .WithDescription("Kept for the clients written against it: send the case version you read and a reason. A refused move answers 422 with every reason; a stale version answers 409. New clients use …/moves/{move}.")
            .ProducesOperationProblems();
        cases.MapPost("/{id:int}" + MoveApi.Route, MakeMove).RequireAuthorization(Policies.ProgrammeDecider).WithName("MakeProgrammeCaseMove")
            .WithSummary("Make a move of the lifecycle (agree-entry, decline-entry, start-support, move-to-intensive-support, move-to-targeted-support, agree-exit, begin-monitoring, close).")
            .AsMove();
        cases.MapPost("/{id:int}/warning-notices/{noticeId:int}" + MoveApi.Route, MakeNoticeMove).RequireAuthorization(Policies.ProgrammeStaff).WithName("MakeWarningNoticeMove")
            .WithSummary("Approve a drafted warning notice (SMT; the reason is the note of the approval) or issue an approved one as a letter (M&I team).")
            .AsMove();
        cases.MapGet("/{id:int}/actions", Actions).RequireAuthorization(Policies.ProgrammeReader).WithName("ListPlanActions").ProducesProblem(StatusCodes.Status404NotFound);
        cases.MapPost("/{id:int}/actions", AddAction).RequireAuthorization(Policies.ProgrammeContributor).WithName("AddPlanAction")
            .WithSummary("Add an action with its owner, due date and measurable success criteria.").ProducesOperationProblems();
        cases.MapPut("/{id:int}/actions/{actionId:int}", EditAction).RequireAuthorization(Policies.ProgrammeContributor).WithName("EditPlanAction")
            .WithSummary("Change an action and its progress; send the action's version (409 when someone saved it since).")
            .ProducesOperationProblems();
        cases.MapGet("/{id:int}/meetings", Meetings).RequireAuthorization(Policies.ProgrammeReader).WithName("ListProgrammeMeetings").ProducesProblem(StatusCodes.Status404NotFound);
        cases.MapPost("/{id:int}/meetings", Schedule).RequireAuthorization(Policies.ProgrammeRunner).WithName("ScheduleProgrammeMeeting")
            .WithSummary("Schedule a programme meeting (M&I team).").ProducesOperationProblems();
        cases.MapGet("/{id:int}/spending", Spending).RequireAuthorization(Policies.ProgrammeReader).WithName("ListProgrammeSpending").ProducesProblem(StatusCodes.Status404NotFound);
        cases.MapPost("/{id:int}/spending", Spend).RequireAuthorization(Policies.ProgrammeRunner).WithName("AddSpendingLine")
            .WithSummary("Record spending against a plan action; refused when it does not balance or would overspend.").ProducesOperationProblems();
        api.MapGet("/programme/calendar", Calendar).RequireAuthorization(Policies.RegisterReader).WithName("ListSchoolTerms").WithTags("Improving Outcomes Programme")
            .WithSummary("The LA's term and half-term dates that every programme deadline is computed from.");
        return api;
    }

    private static DeadlineView View(Deadline d, DateOnly today) => new(d.Key, d.Kind, d.Title, d.DueOn, d.MetOn, d.StatusOn(today), d.Rule);

    private static async Task<Ok<IReadOnlyList<CaseSummary>>> List(bool? closed, ListProgrammeCases list, LaClock clock, CancellationToken ct)
    {
        var today = clock.Today;
        var rows = await list.RunAsync(closed ?? false, ct);
        return TypedResults.Ok<IReadOnlyList<CaseSummary>>([.. rows.Select(r => new CaseSummary(r.Id, r.Urn, r.SchoolName, r.State, r.Tier, r.CaseOfficer, r.ProposedOn, r.Overdue, r.WarningFlag, [.. r.NextDeadlines.Select(d => View(d, today))]))]);
    }

    private static CaseDetails Details(CaseView v)
    {
        var c = v.Case;
        return new CaseDetails(c.Id, c.Urn, v.SchoolName, c.State, c.Tier, c.Ground, c.Concerns, c.CaseOfficerName, c.ProposedOn, c.EntryAgreedOn, c.ActiveSince, c.ExitAgreedOn, c.ClosedOn,
            c.PlanKind, c.ProgrammeBudget, c.ProgrammeRemaining, c.SchoolContribution, v.WarningFlag.Flagged, c.Version,
            [.. v.Deadlines.Select(d => View(d, v.Today))],
            [.. c.Decisions.OrderBy(d => d.At).Select(d => new DecisionView(d.Move, d.From, d.To, d.By, d.ByRole.ToString(), d.At, d.Reason))],
            [.. v.Moves.Select(m => new MoveView(m.Move.Name.ToString(), m.Move.Title, [.. m.Unmet.Where(e => e.Code != "programme.reason").Select(e => e.Message)]))]);
    }

    private static async Task<Results<Ok<CaseDetails>, ProblemHttpResult>> Get(int id, GetCase get, CancellationToken ct) =>
        await get.RunAsync(id, ct) is { } v ? TypedResults.Ok(Details(v)) : ApiResults.NotFound("case");

    private static async Task<Results<Created<CaseDetails>, ValidationProblem, ProblemHttpResult>> Propose(ProposeEntryInput input, ProposeEntry propose, GetCase get, CancellationToken ct) =>
        await ApiResults.CreatedAsync(await propose.RunAsync(input, ct), "case", "/api/v1/programme/cases", async i => await get.RunAsync(i, ct) is { } v ? Details(v) : null);

    private static async Task<Results<Ok<CaseDetails>, ValidationProblem, ProblemHttpResult>> Move(int id, MoveCaseInput input, MoveCase move, GetCase get, CancellationToken ct)
    {
        var result = await move.RunAsync(id, input, ct);
        return await ApiResults.SavedAsync(result, "case", async i => await get.RunAsync(i, ct) is { } v ? Details(v) : null);
    }

    private static Task<Results<Ok<CaseDetails>, ValidationProblem, ProblemHttpResult>> MakeMove(int id, string move, MoveRequest request, MoveCase moveCase, GetCase get, CancellationToken ct) =>
        MoveApi.MakeAsync<CaseMoveName, int, CaseDetails>(move, "case",
            m => moveCase.RunAsync(id, new MoveCaseInput { Move = m, Reason = request.Reason, Version = request.Version }, ct),
            async i => await get.RunAsync(i, ct) is { } v ? Details(v) : null);

    private static Task<Results<Ok<WarningNoticeView>, ValidationProblem, ProblemHttpResult>> MakeNoticeMove(int id, int noticeId, string move, MoveRequest request,
        ApproveWarningNotice approve, IssueWarningNotice issue, GetCase get, CancellationToken ct) =>
        MoveApi.MakeAsync<WarningNoticeMove, int, WarningNoticeView>(move, "warning notice",
            m => m switch
            {
                WarningNoticeMove.Approve => approve.RunAsync(id, noticeId, new ApprovalInput { Note = request.Reason, Version = request.Version }, ct),
                WarningNoticeMove.Issue => issue.RunAsync(id, noticeId, request.Version, ct),
                _ => throw new ArgumentOutOfRangeException(nameof(move)),
            },
            async i => await get.RunAsync(id, ct) is { } v && v.Case.WarningNotices.FirstOrDefault(w => w.Id == i) is { } w ? NoticeOf(w, v) : null);

    private static WarningNoticeView NoticeOf(WarningNotice w, CaseView v) => new(w.Id, w.Status, w.Grounds, w.RequiredActions, w.ComplyBy, w.DraftedBy, w.DraftedAt,
        w.ApprovedBy, w.ApprovedAt, w.ApprovalNote, w.IssuedBy, w.IssuedOn, w.Version,
        [.. (v.NoticeMoves.GetValueOrDefault(w.Id) ?? []).Select(m => new MoveView(m.Move.Name.ToString(), m.Move.Title, [.. m.Unmet.Select(e => e.Message)]))]);

    private static async Task<Results<Ok<IReadOnlyList<ActionView>>, ProblemHttpResult>> Actions(int id, GetCase get, CancellationToken ct) =>
        await get.RunAsync(id, ct) is { } v
            ? TypedResults.Ok<IReadOnlyList<ActionView>>([.. v.Case.PlanActions.OrderBy(a => a.Number).Select(ActionOf)])
            : ApiResults.NotFound("case");

    private static ActionView ActionOf(PlanAction a) => new(a.Id, a.Number, a.Description, a.Owner, a.DueOn, a.SuccessCriteria, a.Status, a.ProgressNote, a.CompletedOn, a.Version);

    private static async Task<Results<Created<ActionView>, ValidationProblem, ProblemHttpResult>> AddAction(int id, PlanActionInput input, AddPlanAction add, GetCase get, CancellationToken ct) =>
        await ApiResults.CreatedAsync(await add.RunAsync(id, input, ct), "action", $"/api/v1/programme/cases/{id}/actions",
            async actionId => await get.RunAsync(id, ct) is { } v && v.Case.PlanActions.FirstOrDefault(a => a.Id == actionId) is { } a ? ActionOf(a) : null);

    private static async Task<Results<Ok<ActionView>, ValidationProblem, ProblemHttpResult>> EditAction(int id, int actionId, PlanActionInput input, EditPlanAction edit, GetCase get, CancellationToken ct) =>
        await ApiResults.SavedAsync(await edit.RunAsync(id, actionId, input, ct), "action",
            async i => await get.RunAsync(id, ct) is { } v && v.Case.PlanActions.FirstOrDefault(a => a.Id == i) is { } a ? ActionOf(a) : null);

    private static MeetingView MeetingOf(ProgrammeMeeting m) => new(m.Id, m.ScheduledFor, m.Venue, m.AtSchool, m.AgendaSentOn, m.ProgressReportSubmittedOn, m.HeldOn, m.Attendance, m.Decisions, m.Judgement, m.MinutesCirculatedOn, m.Version);

    private static async Task<Results<Ok<IReadOnlyList<MeetingView>>, ProblemHttpResult>> Meetings(int id, GetCase get, CancellationToken ct) =>
        await get.RunAsync(id, ct) is { } v
            ? TypedResults.Ok<IReadOnlyList<MeetingView>>([.. v.Case.Meetings.OrderBy(m => m.ScheduledFor).Select(MeetingOf)])
            : ApiResults.NotFound("case");

    private static async Task<Results<Created<MeetingView>, ValidationProblem, ProblemHttpResult>> Schedule(int id, ScheduleMeetingInput input, ScheduleProgrammeMeeting schedule, GetCase get, CancellationToken ct) =>
        await ApiResults.CreatedAsync(await schedule.RunAsync(id, input, ct), "meeting", $"/api/v1/programme/cases/{id}/meetings",
            async meetingId => await get.RunAsync(id, ct) is { } v && v.Case.Meetings.FirstOrDefault(m => m.Id == meetingId) is { } m ? MeetingOf(m) : null);

    private static SpendingView SpendingOf(SpendingLine s) => new(s.Id, s.PlanActionId, s.Description, s.SpentOn, s.Total, s.FromProgramme, s.FromSchool);

    private static async Task<Results<Ok<IReadOnlyList<SpendingView>>, ProblemHttpResult>> Spending(int id, GetCase get, CancellationToken ct) =>
        await get.RunAsync(id, ct) is { } v
            ? TypedResults.Ok<IReadOnlyList<SpendingView>>([.. v.Case.Spending.OrderBy(s => s.SpentOn).Select(SpendingOf)])
            : ApiResults.NotFound("case");

    private static async Task<Results<Created<SpendingView>, ValidationProblem, ProblemHttpResult>> Spend(int id, SpendingInput input, AddSpendingLine add, GetCase get, CancellationToken ct) =>
        await ApiResults.CreatedAsync(await add.RunAsync(id, input, ct), "spending line", $"/api/v1/programme/cases/{id}/spending",
            async lineId => await get.RunAsync(id, ct) is { } v && v.Case.Spending.FirstOrDefault(s => s.Id == lineId) is { } s ? SpendingOf(s) : null);

    private static async Task<Ok<IReadOnlyList<TermView>>> Calendar(ListSchoolTerms list, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<TermView>>([.. (await list.RunAsync(ct)).Select(t => new TermView(t.Id, t.Title, t.Starts, t.HalfTermStarts, t.HalfTermEnds, t.Ends, t.Version))]);
}
