using Microsoft.AspNetCore.Http.HttpResults;
using SchoolSight.Core.Home;

namespace SchoolSight.Web.Api;

/// <summary>What needs the signed-in user today: the items of their home page, for scripts and other front ends.</summary>
public static class HomeApi
{
    public static RouteGroupBuilder MapHomeApi(this RouteGroupBuilder api)
    {
        api.MapGet("/home", Get)
            .WithName("GetHome").WithTags("Home")
            .WithSummary("What needs you today: decisions waiting for you, deadlines overdue or due in the next two weeks, your schools whose level or data changed since you last signed in, failed imports; for school users and governors, their school.")
            .WithDescription("The items are in the home page's order: the most urgent first, then deadlines nearest first, then the newest first. Each has the path of the page where it is done.");
        return api;
    }

    private static async Task<Ok<HomePage>> Get(GetHomePage home, CancellationToken ct) => TypedResults.Ok(await home.RunAsync(ct));
}
