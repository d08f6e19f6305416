using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using SchoolSight.Core;
using SchoolSight.Domain;

namespace SchoolSight.Web.Api;

/// <summary>
/// How the API reports the outcome of a Core operation, as RFC 7807 problem details: 400 with the problems by field,
/// 404 for an unknown record, 409 with the message naming who changed a record since the caller read it, 422 with the
/// rules of the process that stand in the way.
/// </summary>
internal static class ApiResults
{
    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"The {what} could not be found.");

    public static ProblemHttpResult SchoolForbidden() =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "You do not have access to this school.",
            detail: "Your role allows you to see only the schools you are linked to.");

    /// <summary>Problems keyed by the JSON name of the field ("laCode"); a problem with no field is keyed "".</summary>
    public static ValidationProblem Validation(IEnumerable<DomainError> errors) =>
        TypedResults.ValidationProblem(ByField(errors), title: "Some of the values are not right.");

    private static Dictionary<string, string[]> ByField(IEnumerable<DomainError> errors) =>
        errors.GroupBy(e => string.IsNullOrEmpty(e.Field) ? "" : JsonNamingPolicy.CamelCase.ConvertName(e.Field))
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());

    /// <summary>403, 404, 409 or 422 (a rule of the process stands in the way: every problem, by field) for a failed operation; null when the failure is invalid input.</summary>
    public static ProblemHttpResult? Problem<T>(OperationResult<T> result, string what)
    {
        if (result.IsNotFound) return NotFound(what);
        if (result.IsForbidden)
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Your role does not allow this.",
                detail: result.Errors.First(e => e.Kind == ErrorKind.Forbidden).Message);
        if (result.IsConflict)
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: $"The {what} has changed since you read it.",
                detail: result.Errors.First(e => e.Kind == ErrorKind.Conflict).Message);
        if (result.Errors.Any(e => e.Kind == ErrorKind.Rule))
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "The rules of the process do not allow this yet.",
                extensions: new Dictionary<string, object?> { ["errors"] = ByField(result.Errors) });
        return null;
    }

    /// <summary>201 with the new record and its address, or what was wrong.</summary>
    public static async Task<Results<Created<T>, ValidationProblem, ProblemHttpResult>> CreatedAsync<T>(
        OperationResult<int> result, string what, string path, Func<int, Task<T?>> read) where T : class
    {
        if (!result.Succeeded) return Problem(result, what) is { } problem ? problem : Validation(result.Errors);
        return await read(result.Value) is { } created ? TypedResults.Created($"{path}/{result.Value}", created) : NotFound(what);
    }

    /// <summary>200 with the record as saved, or what was wrong.</summary>
    public static async Task<Results<Ok<T>, ValidationProblem, ProblemHttpResult>> SavedAsync<T>(
        OperationResult<int> result, string what, Func<int, Task<T?>> read) where T : class
    {
        if (!result.Succeeded) return Problem(result, what) is { } problem ? problem : Validation(result.Errors);
        return await read(result.Value) is { } saved ? TypedResults.Ok(saved) : NotFound(what);
    }
}
