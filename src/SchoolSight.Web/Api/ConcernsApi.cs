using Microsoft.AspNetCore.Http.HttpResults;
using SchoolSight.Core.Categorisation;
using SchoolSight.Domain.Categorisation;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Api;

/// <summary>
/// The LA's safeguarding and management or governance concerns about a school: LA officers and the school's SIP only
/// (closing: LA officers). A school outside the caller's schools is not found.
/// </summary>
public static class ConcernsApi
{
    public sealed record ConcernDetails(int Id, int Urn, string Kind, string KindName, bool Open, DateOnly RaisedOn, string Summary, string RaisedBy, string RaisedByName,
        DateOnly? ClosedOn, string? ClosedReason, string? ClosedBy, string? ClosedByName, int Version);

    public static RouteGroupBuilder MapConcernsApi(this RouteGroupBuilder api)
    {
        const string path = "/schools/{urn:int}/concerns";
        var group = api.MapGroup(path).WithTags("Categorisation");
        api.MapGet(path, List).WithTags("Categorisation").RequireAuthorization(Policies.ConcernKeeper).WithName("ListSchoolConcerns")
            .WithSummary("A school's concerns recorded by the LA, open ones first.")
            .ProducesOperationProblems();
        group.MapGet("/{id:int}", Get).RequireAuthorization(Policies.ConcernKeeper).WithName("GetSchoolConcern")
            .ProducesOperationProblems();
        api.MapPost(path, Record).WithTags("Categorisation").RequireAuthorization(Policies.ConcernKeeper).WithName("RecordSchoolConcern")
            .WithSummary("Record a concern: {\"kind\":\"safeguarding\",\"raisedOn\":\"2026-11-02\",\"summary\":\"...\"} (kind safeguarding or management-or-governance).")
            .ProducesOperationProblems();
        group.MapPost("/{id:int}/close", Close).RequireAuthorization(Policies.ConcernCloser).WithName("CloseSchoolConcern")
            .WithSummary("Close an open concern with the date and the reason; send the concern's version (409 when someone changed it since).")
            .ProducesOperationProblems();
        return api;
    }

    private static async Task<Results<Ok<IReadOnlyList<ConcernDetails>>, ProblemHttpResult>> List(int urn, GetConcerns get, CancellationToken ct)
    {
        var result = await get.RunAsync(urn, ct);
        return result.Succeeded
            ? TypedResults.Ok<IReadOnlyList<ConcernDetails>>([.. result.Value!.Open.Concat(result.Value.Closed).Select(c => Map(urn, c))])
            : ApiResults.Failure(result, "school");
    }

    private static async Task<Results<Ok<ConcernDetails>, ProblemHttpResult>> Get(int urn, int id, GetConcerns get, CancellationToken ct)
    {
        var result = await get.RunAsync(urn, ct);
        if (!result.Succeeded) return ApiResults.Failure(result, "school");
        return result.Value!.Find(id) is { } c ? TypedResults.Ok(Map(urn, c)) : ApiResults.NotFound("concern");
    }

    private static async Task<Results<Created<ConcernDetails>, ValidationProblem, ProblemHttpResult>> Record(int urn, ConcernInput input, RecordConcern record, GetConcerns get, CancellationToken ct) =>
        await ApiResults.CreatedAsync(await record.RunAsync(urn, input, ct), "school", $"/api/v1/schools/{urn}/concerns", id => Read(urn, id, get, ct));

    private static async Task<Results<Ok<ConcernDetails>, ValidationProblem, ProblemHttpResult>> Close(int urn, int id, CloseConcernInput input, CloseConcern close, GetConcerns get, CancellationToken ct) =>
        await ApiResults.SavedAsync(await close.RunAsync(urn, id, input, ct), "concern", i => Read(urn, i, get, ct));

    private static async Task<ConcernDetails?> Read(int urn, int id, GetConcerns get, CancellationToken ct) =>
        (await get.RunAsync(urn, ct)).Value?.Find(id) is { } c ? Map(urn, c) : null;

    private static ConcernDetails Map(int urn, ConcernView c) =>
        new(c.Id, urn, c.Kind.Slug(), c.Kind.Describe(), c.IsOpen, c.RaisedOn, c.Summary, c.RaisedBy, c.RaisedByName, c.ClosedOn, c.ClosedReason, c.ClosedBy, c.ClosedByName, c.Version);
}
