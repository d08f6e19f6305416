using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using SchoolSight.Core;

namespace SchoolSight.Web.Api;

/// <summary>The body of a move: the reason for it, and the version of the record the caller decided on.</summary>
public record MoveRequest(string? Reason, int Version);

/// <summary>
/// The one API shape for making a move of any workflow: <c>POST …/moves/{move}</c> with <see cref="MoveRequest"/>,
/// the move named as in the workflow ("AgreeEntry") or in kebab case ("agree-entry"). It answers 200 with the record
/// as it now stands, 422 with every rule that stands in the way, 403 when the role may not make the move, 409 when the
/// record changed since the caller read it, and 404 for an unknown record or move.
/// </summary>
internal static partial class MoveApi
{
    public const string Route = "/moves/{move}";

    /// <summary>Documents an endpoint as a move: what to send and every answer it may give.</summary>
    public static RouteHandlerBuilder AsMove(this RouteHandlerBuilder endpoint) => endpoint
        .WithDescription("Send the reason and the version of the record you read. 200 answers the record as it now stands; 422 lists every rule that stands in the way; " +
            "403: your role may not make this move; 409: the record changed since you read it; 404: no such record or move.")
        .ProducesOperationProblems();

    /// <summary>Reads the move named in the route, in the workflow's own spelling or in kebab case.</summary>
    public static bool TryParse<TMove>(string name, out TMove move) where TMove : struct, Enum =>
        Enum.TryParse(Dashes().Replace(name, m => m.Groups[1].Value.ToUpperInvariant()), ignoreCase: true, out move) && Enum.IsDefined(move);

    public static ProblemHttpResult UnknownMove(string subject) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"That is not a move a {subject} can make.");

    /// <summary>Makes the move named <paramref name="name"/> with <paramref name="make"/>, and answers in the one shape.</summary>
    public static async Task<Results<Ok<T>, ValidationProblem, ProblemHttpResult>> MakeAsync<TMove, TResult, T>(string name, string subject,
        Func<TMove, Task<OperationResult<TResult>>> make, Func<TResult, Task<T?>> read) where TMove : struct, Enum where T : class
    {
        if (!TryParse<TMove>(name, out var move)) return UnknownMove(subject);
        var result = await make(move);
        if (!result.Succeeded) return ApiResults.Problem(result, subject) is { } problem ? problem : ApiResults.Validation(result.Errors);
        return await read(result.Value!) is { } saved ? TypedResults.Ok(saved) : ApiResults.NotFound(subject);
    }

    [GeneratedRegex("-([a-z])")]
    private static partial Regex Dashes();
}
