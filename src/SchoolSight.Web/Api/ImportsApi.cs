using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using SchoolSight.Core.Imports;
using SchoolSight.Core.Imports.Gias;
using SchoolSight.Core.Imports.Pupils;
using SchoolSight.Core.Imports.Surveys;
using SchoolSight.Web.Authorization;
using SchoolSight.Web.Pages.Imports;

namespace SchoolSight.Web.Api;

/// <summary>
/// Imports over the API: the history of attempts, and a GIAS upload that runs the same <see cref="ImportGias"/>
/// operation as the page and the CLI. A rejected file is 422 problem details with every problem in "errors".
/// </summary>
public static class ImportsApi
{
    public sealed record GiasImportResponse(
        long Id, string Outcome, string FileName, string Sha256, string Scope, string Encoding, int RowsRead, int RowsInScope,
        int Added, int Updated, int Closed, int Unchanged, IReadOnlyList<GiasImportError> Notices, IReadOnlyList<string> ColumnsNotInFile,
        IReadOnlyList<GiasSchoolChange> Changes);

    public static RouteGroupBuilder MapImportsApi(this RouteGroupBuilder api)
    {
        var imports = api.MapGroup("").RequireAuthorization(Policies.LaAdministrator).WithTags("Imports");

        imports.MapGet("/imports", ListAsync)
            .WithName("ListImports")
            .WithSummary("Import attempts, newest first")
            .WithDescription("Every import attempt, applied or rejected, a page at a time (page from 1; pageSize up to 200).");

        imports.MapGet("/imports/{id:long}", GetAsync)
            .WithName("GetImport")
            .WithSummary("One import attempt")
            .WithDescription("Who imported which file (with its SHA-256) when, what it covered, and what it did, or the first of its problems.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        // The form is read by the handler, not bound: a bound IFormFile makes routing refuse other content types
        // with 415 before authorization, so a caller without the right would not be told 403.
        imports.MapPost("/imports/gias", ImportGiasAsync)
            .WithName("ImportGias")
            .WithSummary("Import a GIAS establishment file")
            .WithDescription("Multipart form: 'file' (the GIAS 'all establishment data' CSV), and 'laCodes' (e.g. 850,936) or 'allLas' = true. " +
                             "All or nothing: a file with any problem is refused with 422 and every problem, by line and column, in 'errors'; nothing is changed. " +
                             "Every attempt is recorded.")
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                operation.RequestBody = UploadForms.Body("The GIAS 'all establishment data' CSV",
                    ("laCodes", "LA codes to keep, e.g. 850,936", JsonSchemaType.String), ("allLas", "Keep every LA in the file instead", JsonSchemaType.Boolean));
                return Task.CompletedTask;
            })
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithMetadata(new RequestSizeLimitAttribute(GiasModel.MaxUploadBytes))
            .WithFormOptions(multipartBodyLengthLimit: GiasModel.MaxUploadBytes);

