using Microsoft.AspNetCore.Http.HttpResults;
using SchoolSight.Core.Register;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Api;

/// <summary>Clusters, networks and learning communities with their members. LA staff read them; LA administrators change them.</summary>
public static class ClustersApi
{
    public static RouteGroupBuilder MapClustersApi(this RouteGroupBuilder api)
    {
        api.MapGet("/clusters", List)
            .RequireAuthorization(Policies.LaStaff)
            .WithName("ListClusters").WithTags("Clusters")
            .WithSummary("The clusters, networks and learning communities, with how many of the schools you may see are members.");
        api.MapGet("/clusters/{id:int}", Get)
            .RequireAuthorization(Policies.LaStaff)
            .WithName("GetCluster").WithTags("Clusters")
            .WithSummary("A cluster with its member schools (those you may see).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/clusters", Create)
            .RequireAuthorization(Policies.LaAdministrator)
            .WithName("CreateCluster").WithTags("Clusters")
            .WithSummary("Add a cluster, network or learning community, with first members in addUrns (LA administrators).")
            .ProducesOperationProblems();
        api.MapPut("/clusters/{id:int}", Edit)
            .RequireAuthorization(Policies.LaAdministrator)
            .WithName("EditCluster").WithTags("Clusters")
            .WithSummary("Change a cluster's name, kind and purpose; add members (addUrns) and remove members (removeUrns) (LA administrators).")
            .WithDescription("Send the version you read. If the cluster has been changed since (members included), the answer is 409 and nothing is saved.")
            .ProducesOperationProblems();
        return api;
    }

    private static async Task<Ok<IReadOnlyList<ListClusters.Row>>> List(ListClusters list, CancellationToken ct) =>
        TypedResults.Ok(await list.RunAsync(ct));

    private static async Task<Results<Ok<GetCluster.Details>, ProblemHttpResult>> Get(int id, GetCluster get, CancellationToken ct) =>
        await get.RunAsync(id, ct) is { } cluster ? TypedResults.Ok(cluster) : ApiResults.NotFound("cluster");

    private static async Task<Results<Created<GetCluster.Details>, ValidationProblem, ProblemHttpResult>> Create(
        ClusterInput input, CreateCluster create, GetCluster get, CancellationToken ct) =>
        await ApiResults.CreatedAsync(await create.RunAsync(input, ct), "cluster", "/api/v1/clusters", id => get.RunAsync(id, ct));

    private static async Task<Results<Ok<GetCluster.Details>, ValidationProblem, ProblemHttpResult>> Edit(
        int id, ClusterInput input, EditCluster edit, GetCluster get, CancellationToken ct) =>
        await ApiResults.SavedAsync(await edit.RunAsync(id, input, ct), "cluster", i => get.RunAsync(i, ct));
}
