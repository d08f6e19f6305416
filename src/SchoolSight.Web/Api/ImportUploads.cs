using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using SchoolSight.Core.Imports;

namespace SchoolSight.Web.Api;

/// <summary>
/// What every import endpoint shares: its multipart upload (<see cref="UploadForms"/>), described once for the OpenAPI
/// document with its size limit, and the 422 answer to a rejected file, the same for every source:
/// the problems listed (at most <see cref="ProblemList.MaxListed"/>), how many there are in all, and how many more were left off.
/// </summary>
internal static class ImportUploads
{
    /// <summary>Declares the endpoint's multipart body (the file and <paramref name="fields"/>), its size limit, and its answers to a rejected file.</summary>
    public static RouteHandlerBuilder AcceptsImportUpload(this RouteHandlerBuilder endpoint, long maxBytes, string fileDescription, params UploadForms.FormField[] fields) => endpoint
        .AcceptsUpload(maxBytes, fileDescription, fields)
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

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

}