        MapDataImport(imports, "/imports/pupils", "ImportPupils", "Import a pupil-level file",
            "Multipart form: 'file', a CSV with one row per pupil per academic year (docs/imports/pupils.md). ",
            (services, stream, name, ct) => services.GetRequiredService<ImportPupils>().RunAsync(new PupilImportRequest(stream, name), ct));
        MapDataImport(imports, "/imports/surveys", "ImportSurveys", "Import a pupil and parent perception survey file",
            "Multipart form: 'file', a CSV with one row per respondent (docs/imports/surveys.md). ",
            (services, stream, name, ct) => services.GetRequiredService<ImportSurveys>().RunAsync(new SurveyImportRequest(stream, name), ct));
        return api;
    }

    public sealed record DataImportResponse(
        long Id, string Outcome, string FileName, string Sha256, string Encoding, string Scope, int RowsRead, int SchoolYears,
        int Added, int Replaced, int Unchanged, IReadOnlyList<SchoolYear> Changed);

    private static void MapDataImport(RouteGroupBuilder imports, string path, string name, string summary, string form,
        Func<IServiceProvider, Stream, string, CancellationToken, Task<DataImportResult>> run)
    {
        imports.MapPost(path, (HttpRequest request, CancellationToken ct) => ImportDataAsync(request, run, ct))
            .WithName(name)
            .WithSummary(summary)
            .WithDescription(form + "All or nothing: a file with any problem is refused with 422 and every problem, by line and column, in 'errors'; " +
                             "nothing is changed. Each school and academic year in the file replaces the data held for it; 'changed' lists those added or replaced. " +
                             "Every attempt is recorded.")
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                operation.RequestBody = UploadForms.Body("The CSV file");
                return Task.CompletedTask;
            })
            .Produces<DataImportResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithMetadata(new RequestSizeLimitAttribute(DataImportPageModel.MaxUploadBytes))
            .WithFormOptions(multipartBodyLengthLimit: DataImportPageModel.MaxUploadBytes);
    }

    private static async Task<IResult> ImportDataAsync(HttpRequest request,
        Func<IServiceProvider, Stream, string, CancellationToken, Task<DataImportResult>> run, CancellationToken ct)
    {
        var (form, unreadable) = await UploadForms.ReadAsync(request, "the CSV file", ct);
        if (unreadable is not null) return unreadable;
        if (form!.Files.GetFile("file") is not { } file)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["Send the CSV file as the form field 'file'."] });

        await using var content = file.OpenReadStream();
        var result = await run(request.HttpContext.RequestServices, content, file.FileName, ct);
        if (!result.Applied)
            return TypedResults.Problem(
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "The file was not imported. Nothing has been changed.",
                detail: ImportRejection.Detail(result.FileName, result.ErrorCount, result.MoreErrors),
                type: "https://schoolsight.example/problems/import-rejected",
                extensions: ImportRejection.Extensions(result.ImportId, result.ErrorCount, result.Errors, result.MoreErrors));
        return TypedResults.Ok(new DataImportResponse(result.ImportId, result.Outcome.ToString(), result.FileName, result.Sha256, result.Encoding,
            result.Scope, result.RowsRead, result.SchoolYears, result.Added, result.Replaced, result.Unchanged, result.Changed));
    }

    private static async Task<Ok<ImportHistoryPage>> ListAsync(ImportHistory history, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await history.ListAsync(page ?? 1, pageSize ?? 50, ct));

    private static async Task<Results<Ok<ImportSummary>, ProblemHttpResult>> GetAsync(long id, ImportHistory history, CancellationToken ct) =>
        await history.FindAsync(id, ct) is { } import
            ? TypedResults.Ok(import)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"There is no import {id}.");

    private static async Task<Results<Ok<GiasImportResponse>, ValidationProblem, ProblemHttpResult>> ImportGiasAsync(
        HttpRequest request, ImportGias import, CancellationToken ct)
    {
        var (read, unreadable) = await UploadForms.ReadAsync(request, "the GIAS CSV file", ct);
        if (unreadable is not null) return unreadable;
        var form = read!;
        var file = form.Files.GetFile("file");
        var allLas = bool.TryParse(form["allLas"], out var every) && every;

        var problems = new Dictionary<string, string[]>();
        if (file is null) problems["file"] = ["Send the GIAS CSV file as the form field 'file'."];
        var scope = GiasImportScope.EveryLa;
        if (!allLas && !GiasImportScope.TryParse(form["laCodes"], out scope, out var error)) problems["laCodes"] = [$"{error}, or send allLas=true."];
        if (problems.Count > 0) return TypedResults.ValidationProblem(problems);

        await using var content = file!.OpenReadStream();
        var result = await import.RunAsync(new GiasImportRequest(content, file.FileName, scope), ct: ct);
        if (!result.Applied)
            return TypedResults.Problem(
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "The file was not imported. Nothing has been changed.",
                detail: ImportRejection.Detail(result.FileName, result.ErrorCount, result.MoreErrors),
                type: "https://schoolsight.example/problems/import-rejected",
                extensions: ImportRejection.Extensions(result.ImportId, result.ErrorCount, result.Errors, result.MoreErrors));
        return TypedResults.Ok(new GiasImportResponse(result.ImportId, result.Outcome.ToString(), result.FileName, result.Sha256, result.Scope,
            result.Encoding, result.RowsRead, result.RowsInScope, result.Added, result.Updated, result.Closed, result.Unchanged, result.Notices,
            result.ColumnsNotInFile, result.Changes));
    }
}
