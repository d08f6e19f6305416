using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using SchoolSight.Core.Register;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Api;

/// <summary>The school register: find schools, read a profile, add and change schools. Same rules as the pages.</summary>
public static class SchoolsApi
{
    public static RouteGroupBuilder MapSchoolsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/schools", List)
            .RequireAuthorization(Policies.RegisterReader)
            .WithName("ListSchools").WithTags("Schools")
            .WithSummary("Find schools by name or URN, filtered by phase, type, locality and status; 25 a page.")
            .WithDescription("Only the schools you may see are listed. Sort is Name, Urn, Phase, Pupils or Locality; order is Asc or Desc.");
        api.MapGet("/schools/{urn:int}", Get)
            .RequireAuthorization(Policies.RegisterReader)
            .WithName("GetSchool").WithTags("Schools")
            .WithSummary("A school's profile: GIAS details, locality, clusters, version and last change.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/schools", Create)
            .RequireAuthorization(Policies.LaAdministrator)
            .WithName("CreateSchool").WithTags("Schools")
            .WithSummary("Add a school to the register (LA administrators).")
            .ProducesOperationProblems();
        api.MapPut("/schools/{urn:int}", Edit)
            .RequireAuthorization(Policies.LaAdministrator)
            .WithName("EditSchool").WithTags("Schools")
            .WithSummary("Change a school's details, locality and clusters (LA administrators).")
            .WithDescription("Send the version you read. If the school has been changed since, the answer is 409 and nothing is saved. Leave clusterIds out to keep the memberships as they are.")
            .ProducesOperationProblems();
        return api;
    }

    private static async Task<Ok<ListSchools.Result>> List([AsParameters] ListSchools.Query query, ListSchools list, CancellationToken ct) =>
        TypedResults.Ok(await list.RunAsync(query, ct));

    private static async Task<Results<Ok<GetSchoolProfile.Profile>, ProblemHttpResult>> Get(
        int urn, ClaimsPrincipal user, IAuthorizationService authorization, GetSchoolProfile get, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(user, new SchoolResource(urn), SchoolOperations.Read)).Succeeded) return ApiResults.SchoolForbidden();
        return await get.RunAsync(urn, ct) is { } profile ? TypedResults.Ok(profile) : ApiResults.NotFound("school");
    }

    private static async Task<Results<Created<GetSchoolProfile.Profile>, ValidationProblem, ProblemHttpResult>> Create(
        SchoolInput input, CreateSchool create, GetSchoolProfile get, CancellationToken ct) =>
        await ApiResults.CreatedAsync(await create.RunAsync(input, ct), "school", "/api/v1/schools", urn => get.RunAsync(urn, ct));

    private static async Task<Results<Ok<GetSchoolProfile.Profile>, ValidationProblem, ProblemHttpResult>> Edit(
        int urn, SchoolInput input, ClaimsPrincipal user, IAuthorizationService authorization, EditSchool edit, GetSchoolProfile get, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(user, new SchoolResource(urn), SchoolOperations.Edit)).Succeeded) return ApiResults.SchoolForbidden();
        return await ApiResults.SavedAsync(await edit.RunAsync(urn, input, ct), "school", u => get.RunAsync(u, ct));
    }
}
