using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SchoolSight.Web.Api;

/// <summary>
/// Every write to the API (POST, PUT, PATCH, DELETE under /api/v1) must carry <c>X-SchoolSight-Request: 1</c>.
/// The API signs in with the same cookie as the pages, and another site can make a signed-in browser send a form post,
/// a <c>text/plain</c> body or an empty one; it cannot add a custom header without a CORS preflight, which SchoolSight
/// never grants. A write without the header is refused with 400 and changes nothing.
/// </summary>
public static class ApiRequestHeader
{
    public const string Name = "X-SchoolSight-Request";
    public const string Value = "1";

    public const string Explanation =
        "Every write (POST, PUT, PATCH, DELETE) must send the header `" + Name + ": " + Value + "`; a write without it is refused " +
        "with 400 and changes nothing. Browsers cannot add it to a request from another site, so it keeps other sites from " +
        "using a signed-in user's cookie.";

    public static bool IsWrite(string method) =>
        HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method);

    /// <summary>The endpoint filter on the API group; it runs after authorization, so a caller without the right still gets 401 or 403.</summary>
    public static async ValueTask<object?> RequireOnWritesAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        if (IsWrite(request.Method) && string.IsNullOrWhiteSpace(request.Headers[Name]))
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: $"The {Name} header is missing.", detail: Explanation);
        return await next(context);
    }

    /// <summary>Names the header as a required parameter of every write operation in the OpenAPI document.</summary>
    public static Task DescribeAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken _)
    {
        if (context.Description.HttpMethod is not { } method || !IsWrite(method)) return Task.CompletedTask;
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = Name,
            In = ParameterLocation.Header,
            Required = true,
            Description = Explanation,
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create(Value)], Default = JsonValue.Create(Value) },
            Example = JsonValue.Create(Value),
        });
        operation.Responses?.TryAdd("400", new OpenApiResponse { Description = $"Bad request: among other reasons, the {Name} header is missing." });
        return Task.CompletedTask;
    }
}
