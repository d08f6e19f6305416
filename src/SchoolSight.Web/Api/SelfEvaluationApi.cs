using Microsoft.AspNetCore.Http.HttpResults;
using SchoolSight.Core;
using SchoolSight.Core.Voice;
using SchoolSight.Domain.Indicators;
using SchoolSight.Domain.Voice;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Api;

/// <summary>
/// A school's well-being self-evaluation and the area's plan priorities: the same operations, roles and school scope
/// as the pages. Outcomes are named by their slug (<c>be-healthy</c> … <c>achieve-economic-well-being</c>).
/// </summary>
public static class SelfEvaluationApi
{
    public sealed record PriorityView(int Number, string Text, IReadOnlyList<int> Serves);

    public sealed record EvidenceGap(string IndicatorId, string Group, double? Gap);

    public sealed record OutcomeView(string Outcome, string Name, string State, string? Grade, string? GradeText, string? Strengths, IReadOnlyList<PriorityView> Priorities,
        string? CompletedBy, DateTime? CompletedAt, bool? SipAgrees, string? SipComment, string? SipBy, DateTime? SipAt,
        IReadOnlyList<string> Indicators, IReadOnlyList<EvidenceGap> SignificantGaps, IReadOnlyList<string> MovesOpen);

    public sealed record SelfEvaluationView(int Urn, string School, string AcademicYear, string Status, string Scale, DateOnly? CompletedOn,
        string? PersonalDevelopment, IReadOnlyList<string> GroupsNamed, IReadOnlyList<OutcomeView> Outcomes, IReadOnlyList<string> History, int Version);

    public static RouteGroupBuilder MapSelfEvaluationApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/schools/{urn:int}/self-evaluation").WithTags("Well-being self-evaluation");
        api.MapGet("/schools/{urn:int}/self-evaluation", Get).WithTags("Well-being self-evaluation").RequireAuthorization(Policies.JudgementReader).WithName("GetSelfEvaluation")
            .WithSummary("A school's well-being self-evaluation for a year (?year=2026 for 2026/27; the current year by default): each outcome's judgement, strengths, priorities, the SIP's view and the evidence.")
            .ProducesOperationProblems();
        group.MapPut("/{year:int}/outcomes/{outcome}", async (int urn, int year, string outcome, OutcomeEvaluationInput input, RecordOutcomeEvaluation record, GetSelfEvaluation get, CancellationToken ct) =>
                EcmOutcomes.FromSlug(outcome) is { } o ? (IResult)await ApiResults.SavedAsync(await record.RunAsync(urn, year, o, input, ct), SelfEvaluationChanges.What, _ => ReadAsync(urn, year, get, ct)) : ApiResults.NotFound("outcome"))
            .RequireAuthorization(Policies.JudgementRecorder).WithName("RecordOutcomeEvaluation")
            .WithSummary("The head saves the draft of an outcome: {\"grade\":\"strong-standard\",\"strengths\",\"priorities\":[{\"text\",\"planPriorities\":[1]}],\"version\"}.").ProducesOperationProblems();
        group.MapPost("/{year:int}/outcomes/{outcome}" + MoveApi.Route, async (int urn, int year, string outcome, string move, MoveRequest input, MoveOutcomeEvaluation make, GetSelfEvaluation get, CancellationToken ct) =>
                EcmOutcomes.FromSlug(outcome) is { } o
                    ? (IResult)await MoveApi.MakeAsync<OutcomeEvaluationMove, int, SelfEvaluationView>(move, SelfEvaluationChanges.What,
                        m => make.RunAsync(urn, year, o, m, new OutcomeMoveInput { Reason = input.Reason, Version = input.Version }, ct), _ => ReadAsync(urn, year, get, ct))
                    : ApiResults.NotFound("outcome"))
            .RequireAuthorization(Policies.JudgementReader).WithName("MoveOutcomeEvaluation")
            .WithSummary("complete or reopen an outcome (the head), agree or disagree with it (the SIP, with a comment).").AsMove();
        group.MapGet("/{year:int}/pdf", async (int urn, int year, GetSelfEvaluationDocument document, CancellationToken ct) =>
            {
                var result = await document.RunAsync(urn, year, ct);
                return result.Succeeded ? (IResult)TypedResults.File(result.Value!.Pdf, "application/pdf", result.Value.FileName) : ApiResults.Failure(result, "school");
            })
            .RequireAuthorization(Policies.JudgementReader).WithName("SelfEvaluationPdf").WithSummary("The self-evaluation as a PDF for the governing body.").ProducesOperationProblems();

