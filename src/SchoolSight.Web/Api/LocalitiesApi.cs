using Microsoft.AspNetCore.Http.HttpResults;
using SchoolSight.Core.Register;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Api;

/// <summary>The LA's localities and their boards. LA staff read them; LA administrators change them.</summary>
public static class LocalitiesApi
{
    public static RouteGroupBuilder MapLocalitiesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/localities", List)
            .RequireAuthorization(Policies.LaStaff)
            .WithName("ListLocalities").WithTags("Localities")
            .WithSummary("The localities with their boards and how many of the schools you may see are in each.");
        api.MapGet("/localities/{id:int}", Get)
            .RequireAuthorization(Policies.LaStaff)
            .WithName("GetLocality").WithTags("Localities")
            .WithSummary("A locality with its board and its schools (those you may see).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/localities", Create)
            .RequireAuthorization(Policies.LaAdministrator)
            .WithName("CreateLocality").WithTags("Localities")
            .WithSummary("Add a locality (LA administrators).")
            .ProducesOperationProblems();
        api.MapPut("/localities/{id:int}", Edit)
            .RequireAuthorization(Policies.LaAdministrator)
            .WithName("EditLocality").WithTags("Localities")
            .WithSummary("Rename a locality or change its board (LA administrators).")
            .WithDescription("Send the version you read. If the locality has been changed since, the answer is 409 and nothing is saved.")
            .ProducesOperationProblems();
        return api;
    }

    private static async Task<Ok<IReadOnlyList<ListLocalities.Row>>> List(ListLocalities list, CancellationToken ct) =>
        TypedResults.Ok(await list.RunAsync(ct));

    private static async Task<Results<Ok<GetLocality.Details>, ProblemHttpResult>> Get(int id, GetLocality get, CancellationToken ct) =>
        await get.RunAsync(id, ct) is { } locality ? TypedResults.Ok(locality) : ApiResults.NotFound("locality");

    private static async Task<Results<Created<GetLocality.Details>, ValidationProblem, ProblemHttpResult>> Create(
        LocalityInput input, CreateLocality create, GetLocality get, CancellationToken ct) =>
        await ApiResults.CreatedAsync(await create.RunAsync(input, ct), "locality", "/api/v1/localities", id => get.RunAsync(id, ct));

    private static async Task<Results<Ok<GetLocality.Details>, ValidationProblem, ProblemHttpResult>> Edit(
        int id, LocalityInput input, EditLocality edit, GetLocality get, CancellationToken ct) =>
        await ApiResults.SavedAsync(await edit.RunAsync(id, input, ct), "locality", i => get.RunAsync(i, ct));
}
