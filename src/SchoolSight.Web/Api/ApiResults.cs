using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using SchoolSight.Core;
using SchoolSight.Domain;

namespace SchoolSight.Web.Api;

/// <summary>
/// How the API reports the outcome of a Core operation, as RFC 7807 problem details. The kind of the errors decides the
/// status, here and nowhere else: <see cref="ErrorKind.Validation"/> 400 with the problems by field,
/// <see cref="ErrorKind.Rule"/> 422 with every reason, <see cref="ErrorKind.NotFound"/> 404,
/// <see cref="ErrorKind.Conflict"/> 409 naming who changed the record since the caller read it, and
/// <see cref="ErrorKind.Forbidden"/> 403. Every endpoint that runs an operation declares these with
/// <see cref="ProducesOperationProblems"/>.
/// </summary>
internal static class ApiResults
{
    public const string RuleProblemType = "https://schoolsight.example/problems/rule";

    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"The {what} could not be found.");

    public static ProblemHttpResult SchoolForbidden() =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "You do not have access to this school.",
            detail: "Your role allows you to see only the schools you are linked to.");

    /// <summary>Problems keyed by the JSON name of the field ("laCode"); a problem with no field is keyed "".</summary>
    public static ValidationProblem Validation(IEnumerable<DomainError> errors) =>
        TypedResults.ValidationProblem(ByField(errors), title: "Some of the values are not right.");

    /// <summary>
    /// The answer to a failed operation when it is not invalid input: 403, 404, 409, or 422 when a rule of the process
    /// stands in the way (listing every reason, the invalid values among them); null when every error is a validation one.
    /// </summary>
    public static ProblemHttpResult? Problem<T>(OperationResult<T> result, string what) => Problem(result.Errors, what);

    /// <inheritdoc cref="Problem{T}(OperationResult{T}, string)"/>
    public static ProblemHttpResult? Problem(IReadOnlyList<DomainError> errors, string what)
    {
        if (errors.FirstOrDefault(e => e.Kind == ErrorKind.Forbidden) is { } forbidden)
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Your role does not allow this.", detail: forbidden.Message);
        if (errors.Any(e => e.Kind == ErrorKind.NotFound)) return NotFound(what);
        if (errors.FirstOrDefault(e => e.Kind == ErrorKind.Conflict) is { } conflict)
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: $"The {what} has changed since you read it.", detail: conflict.Message);
        if (errors.FirstOrDefault(e => e.Kind == ErrorKind.Rule) is { } rule)
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "This cannot be done as things stand.",
                detail: rule.Message, type: RuleProblemType,
                extensions: new Dictionary<string, object?> { ["errors"] = ByField(errors) });
        return null;
    }

    /// <summary>The failed operation as problem details, invalid input among them (400): for an endpoint that answers no validation problem.</summary>
    public static ProblemHttpResult Failure<T>(OperationResult<T> result, string what) =>
        Problem(result, what) ?? TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Some of the values are not right.",
            detail: result.Errors.FirstOrDefault()?.Message, extensions: new Dictionary<string, object?> { ["errors"] = ByField(result.Errors) });

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

    /// <summary>200 with the value, or what was wrong.</summary>
    public static Results<Ok<TView>, ValidationProblem, ProblemHttpResult> Answer<T, TView>(OperationResult<T> result, string what, Func<T, TView> view)
    {
        if (!result.Succeeded) return Problem(result, what) is { } problem ? problem : Validation(result.Errors);
        return TypedResults.Ok(view(result.Value!));
    }

    /// <summary>
    /// Declares, for the OpenAPI document, every answer a failed operation can give: 400 (validation problem by field),
    /// 403, 404, 409 and 422 (problem details).
    /// </summary>
    public static RouteHandlerBuilder ProducesOperationProblems(this RouteHandlerBuilder endpoint) => endpoint
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static Dictionary<string, string[]> ByField(IEnumerable<DomainError> errors) =>
        errors.GroupBy(e => string.IsNullOrEmpty(e.Field) ? "" : JsonNamingPolicy.CamelCase.ConvertName(e.Field))
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
}