        var plan = api.MapGroup("/plan-priorities").WithTags("Well-being self-evaluation");
        api.MapGet("/plan-priorities", async (ListPlanPriorities list, CancellationToken ct) => TypedResults.Ok(await list.RunAsync(ct)))
            .WithTags("Well-being self-evaluation").RequireAuthorization(Policies.PlanPriorityReader).WithName("ListPlanPriorities").WithSummary("The area's Children and Young People's Plan priorities.");
        api.MapPost("/plan-priorities", async (PlanPriorityInput input, KeepPlanPriority keep, CancellationToken ct) => ApiResults.Answer(await keep.RunAsync(null, input, ct), KeepPlanPriority.What, id => new { id }))
            .WithTags("Well-being self-evaluation").RequireAuthorization(Policies.PlanPriorityKeeper).WithName("AddPlanPriority").WithSummary("Add a plan priority: {\"title\",\"source\"}.").ProducesOperationProblems();
        plan.MapPut("/{id:int}", async (int id, PlanPriorityInput input, KeepPlanPriority keep, CancellationToken ct) => ApiResults.Answer(await keep.RunAsync(id, input, ct), KeepPlanPriority.What, v => new { id = v }))
            .RequireAuthorization(Policies.PlanPriorityKeeper).WithName("ChangePlanPriority").WithSummary("Change a plan priority: {\"title\",\"source\",\"isCurrent\",\"version\"}.").ProducesOperationProblems();
        return api;
    }

    private static async Task<Results<Ok<SelfEvaluationView>, ProblemHttpResult>> Get(int urn, int? year, GetSelfEvaluation get, CancellationToken ct)
    {
        var result = await get.RunAsync(urn, year, ct);
        return result.Succeeded ? TypedResults.Ok(Map(result.Value!)) : ApiResults.Failure(result, "school");
    }

    private static async Task<SelfEvaluationView?> ReadAsync(int urn, int year, GetSelfEvaluation get, CancellationToken ct) =>
        (await get.RunAsync(urn, year, ct)).Value is { } v ? Map(v) : null;

    private static SelfEvaluationView Map(Core.Voice.SelfEvaluationView v) => new(v.Urn, v.SchoolName, v.Title, v.Status, v.Scale.ToString(), v.Evaluation?.CompletedOn,
        v.Evaluation?.PersonalDevelopment?.Slug(), [.. (v.Evaluation?.GroupsNamed ?? []).Select(g => g.ToString())],
        [.. v.Outcomes.Select(o => new OutcomeView(o.Outcome.Slug(), o.Outcome.DisplayName(), o.State.ToString(), o.Record?.Grade?.Slug(), o.Record?.Grade?.Describe(), o.Record?.Strengths,
            [.. (o.Record?.Priorities ?? []).Select(p => new PriorityView(p.Number, p.Text, p.Serves))], o.CompletedByName, o.Record?.CompletedAt,
            o.Record?.SipAgrees, o.Record?.SipComment, o.SipName, o.Record?.SipAt,
            [.. o.Evidence.Measures.Select(m => m.Indicator.Id)], [.. o.Evidence.SignificantGaps.Select(g => new EvidenceGap(g.Indicator.Id, g.Group.ToString(), g.Gap))],
            [.. o.Moves.Select(m => m.Move.Name.ToString())]))],
        [.. v.History.Select(h => h.Title)], v.Evaluation?.Version ?? 0);
}
