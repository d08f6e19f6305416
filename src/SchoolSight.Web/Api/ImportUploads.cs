using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using SchoolSight.Core.Imports;

namespace SchoolSight.Web.Api;

/// <summary>
/// What every import endpoint shares: its multipart upload (read by the handler, see <see cref="ReadAsync"/>), described
/// once for the OpenAPI document with its size limit, and the 422 answer to a rejected file, the same for every source:
/// the problems listed (at most <see cref="ProblemList.MaxListed"/>), how many there are in all, and how many more were left off.
/// </summary>
internal static class ImportUploads
{
    /// <summary>A multipart form field besides the file, for the OpenAPI document.</summary>
    public sealed record FormField(string Name, JsonSchemaType Type, string Description);

    /// <summary>The form that was sent, its file (null when none) and what is wrong with the request (keyed by field).</summary>
    public sealed record Upload(IFormCollection Form, IFormFile? File, Dictionary<string, string[]> Problems);

    /// <summary>
    /// Reads the multipart form. The form is read by the handler, not bound: a bound <see cref="IFormFile"/> makes routing
    /// refuse other content types with 415 before authorization, so a caller without the right would not be told 403.
    /// Null with the problem when the request is not a readable multipart form.
    /// </summary>
    public static async Task<(Upload? Upload, ValidationProblem? Problem)> ReadAsync(HttpRequest request, string what, CancellationToken ct)
    {
        if (!request.HasFormContentType) return (null, FileProblem($"Send a multipart/form-data request with the {what} as the field 'file'."));
        try
        {
            var form = await request.ReadFormAsync(ct);
            var file = form.Files.GetFile("file");
            var problems = new Dictionary<string, string[]>();
            if (file is null) problems["file"] = [$"Send the {what} as the form field 'file'."];
            return (new Upload(form, file, problems), null);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            return (null, FileProblem($"The form could not be read: {e.Message}"));
        }
    }

    /// <summary>Declares the endpoint's multipart body (the file and <paramref name="fields"/>), its size limit, and its answers to a rejected file.</summary>
    public static RouteHandlerBuilder AcceptsImportUpload(this RouteHandlerBuilder endpoint, long maxBytes, string fileDescription, params FormField[] fields) => endpoint
        .AddOpenApiOperationTransformer((operation, _, _) =>
        {
            var properties = new Dictionary<string, IOpenApiSchema>
            {
                ["file"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = fileDescription },
            };
            foreach (var field in fields) properties[field.Name] = new OpenApiSchema { Type = field.Type, Description = field.Description };
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["multipart/form-data"] = new()
                    {
                        Schema = new OpenApiSchema { Type = JsonSchemaType.Object, Required = new HashSet<string> { "file" }, Properties = properties },
                    },
                },
            };
            return Task.CompletedTask;
        })
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
        .WithMetadata(new RequestSizeLimitAttribute(maxBytes))
        .WithFormOptions(multipartBodyLengthLimit: maxBytes);

    /// <summary>422: the file was not imported, with every problem listed (up to the cap).</summary>
    public static ProblemHttpResult Rejected(string fileName, long importId, int errorCount, IReadOnlyList<ImportProblem> errors, string? more) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status422UnprocessableEntity,
            title: "The file was not imported. Nothing has been changed.",
            detail: Detail(fileName, errorCount, more),
            type: "https://schoolsight.example/problems/import-rejected",
            extensions: new Dictionary<string, object?>
            {
                ["importId"] = importId,
                ["errorCount"] = errorCount,
                ["errors"] = errors,
                ["moreErrors"] = more,
            });

    /// <summary>"pupils.csv has 3 problems. Correct every one and send the file again.", or when not all are listed
    /// "pupils.csv has 12,345 problems, the first 1,000 in 'errors' … and 11,345 more problems: correct those listed …".</summary>
    public static string Detail(string fileName, int errorCount, string? more) => more is null
        ? $"{fileName} has {errorCount:N0} problem{(errorCount == 1 ? "" : "s")}. Correct every one and send the file again."
        : $"{fileName} has {errorCount:N0} problems, the first {ProblemList.MaxListed:N0} in 'errors' {more}.";

    private static ValidationProblem FileProblem(string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [message] });
}
