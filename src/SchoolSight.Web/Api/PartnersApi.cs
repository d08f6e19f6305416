using Microsoft.AspNetCore.Http.HttpResults;
using SchoolSight.Core.Register;
using SchoolSight.Domain.Register;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Api;

/// <summary>Partner agencies and their contact details. Everyone signed in reads them; LA administrators change them.</summary>
public static class PartnersApi
{
    public static RouteGroupBuilder MapPartnersApi(this RouteGroupBuilder api)
    {
        api.MapGet("/partners", List)
            .RequireAuthorization(Policies.SignedIn)
            .WithName("ListPartners").WithTags("Partners")
            .WithSummary("Partner agencies and providers, optionally of one kind, with contact details and validation notes.");
        api.MapGet("/partners/{id:int}", Get)
            .RequireAuthorization(Policies.SignedIn)
            .WithName("GetPartner").WithTags("Partners")
            .WithSummary("One partner with its contact details, version and last change.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/partners", Create)
            .RequireAuthorization(Policies.LaAdministrator)
            .WithName("CreatePartner").WithTags("Partners")
            .WithSummary("Add a partner (LA administrators).")
            .ProducesOperationProblems();
        api.MapPut("/partners/{id:int}", Edit)
            .RequireAuthorization(Policies.LaAdministrator)
            .WithName("EditPartner").WithTags("Partners")
            .WithSummary("Change a partner's details (LA administrators).")
            .WithDescription("Send the version you read. If the partner has been changed since, the answer is 409 and nothing is saved.")
            .ProducesOperationProblems();
        return api;
    }

    private static async Task<Ok<IReadOnlyList<ListPartners.Row>>> List(PartnerKind? kind, ListPartners list, CancellationToken ct) =>
        TypedResults.Ok(await list.RunAsync(kind, ct));

    private static async Task<Results<Ok<GetPartner.Details>, ProblemHttpResult>> Get(int id, GetPartner get, CancellationToken ct) =>
        await get.RunAsync(id, ct) is { } partner ? TypedResults.Ok(partner) : ApiResults.NotFound("partner");

    private static async Task<Results<Created<GetPartner.Details>, ValidationProblem, ProblemHttpResult>> Create(
        PartnerInput input, CreatePartner create, GetPartner get, CancellationToken ct) =>
        await ApiResults.CreatedAsync(await create.RunAsync(input, ct), "partner", "/api/v1/partners", id => get.RunAsync(id, ct));

    private static async Task<Results<Ok<GetPartner.Details>, ValidationProblem, ProblemHttpResult>> Edit(
        int id, PartnerInput input, EditPartner edit, GetPartner get, CancellationToken ct) =>
        await ApiResults.SavedAsync(await edit.RunAsync(id, input, ct), "partner", i => get.RunAsync(i, ct));
}
