using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;

namespace SchoolSight.Web.Api;

/// <summary>
/// A multipart upload to the API (an import, an attachment), read by the handler rather than bound: a bound
/// <see cref="IFormFile"/> makes routing refuse other content types with 415 before authorization, so a caller without
/// the right would not be told 403. <see cref="AcceptsUpload"/> describes the form for the OpenAPI document all the same.
/// </summary>
internal static class UploadForms
{
    /// <summary>A multipart form field besides the file, for the OpenAPI document.</summary>
    public sealed record FormField(string Name, JsonSchemaType Type, string Description);

    /// <summary>The form that was sent, its file (null when none) and what is wrong with the request (keyed by field).</summary>
    public sealed record Upload(IFormCollection Form, IFormFile? File, Dictionary<string, string[]> Problems);

    /// <summary>Reads the multipart form; null with the problem when the request is not a readable multipart form.</summary>
    /// <param name="what">What the field 'file' should hold: "CSV file", "GIAS CSV file".</param>
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

    /// <summary>
    /// A second file of the same form, copied into memory: the streams of a form's files read one buffered body, so
    /// only one of them can be open at a time. For small files (an LA's localities).
    /// </summary>
    public static async Task<MemoryStream?> BufferAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null) return null;
        var copy = new MemoryStream();
        await using (var stream = file.OpenReadStream()) await stream.CopyToAsync(copy, ct);
        copy.Position = 0;
        return copy;
    }

    /// <summary>Declares the endpoint's multipart body (a required binary 'file' and <paramref name="fields"/>) and its size limit.</summary>
    public static RouteHandlerBuilder AcceptsUpload(this RouteHandlerBuilder endpoint, long maxBytes, string fileDescription, params FormField[] fields) => endpoint
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
        .WithMetadata(new RequestSizeLimitAttribute(maxBytes))
        .WithFormOptions(multipartBodyLengthLimit: maxBytes);

    private static ValidationProblem FileProblem(string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [message] });
}
