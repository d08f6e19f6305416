using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.OpenApi;

namespace SchoolSight.Web.Api;

/// <summary>
/// A multipart upload to the API, read by the handler rather than bound: a bound <see cref="IFormFile"/> makes routing
/// refuse other content types with 415 before authorization, so a caller without the right would not be told 403.
/// The OpenAPI document describes the form all the same.
/// </summary>
internal static class UploadForms
{
    /// <summary>The form, or the problem with it (keyed "file"); <paramref name="file"/> names what the field 'file' should hold.</summary>
    public static async Task<(IFormCollection? Form, ValidationProblem? Problem)> ReadAsync(HttpRequest request, string file, CancellationToken ct)
    {
        if (!request.HasFormContentType) return (null, Problem($"Send a multipart/form-data request with {file} as the field 'file'."));
        try
        {
            return (await request.ReadFormAsync(ct), null);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            return (null, Problem($"The form could not be read: {e.Message}"));
        }
    }

    private static ValidationProblem Problem(string message) => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [message] });

    /// <summary>The form as OpenAPI shows it: a required binary 'file' and optional fields (text unless their type says otherwise).</summary>
    public static OpenApiRequestBody Body(string file, params (string Name, string Description, JsonSchemaType Type)[] fields) => new()
    {
        Required = true,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["multipart/form-data"] = new()
            {
                Schema = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Required = new HashSet<string> { "file" },
                    Properties = new[] { KeyValuePair.Create("file", (IOpenApiSchema)new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = file }) }
                        .Concat(fields.Select(f => KeyValuePair.Create(f.Name, (IOpenApiSchema)new OpenApiSchema { Type = f.Type, Description = f.Description })))
                        .ToDictionary(),
                },
            },
        },
    };
}
