using Microsoft.AspNetCore.Http.HttpResults;
using SchoolSight.Core;
using SchoolSight.Core.HealthySchools;
using SchoolSight.Domain.HealthySchools;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Api;

/// <summary>
/// Healthy Schools: a school's enhancement work, the QUAS's queue and decisions, the LA's local priorities and list of
/// schools, and the recognition documents. The same operations, roles and school scope as the pages.
/// </summary>
public static class HealthySchoolsApi
{
    public sealed record PriorityView(int Number, string Kind, string Title, string IndicatorId, string? IndicatorName);

    public sealed record OutcomeView(int Number, int PriorityNumber, string Kind, string Description, string? TargetGroup, string? IndicatorId, string? PupilGroup,
        double? Baseline, int? BaselineYear, double Target, DateOnly ByWhen, string EvidencedBy, string State, DataFigure? Current, bool? Reached, DateOnly? ConfirmedOn);

    public sealed record ExchangeView(string Kind, string About, string By, DateTime At, string? Text);

    public sealed record EngagementView(int Urn, string School, string Stage, string StageTitle, string Phase, int Cycle, DateOnly EngagedOn, DateOnly? ApprovedOn,
        int? SharedGroupUrn, string? KeyTasks, string? NeedsAnalysisNotes, IReadOnlyList<GroupMember> Members, IReadOnlyList<PriorityView> Priorities,
        IReadOnlyList<OutcomeView> Outcomes, IReadOnlyList<EarlySuccessIndicator> SuccessIndicators, IReadOnlyList<HealthActivity> Activities,
        IReadOnlyList<ExchangeView> Exchange, int EsisMet, int EsisSet, int Version, IReadOnlyList<string> MovesOpen);

