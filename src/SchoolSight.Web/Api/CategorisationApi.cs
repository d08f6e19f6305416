using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using SchoolSight.Core.Access;
using SchoolSight.Core.Categorisation;
using SchoolSight.Domain;
using SchoolSight.Domain.Categorisation;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Api;

/// <summary>
/// Levels of support and intervention: proposals and their explanations, SMT decisions, each school's level and
/// history, and the rule sets with their what-if preview. The same roles and school scope as the pages.
/// </summary>
public static class CategorisationApi
{
    /// <param name="DecidedBy">The sign-in name stored with the decision (kept for existing clients).</param>
    /// <param name="DecidedByName">Who decided as users see them: name · role.</param>
    public sealed record DecisionView(long Id, LevelOfSupport Level, LevelOfSupport? PreviousLevel, LevelOfSupport? ProposedLevel, bool AgreedWithProposal,
        string RuleSetVersion, IReadOnlyList<string> Reasons, string DecidedBy, string DecidedByRole, DateTime DecidedAt, string Reason, string DecidedByName);

    public sealed record SchoolLevel(int Urn, string School, DecisionView? Current, IReadOnlyList<DecisionView> History, long? OpenProposalId);

    public sealed record ProposalView(long Id, int Urn, string School, LevelOfSupport? AgreedLevel, LevelOfSupport ProposedLevel, bool NeedsReview,
        ProposalStatus Status, string RuleSetVersion, DateTime ProposedAt, int Version, ProposalExplanation? Explanation);

    public sealed record DecisionInput(int Version, LevelOfSupport? Level, string? Reason);

    public sealed record AdoptInput(string? Reason);

    /// <summary>A move on a proposal: <see cref="MoveRequest"/>, with the level when the SMT sets another.</summary>
    public sealed record LevelMoveRequest(string? Reason, int Version, LevelOfSupport? Level = null) : MoveRequest(Reason, Version);

