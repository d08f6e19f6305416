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
    public sealed record PriorityView(int Number, string Kind, string Title, string IndicatorId, string? IndicatorName, string? NoServiceAvailable);

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
        la.MapGet("/report", (int? year, int? locality, GetQuasReport report, CancellationToken ct) => Answer(report.RunAsync(new QuasReportFilter(year, locality), ct)))
            .RequireAuthorization(Policies.QuasReportReader).WithName("QuasReport")
            .WithSummary("The QUAS report (?year=2025&locality=id): recruitment and stage reached by school, locality and cluster; approvals waiting and for how long; outcomes met; recurring priorities and those with no service.")
            .ProducesOperationProblems();
        la.MapGet("/local-priorities", async (ListLocalPriorities list, CancellationToken ct) => TypedResults.Ok(await list.RunAsync(ct)))
            .RequireAuthorization(Policies.HealthySchoolsReader).WithName("ListLocalPriorities").WithSummary("The LA's current local priorities, each with its indicator.");
        la.MapPost("/local-priorities", async (LocalPriorityInput input, AddLocalPriority add, CancellationToken ct) => ApiResults.Answer(await add.RunAsync(input, ct), "local priority", id => new { id }))
            .RequireAuthorization(Policies.HealthySchoolsCoordinator).WithName("AddLocalPriority").WithSummary("Add a local priority: {\"title\":…,\"indicatorId\":…,\"source\":…}.").ProducesOperationProblems();

        la.MapGet("/moderation-draws", async (ListModerationDraws list, CancellationToken ct) => TypedResults.Ok(await list.RunAsync(ct)))
            .RequireAuthorization(Policies.HealthySchoolsLaReader).WithName("ListModerationDraws").WithSummary("Every year's draw of annual reviews for moderation: seed, method, schools drawn, moderators and outcomes.");
        la.MapPost("/moderation-draws", async (ModerationDrawInput input, DrawModerationSample draw, CancellationToken ct) => ApiResults.Answer(await draw.RunAsync(input, ct), "moderation draw", d => d))
            .RequireAuthorization(Policies.HealthySchoolsModerationDraw).WithName("DrawModerationSample")
            .WithSummary("Draw the year's self-validated annual reviews for moderation: {\"year\":2026,\"seed\":12345} (both optional).").ProducesOperationProblems();

        var school = api.MapGroup("/schools/{urn:int}/healthy-schools").WithTags("Healthy Schools");
        school.MapGet("/annual-review", AnnualReview).RequireAuthorization(Policies.HealthySchoolsReader).WithName("GetHealthySchoolsAnnualReview")
            .WithSummary("The school's status, joining pathway and annual review of a year (?year=2026): criteria, confirmations, moderation.").ProducesOperationProblems();
        school.MapPut("/status", async (int urn, StatusInput input, RecordStatus record, GetAnnualReview get, CancellationToken ct) =>
                await ApiResults.SavedAsync(await record.RunAsync(urn, input, ct), RecordStatus.What, _ => ReadReviewAsync(urn, null, get, ct)))
            .RequireAuthorization(Policies.HealthySchoolsCoordinator).WithName("RecordHealthySchoolStatus")
            .WithSummary("Record the school's status: {\"achievedOn\"} (achieved or renewed) or {\"lapsedOn\"}, with the version.").ProducesOperationProblems();
        Write(school.MapPost("/annual-review/criteria", async (int urn, CriterionInput input, ConfirmCriterion confirm, GetAnnualReview get, CancellationToken ct) =>
                await ApiResults.SavedAsync(await confirm.RunAsync(urn, input, null, ct), ReviewChanges.What, _ => ReadReviewAsync(urn, input.Year, get, ct))),
            "ConfirmReviewCriterion", "Confirm a criterion of the annual review with its evidence: {\"criterionId\",\"evidence\",\"year\",\"version\"}.");
        Write(school.MapPost("/annual-review/self-validation", async (int urn, YearInput input, SelfValidateReview validate, GetAnnualReview get, CancellationToken ct) =>
                await ApiResults.SavedAsync(await validate.RunAsync(urn, input.Year, input.Version, ct), ReviewChanges.What, _ => ReadReviewAsync(urn, input.Year, get, ct))),
            "SelfValidateReview", "Self-validate the annual review once every criterion is confirmed: {\"year\",\"version\"}.");
        school.MapPost("/annual-review/moderation", async (int urn, ModerationInput input, RecordModeration record, GetAnnualReview get, CancellationToken ct) =>
                await ApiResults.SavedAsync(await record.RunAsync(urn, input, ct), ReviewChanges.What, _ => ReadReviewAsync(urn, input.Year, get, ct)))
            .RequireAuthorization(Policies.HealthySchoolsPanel).WithName("RecordModeration")
            .WithSummary("The panel member a drawn review is assigned to records the outcome: {\"outcome\":\"Agreed\"|\"NotAgreed\",\"comments\",\"year\",\"version\"}.").ProducesOperationProblems();
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
        Write(school.MapPut("/priorities/{number:int}/no-service", (int urn, int number, NoServiceInput input, ReportNoService report, GetEngagement get, CancellationToken ct) =>
            Saved(urn, report.RunAsync(urn, input with { PriorityNumber = number }, ct), get, ct)), "ReportNoService",
            "Say no service or partner is available to work with on a priority: {\"note\":\"what the school looked for\",\"version\"}; an empty note withdraws it.");
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

    public sealed record YearInput(int? Year, int? Version);

    public sealed record ReviewView(int Urn, string School, int Year, string StatusName, int RenewalYears, DateOnly? AchievedOn, DateOnly? LapsesOn, bool StatusCurrent,
        string? Pathway, string PathwayTitle, bool MayJoin, string JoiningReason, string CriteriaVersion, DateOnly DueOn,
        IReadOnlyList<ThemeView> Themes, DateOnly? SelfValidatedOn, string? Moderator, string? ModerationOutcome, string? ModerationComments, int? Version);

    public sealed record ThemeView(string Id, string Name, IReadOnlyList<CriterionView> Criteria);

    public sealed record CriterionView(string Id, string Text, bool Confirmed, string? Evidence, DateOnly? ConfirmedOn);

    private static async Task<Results<Ok<ReviewView>, ProblemHttpResult>> AnnualReview(int urn, int? year, GetAnnualReview get, CancellationToken ct)
    {
        var result = await get.RunAsync(urn, year, ct);
        return result.Succeeded ? TypedResults.Ok(MapReview(result.Value!)) : ApiResults.Failure(result, "school");
    }

    private static async Task<ReviewView?> ReadReviewAsync(int urn, int? year, GetAnnualReview get, CancellationToken ct) =>
        (await get.RunAsync(urn, year, ct)).Value is { } v ? MapReview(v) : null;

    private static ReviewView MapReview(AnnualReviewView v) => new(v.Urn, v.SchoolName, v.Year, v.Settings.StatusName, v.Settings.RenewalYears, v.Status?.AchievedOn, v.LapsesOn,
        v.StatusCurrent, v.Joining.Pathway?.ToString(), v.Joining.PathwayTitle, v.Joining.MayJoin, v.Joining.Reason, v.Review?.CriteriaVersion ?? v.Criteria.Version, v.DueOn,
        [.. v.Criteria.Themes.Select(t => new ThemeView(t.Id, t.Name, [.. t.Criteria.Select(c => v.Review?.ConfirmationOf(c.Id) is { } done
            ? new CriterionView(c.Id, c.Text, true, done.Evidence, done.On) : new CriterionView(c.Id, c.Text, false, null, null))]))],
        v.Review?.SelfValidatedOn, v.Review?.Moderator is { } m ? v.Who(m) : null, v.Review?.ModerationOutcome?.ToString(), v.Review?.ModerationComments, v.Review?.Version);

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
            e.Members, [.. e.CurrentPriorities.Select(p => new PriorityView(p.Number, p.Kind.ToString(), p.Title, p.IndicatorId, v.IndicatorNames.GetValueOrDefault(p.IndicatorId), p.NoServiceAvailable))],
            [.. v.Outcomes.Select(o => new OutcomeView(o.Outcome.Number, o.Outcome.PriorityNumber, o.Outcome.Kind.ToString(), o.Outcome.Description, o.Outcome.TargetGroup,
                o.Outcome.IndicatorId, o.Outcome.PupilGroup?.ToString(), o.Outcome.Baseline, o.Outcome.BaselineYear, o.Outcome.Target, o.Outcome.ByWhen, o.Outcome.EvidencedBy,
                o.Outcome.State.ToString(), o.Current, o.Reached, o.Outcome.ConfirmedOn))],
            e.SuccessIndicators, e.Activities, [.. v.Exchange.Select(x => new ExchangeView(x.Entry.Kind.ToString(), x.Entry.About, x.ByName, x.Entry.At, x.Entry.Text))],
            met, set, e.Version, [.. v.Moves.Select(m => m.Move.Name.ToString())]);
    }
}
