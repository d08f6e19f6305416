using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.OpenApi;
using SchoolSight.Core.Published;
using SchoolSight.Domain;
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
        api.MapPost("/imports/{source}", ImportAsync)
            .RequireAuthorization(Policies.LaAdministrator)
            .WithTags("Imports")
            .WithName("ImportPublished")
            .WithSummary("Import a published DfE or Ofsted file")
            .WithDescription("source: ks2, ks4, census, absence or ofsted. Multipart form: 'file' (the CSV as the DfE or Ofsted publish it), " +
                             "'academicYear' (e.g. 2018/19; not for ofsted) and optionally 'allSchools' = true to keep every school, not only those SchoolSight holds. " +
                             "All or nothing: a file with any problem is refused with 422 and every problem, by line and column, in 'errors'. Every attempt is recorded.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .AcceptsImportUpload(GiasModel.MaxUploadBytes, "The published CSV file",
                new("academicYear", JsonSchemaType.String, "The academic year the file is about, e.g. 2018/19"),
                new("allSchools", JsonSchemaType.Boolean, "Keep every school in the file"));
        return api;
    }

    private static async Task<Results<Ok<PublishedImportResult>, ValidationProblem, ProblemHttpResult>> ImportAsync(
        string source, HttpRequest request, ImportPublished import, CancellationToken ct)
    {
        if (!PublishedSources.TryParse(source, out var kind))
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found",
                detail: $"There is no published source '{source}': use ks2, ks4, census, absence or ofsted.");
        var (upload, problem) = await UploadForms.ReadAsync(request, "CSV file", ct);
        if (upload is null) return problem!;
        int? year = null;
        if (kind.NeedsAcademicYear())
        {
            if (AcademicYear.TryParse(upload.Form["academicYear"], out var start, out var error)) year = start;
            else upload.Problems["academicYear"] = [error];
        }
        if (upload.Problems.Count > 0) return TypedResults.ValidationProblem(upload.Problems);

        var allSchools = bool.TryParse(upload.Form["allSchools"], out var all) && all;
        await using var content = upload.File!.OpenReadStream();
        var outcome = await import.RunAsync(new PublishedImportRequest(kind, content, upload.File.FileName, year, allSchools), ct: ct);
        if (outcome.Value is not { } result) return ApiResults.Failure(outcome, "import");
        if (!result.Applied) return ImportUploads.Rejected(result.FileName, result.ImportId, result.ErrorCount, result.Errors, result.MoreErrors);
        return TypedResults.Ok(result);
    }
}