    public static RouteGroupBuilder MapHealthySchoolsApi(this RouteGroupBuilder api)
    {
        var la = api.MapGroup("/healthy-schools").WithTags("Healthy Schools");
        api.MapGet("/healthy-schools", (ListHealthySchools list, CancellationToken ct) => Answer(list.RunAsync(ct))).RequireAuthorization(Policies.HealthySchoolsLaReader).WithTags("Healthy Schools")
            .WithName("ListHealthySchools").WithSummary("Every school in the enhancement model: stage, barometer, awards.").ProducesOperationProblems();
        la.MapGet("/quas-queue", (GetQuasQueue queue, CancellationToken ct) => Answer(queue.RunAsync(ct))).RequireAuthorization(Policies.HealthySchoolsLaReader)
            .WithName("QuasQueue").WithSummary("Everything waiting for the QUAS, oldest first, with its age in days.").ProducesOperationProblems();
        la.MapGet("/local-priorities", async (ListLocalPriorities list, CancellationToken ct) => TypedResults.Ok(await list.RunAsync(ct)))
            .RequireAuthorization(Policies.HealthySchoolsReader).WithName("ListLocalPriorities").WithSummary("The LA's current local priorities, each with its indicator.");
        la.MapPost("/local-priorities", async (LocalPriorityInput input, AddLocalPriority add, CancellationToken ct) => ApiResults.Answer(await add.RunAsync(input, ct), "local priority", id => new { id }))
            .RequireAuthorization(Policies.HealthySchoolsCoordinator).WithName("AddLocalPriority").WithSummary("Add a local priority: {\"title\":…,\"indicatorId\":…,\"source\":…}.").ProducesOperationProblems();

        var school = api.MapGroup("/schools/{urn:int}/healthy-schools").WithTags("Healthy Schools");
        api.MapGet("/schools/{urn:int}/healthy-schools", Get).WithTags("Healthy Schools").RequireAuthorization(Policies.HealthySchoolsReader).WithName("GetHealthySchoolsRecord")
            .WithSummary("A school's Healthy Schools record: stage, group, priorities, outcomes with the figures the data gives, indicators, exchange with the QUAS.").ProducesOperationProblems();
        Write(api.MapPost("/schools/{urn:int}/healthy-schools", (int urn, EngageSchool engage, GetEngagement get, CancellationToken ct) => Saved(urn, engage.RunAsync(urn, ct), get, ct)).WithTags("Healthy Schools"), "EngageHealthySchools",
            "The school's first step: its record opens at stage 1.");
        Write(school.MapPost("/members", (int urn, GroupMemberInput input, AddGroupMember add, GetEngagement get, CancellationToken ct) => Saved(urn, add.RunAsync(urn, input, ct), get, ct)),
            "AddGroupMember", "Add a member of the development group: {\"name\",\"groupRole\",\"represents\":\"Pupils\",\"partnerId\",\"version\"}.");
        Write(school.MapDelete("/members/{number:int}", (int urn, int number, int? version, RemoveGroupMember remove, GetEngagement get, CancellationToken ct) =>
            Saved(urn, remove.RunAsync(urn, number, version, ct), get, ct)), "RemoveGroupMember", "Remove a member of the development group (?version=n).");
        Write(school.MapPut("/key-tasks", (int urn, TextInput input, SetKeyTasks set, GetEngagement get, CancellationToken ct) => Saved(urn, set.RunAsync(urn, input.Text, input.Version, ct), get, ct)),
            "SetKeyTasks", "Record the development group's key tasks: {\"text\",\"version\"}.");
        Write(school.MapPut("/needs-analysis", (int urn, TextInput input, RecordNeedsAnalysis record, GetEngagement get, CancellationToken ct) =>
            Saved(urn, record.RunAsync(urn, input.Text, input.Version, ct), get, ct)), "RecordNeedsAnalysis", "Record what the needs analysis found: {\"text\",\"version\"}.");
        Write(school.MapPost("/priorities", (int urn, PriorityInput input, AddPriority add, GetEngagement get, CancellationToken ct) => Saved(urn, add.RunAsync(urn, input, ct), get, ct)),
            "AddPriority", "Choose a priority: {\"kind\":\"Local\",\"localPriorityId\"} or {\"kind\":\"School\",\"title\",\"indicatorId\"}, with the version.");
        Write(school.MapPost("/outcomes", (int urn, OutcomeInput input, AddOutcome add, GetEngagement get, CancellationToken ct) => Saved(urn, add.RunAsync(urn, input, ct), get, ct)),
            "AddOutcome", "Set a meaningful outcome of a priority; tied to an indicator its baseline comes from the data.");
        Write(school.MapPut("/outcomes/{number:int}/baseline", (int urn, int number, BaselineInput input, RecordOutcomeBaseline record, GetEngagement get, CancellationToken ct) =>
            Saved(urn, record.RunAsync(urn, number, input.Baseline, input.Version, ct), get, ct)), "RecordOutcomeBaseline", "Record the baseline of an outcome the data does not measure.");
        Write(school.MapPost("/success-indicators", (int urn, SuccessIndicatorInput input, AddSuccessIndicator add, GetEngagement get, CancellationToken ct) =>
            Saved(urn, add.RunAsync(urn, input, ct), get, ct)), "AddSuccessIndicator", "Set an early success indicator: a milestone with its timescale.");
        Write(school.MapPut("/success-indicators/{number:int}", (int urn, int number, SuccessIndicatorInput input, ChangeSuccessIndicator change, GetEngagement get, CancellationToken ct) =>
            Saved(urn, change.RunAsync(urn, number, input, ct), get, ct)), "ChangeSuccessIndicator", "Change an early success indicator with a reason; the old version is kept.");
        Write(school.MapPost("/success-indicators/{number:int}/assessment", (int urn, int number, AssessmentInput input, AssessSuccessIndicator assess, GetEngagement get, CancellationToken ct) =>
            Saved(urn, assess.RunAsync(urn, number, input, ct), get, ct)), "AssessSuccessIndicator", "Record whether an early success indicator was met, with evidence and date.");
        Write(school.MapPost("/activities", (int urn, ActivityInput input, AddActivity add, GetEngagement get, CancellationToken ct) => Saved(urn, add.RunAsync(urn, input, ct), get, ct)),
            "AddActivity", "Plan an activity or intervention, universal or targeted, with its partner.");
        Write(school.MapPost("/answers", (int urn, AnswerInput input, AnswerQuas answer, GetEngagement get, CancellationToken ct) => Saved(urn, answer.RunAsync(urn, input, ct), get, ct)),
            "AnswerQuas", "Answer the QUAS's request for clarification of the stage 4 form (or of an outcome: outcomeNumber).");
        school.MapPost(MoveApi.Route, (int urn, string move, MoveInput input, MoveEngagement make, GetEngagement get, CancellationToken ct) =>
                MoveApi.MakeAsync<EnhancementMove, int, EngagementView>(move, "Healthy Schools record", m => make.RunAsync(urn, m, input, ct), _ => ReadAsync(urn, get, ct)))
            .RequireAuthorization(Policies.HealthySchoolsReader).WithName("MoveHealthySchoolsStage").WithSummary("Make a move of the enhancement model (complete-development-group … submit-to-quas, approve, ask-for-clarification …).").AsMove();
        school.MapPost("/outcomes/{number:int}" + MoveApi.Route, (int urn, int number, string move, MoveInput input, ReviewOutcome make, GetEngagement get, CancellationToken ct) =>
                MoveApi.MakeAsync<OutcomeMove, int, EngagementView>(move, "meaningful outcome", m => make.RunAsync(urn, number, m, input, ct), _ => ReadAsync(urn, get, ct)))
            .RequireAuthorization(Policies.HealthySchoolsReader).WithName("ReviewHealthySchoolsOutcome").WithSummary("Send a met outcome to the QUAS with its evidence (send-as-met), or, for the QUAS, confirm or ask-for-clarification.").AsMove();
        school.MapGet("/documents/{kind}", Document).RequireAuthorization(Policies.HealthySchoolsReader).WithName("HealthySchoolsRecognition")
            .WithSummary("A recognition document as PDF: welcome-letter, acceptance-letter, certificate, congratulations-letter or award (?outcome=n).").ProducesOperationProblems();
        return api;
    }