    public static RouteGroupBuilder MapCategorisationApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/categorisation").WithTags("Levels of support");
        group.MapGet("/proposals", Proposals).RequireAuthorization(Policies.CategorisationReader).WithName("ListLevelProposals")
            .WithSummary("Open proposals, schools that would change level first.")
            .ProducesOperationProblems();
        group.MapPost("/proposals", Propose).RequireAuthorization(Policies.CategorisationReader).WithName("ProposeLevels")
            .WithSummary("Apply the adopted criteria to every open school (add ?urn= for one school). Unchanged proposals are kept.")
            .ProducesOperationProblems();
        group.MapGet("/proposals/{id:long}", Proposal).RequireAuthorization(Policies.CategorisationReader).WithName("GetLevelProposal")
            .WithSummary("A proposal with every rule that fired, its evidence and dates, and the missing evidence.")
            .ProducesOperationProblems();
        group.MapPost("/proposals/{id:long}/decision", Decide).RequireAuthorization(Policies.CategorisationReader).WithName("DecideLevel")
            .WithSummary("SMT only: agree the proposed level (no level) or set another with a reason; send the proposal's version (409 if it changed).")
            .ProducesOperationProblems();
        group.MapPost("/proposals/{id:long}" + MoveApi.Route, MakeMove).RequireAuthorization(Policies.CategorisationReader).WithName("MakeLevelProposalMove")
            .WithSummary("SMT: agree the proposed level (agree), or set another (set-another-level, naming the level), with a reason.")
            .AsMove();
        group.MapGet("/rulesets", RuleSetsList).RequireAuthorization(Policies.CategorisationReader).WithName("ListRuleSets")
            .ProducesOperationProblems();
        group.MapPost("/rulesets", Upload).RequireAuthorization(Policies.RuleEditor).WithName("UploadRuleSet")
            .WithSummary("Upload a rule set file (the YAML as the request body). Every problem comes back with its line and column; nothing is stored unless the whole file passes.")
            .ProducesOperationProblems();
        group.MapGet("/rulesets/{id:long}/preview", Preview).RequireAuthorization(Policies.CategorisationReader).WithName("PreviewRuleSet")
            .WithSummary("What if this version were adopted: the schools whose proposal would change, which way and why.")
            .ProducesOperationProblems();
        group.MapPost("/rulesets/{id:long}/adopt", Adopt).RequireAuthorization(Policies.RuleEditor).WithName("AdoptRuleSet")
            .WithSummary("LA administrator or SMT: adopt this version, with a reason.")
            .ProducesOperationProblems();
        api.MapGet("/schools/{urn:int}/level", Level).RequireAuthorization(Policies.SchoolLevelReader).WithTags("Levels of support").WithName("GetSchoolLevel")
            .WithSummary("A school's agreed level of support, its reasons and its history.")
            .ProducesOperationProblems();
        return api;
    }

    private static DecisionView DecisionOf(SchoolLevelDecision d, Func<string?, string> nameOf) => new(d.Id, d.Level, d.PreviousLevel, d.ProposedLevel, d.AgreedWithProposal,
        d.RuleSetVersion, d.ReasonLines, d.DecidedBy, d.DecidedByRole.ToString(), d.DecidedAt, d.Reason, nameOf(d.DecidedBy));

    private static async Task<Results<Ok<IReadOnlyList<ProposalView>>, ValidationProblem, ProblemHttpResult>> Proposals(GetProposals get, CancellationToken ct) =>
        ApiResults.Answer(await get.OverviewAsync(ct), "proposals", o => (IReadOnlyList<ProposalView>)[.. o.OpenProposals.Select(p => new ProposalView(p.Id, p.Urn,
            p.SchoolName, p.CurrentLevel, p.ProposedLevel, p.NeedsReview, ProposalStatus.Open, o.Adopted?.Version ?? "", p.ProposedAt, p.Version, null))]);

    private static async Task<Results<Ok<ProposalRun>, ValidationProblem, ProblemHttpResult>> Propose(int? urn, ProposeLevels propose, CancellationToken ct)
    {
        var result = await propose.RunAsync(urn, ct);
        if (result.Succeeded) return TypedResults.Ok(result.Value!);
        return ApiResults.Problem(result, "school") is { } problem ? problem : ApiResults.Validation(result.Errors);
    }

    private static async Task<Results<Ok<ProposalView>, ValidationProblem, ProblemHttpResult>> Proposal(long id, GetProposals get, CancellationToken ct) =>
        ApiResults.Answer(await get.DetailAsync(id, ct), "proposal", ViewOf);

    private static ProposalView ViewOf(ProposalDetail d) => new(d.Proposal.Id, d.Proposal.Urn, d.SchoolName, d.Current?.Level, d.Proposal.ProposedLevel,
        d.Proposal.NeedsReview, d.Proposal.Status, d.Proposal.RuleSetVersion, d.Proposal.ProposedAt, d.Proposal.Version, d.Explanation);

    private static async Task<Results<Ok<DecisionView>, ValidationProblem, ProblemHttpResult>> Decide(long id, DecisionInput input, AgreeLevel agree, PeopleNames people, CancellationToken ct)
    {
        var result = await agree.RunAsync(new LevelDecisionInput(id, input.Version, input.Level, input.Reason), ct);
        if (result.Succeeded) return TypedResults.Ok(DecisionOf(result.Value!, await people.ResolverAsync(ct)));
        return ApiResults.Problem(result, "proposal") is { } problem ? problem : ApiResults.Validation(result.Errors);
    }

    private static Task<Results<Ok<ProposalView>, ValidationProblem, ProblemHttpResult>> MakeMove(long id, string move, LevelMoveRequest request, AgreeLevel agree, GetProposals get, CancellationToken ct) =>
        MoveApi.MakeAsync<LevelProposalMove, SchoolLevelDecision, ProposalView>(move, "proposal",
            m => m == LevelProposalMove.SetAnotherLevel && request.Level is null
                ? Task.FromResult(Core.OperationResult<SchoolLevelDecision>.Fail(new DomainError("level.level", "Choose the level to set", "Level")))
                : agree.RunAsync(new LevelDecisionInput(id, request.Version, m == LevelProposalMove.Agree ? null : request.Level, request.Reason), ct),
            async _ => (await get.DetailAsync(id, ct)).Value is { } d ? ViewOf(d) : null);

    private static async Task<Results<Ok<SchoolLevel>, ProblemHttpResult>> Level(int urn, GetSchoolLevel get, PeopleNames people, IAuthorizationService authorization, HttpContext http, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(http.User, new SchoolResource(urn), SchoolOperations.Read)).Succeeded) return ApiResults.NotFound("school");
        var level = await get.RunAsync(urn, ct);
        if (!level.Succeeded) return ApiResults.Failure(level, "school");
        var v = level.Value!;
        var nameOf = await people.ResolverAsync(ct);
        return TypedResults.Ok(new SchoolLevel(v.Urn, v.SchoolName, v.Current is null ? null : DecisionOf(v.Current, nameOf), [.. v.History.Select(d => DecisionOf(d, nameOf))], v.OpenProposalId));
    }

    private static async Task<Results<Ok<IReadOnlyList<RuleSetSummary>>, ValidationProblem, ProblemHttpResult>> RuleSetsList(ManageRuleSets manage, CancellationToken ct) =>
        ApiResults.Answer(await manage.ListAsync(ct), "rule sets", list => list);

    private static async Task<Results<Created<RuleSetSummary>, ValidationProblem, ProblemHttpResult>> Upload(HttpRequest request, ManageRuleSets manage, CancellationToken ct)
    {
        var result = await manage.UploadAsync(request.Body, ct);
        if (!result.Succeeded) return ApiResults.Problem(result, "rule set") is { } problem ? problem : ApiResults.Validation(result.Errors);
        var r = result.Value!;
        return TypedResults.Created($"/api/v1/categorisation/rulesets/{r.Id}", new RuleSetSummary(r.Id, r.Version, r.Name, r.Status, r.UploadedBy, r.UploadedAt, r.AdoptedBy, r.AdoptedAt, 0));
    }

    private static async Task<Results<Ok<WhatIf>, ValidationProblem, ProblemHttpResult>> Preview(long id, PreviewRuleSet preview, CancellationToken ct)
    {
        var result = await preview.RunAsync(id, ct);
        if (result.Succeeded) return TypedResults.Ok(result.Value!);
        return ApiResults.Problem(result, "rule set") is { } problem ? problem : ApiResults.Validation(result.Errors);
    }

    private static async Task<Results<Ok<RuleSetSummary>, ValidationProblem, ProblemHttpResult>> Adopt(long id, AdoptInput input, ManageRuleSets manage, CancellationToken ct)
    {
        var result = await manage.AdoptAsync(id, input.Reason, ct);
        if (!result.Succeeded) return ApiResults.Problem(result, "rule set") is { } problem ? problem : ApiResults.Validation(result.Errors);
        var r = result.Value!;
        return TypedResults.Ok(new RuleSetSummary(r.Id, r.Version, r.Name, r.Status, r.UploadedBy, r.UploadedAt, r.AdoptedBy, r.AdoptedAt, 0));
    }
}
