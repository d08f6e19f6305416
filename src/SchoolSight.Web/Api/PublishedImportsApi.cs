using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using SchoolSight.Core.Published;
using SchoolSight.Domain.Published;
using SchoolSight.Web.Authorization;
using SchoolSight.Web.Pages.Imports;

namespace SchoolSight.Web.Api;

/// <summary>
/// <c>POST /api/v1/imports/{source}</c> for the published files (ks2, ks4, census, absence, ofsted): the same
/// <see cref="ImportPublished"/> operation as the page and the CLI. A rejected file is 422 problem details with every
/// problem, by line and column, in "errors" (the first 1,000; "errorCount" counts them all); a request without a file or a valid academic year is 400.
/// </summary>
public static class PublishedImportsApi
{
    public static RouteGroupBuilder MapPublishedImportsApi(this RouteGroupBuilder api)
    {
        // The form is read by the handler, not bound, so a caller without the right is told 403 whatever it sends.
        api.MapPost("/imports/{source}", ImportAsync)
            .RequireAuthorization(Policies.LaAdministrator)
            .WithTags("Imports")
            .WithName("ImportPublished")
            .WithSummary("Import a published DfE or Ofsted file")
            .WithDescription("source: ks2, ks4, census, absence or ofsted. Multipart form: 'file' (the CSV as the DfE or Ofsted publish it), " +
                             "'academicYear' (e.g. 2018/19; not for ofsted) and optionally 'allSchools' = true to keep every school, not only those SchoolSight holds. " +
                             "All or nothing: a file with any problem is refused with 422 and every problem, by line and column, in 'errors'. Every attempt is recorded.")
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                operation.RequestBody = UploadForms.Body("The published CSV file",
                    ("academicYear", "The academic year the file is about, e.g. 2018/19", JsonSchemaType.String), ("allSchools", "Keep every school in the file", JsonSchemaType.Boolean));
                return Task.CompletedTask;
            })
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithMetadata(new RequestSizeLimitAttribute(GiasModel.MaxUploadBytes))
            .WithFormOptions(multipartBodyLengthLimit: GiasModel.MaxUploadBytes);
        return api;
    }

    private static async Task<Results<Ok<PublishedImportResult>, ValidationProblem, ProblemHttpResult>> ImportAsync(
        string source, HttpRequest request, ImportPublished import, CancellationToken ct)
    {
        if (!PublishedSources.TryParse(source, out var kind))
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found",
                detail: $"There is no published source '{source}': use ks2, ks4, census, absence or ofsted.");
        var (read, unreadable) = await UploadForms.ReadAsync(request, "the CSV file", ct);
        if (unreadable is not null) return unreadable;
        var form = read!;
        var file = form.Files.GetFile("file");
        var problems = new Dictionary<string, string[]>();
        if (file is null) problems["file"] = ["Send the CSV file as the form field 'file'."];
        int? year = null;
        if (kind.NeedsAcademicYear())
        {
            if (AcademicYear.TryParse(form["academicYear"], out var start, out var error)) year = start;
            else problems["academicYear"] = [error];
        }
        if (problems.Count > 0) return TypedResults.ValidationProblem(problems);

        var allSchools = bool.TryParse(form["allSchools"], out var all) && all;
        await using var content = file!.OpenReadStream();
        var result = await import.RunAsync(new PublishedImportRequest(kind, content, file.FileName, year, allSchools), ct: ct);
        if (!result.Applied)
            return TypedResults.Problem(
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "The file was not imported. Nothing has been changed.",
                detail: ImportRejection.Detail(result.FileName, result.ErrorCount, result.MoreErrors),
                type: "https://schoolsight.example/problems/import-rejected",
                extensions: ImportRejection.Extensions(result.ImportId, result.ErrorCount, result.Errors, result.MoreErrors));
        return TypedResults.Ok(result);
    }
}