    public sealed record TextInput(string? Text, int? Version);

    public sealed record BaselineInput(double? Baseline, int? Version);

    private static void Write(RouteHandlerBuilder endpoint, string name, string summary) =>
        endpoint.RequireAuthorization(Policies.HealthySchoolsContributor).WithName(name).WithSummary(summary).ProducesOperationProblems();

    private static async Task<Results<Ok<T>, ValidationProblem, ProblemHttpResult>> Answer<T>(Task<OperationResult<T>> run) =>
        ApiResults.Answer(await run, "Healthy Schools list", v => v);

    private static async Task<Results<Ok<EngagementView>, ProblemHttpResult>> Get(int urn, GetEngagement get, CancellationToken ct)
    {
        var result = await get.RunAsync(urn, ct: ct);
        if (!result.Succeeded) return ApiResults.Failure(result, "school");
        return result.Value!.Engagement is null ? ApiResults.NotFound(EngagementChanges.What) : TypedResults.Ok(Map(result.Value));
    }

    private static async Task<Results<Ok<EngagementView>, ValidationProblem, ProblemHttpResult>> Saved(int urn, Task<OperationResult<int>> run, GetEngagement get, CancellationToken ct) =>
        await ApiResults.SavedAsync(await run, EngagementChanges.What, _ => ReadAsync(urn, get, ct));

    private static async Task<EngagementView?> ReadAsync(int urn, GetEngagement get, CancellationToken ct) =>
        (await get.RunAsync(urn, ct: ct)).Value is { Engagement: not null } v ? Map(v) : null;

    private static async Task<IResult> Document(int urn, string kind, int? outcome, GetRecognition recognition, CancellationToken ct)
    {
        if (!MoveApi.TryParse<RecognitionKind>(kind, out var which)) return ApiResults.NotFound("document");
        var result = await recognition.RunAsync(urn, which, outcome, ct);
        return result.Succeeded ? TypedResults.File(result.Value!.Pdf, "application/pdf", result.Value.FileName) : ApiResults.Failure(result, "document");
    }

    private static EngagementView Map(Core.HealthySchools.EngagementView v)
    {
        var e = v.Engagement!;
        var (met, set) = e.Barometer;
        return new(v.Urn, v.SchoolName, e.Stage.Number(), e.Stage.Title(), e.Stage.Phase().Describe(), e.Cycle, e.EngagedOn, e.ApprovedOn, e.SharedGroupUrn, e.KeyTasks, e.NeedsAnalysisNotes,
            e.Members, [.. e.CurrentPriorities.Select(p => new PriorityView(p.Number, p.Kind.ToString(), p.Title, p.IndicatorId, v.IndicatorNames.GetValueOrDefault(p.IndicatorId)))],
            [.. v.Outcomes.Select(o => new OutcomeView(o.Outcome.Number, o.Outcome.PriorityNumber, o.Outcome.Kind.ToString(), o.Outcome.Description, o.Outcome.TargetGroup,
                o.Outcome.IndicatorId, o.Outcome.PupilGroup?.ToString(), o.Outcome.Baseline, o.Outcome.BaselineYear, o.Outcome.Target, o.Outcome.ByWhen, o.Outcome.EvidencedBy,
                o.Outcome.State.ToString(), o.Current, o.Reached, o.Outcome.ConfirmedOn))],
            e.SuccessIndicators, e.Activities, [.. v.Exchange.Select(x => new ExchangeView(x.Entry.Kind.ToString(), x.Entry.About, x.ByName, x.Entry.At, x.Entry.Text))],
            met, set, e.Version, [.. v.Moves.Select(m => m.Move.Name.ToString())]);
    }
}
