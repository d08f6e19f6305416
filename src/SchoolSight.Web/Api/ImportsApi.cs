using Microsoft.AspNetCore.Http.HttpResults;
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
        int Added, int Updated, int Closed, int Unchanged, IReadOnlyList<ImportProblem> Notices, IReadOnlyList<string> ColumnsNotInFile,
        IReadOnlyList<GiasSchoolChange> Changes, IReadOnlyList<GiasSkipped> Skipped, IReadOnlyList<string> LasRegistered,
        IReadOnlyList<string> LocalitiesCreated, int PlacedInLocalities);

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

        imports.MapPost("/imports/gias", ImportGiasAsync)
            .WithName("ImportGias")
            .WithSummary("Import a GIAS establishment file")
            .WithDescription("Multipart form: 'file' (the GIAS 'all establishment data' CSV), and 'laCodes' (e.g. 850,936) or 'allLas' = true; " +
                             "optionally the schools' localities, as 'localities' (a CSV file with the columns URN and Locality) or 'localityColumn' (a column of the GIAS file). " +
                             "Establishments SchoolSight does not monitor are skipped and counted in 'skipped'; an LA asked for that SchoolSight does not hold is registered. " +
                             "All or nothing: a file with any problem is refused with 422 and every problem, by line and column, in 'errors'; nothing is changed. " +
                             "Every attempt is recorded.")
            .AcceptsImportUpload(GiasModel.MaxUploadBytes, "The GIAS 'all establishment data' CSV",
                new("laCodes", JsonSchemaType.String, "LA codes to keep, e.g. 850,936"),
                new("allLas", JsonSchemaType.Boolean, "Keep every LA in the file instead"),
                new("localities", JsonSchemaType.String, "A CSV file (binary) with the columns URN and Locality: puts each school in its locality, creating it"),
                new("localityColumn", JsonSchemaType.String, "A column of the GIAS file to take each school's locality from, e.g. DistrictAdministrative (name)"));

        MapDataImport(imports, "/imports/pupils", "ImportPupils", "Import a pupil-level file",
            "Multipart form: 'file', a CSV with one row per pupil per academic year (docs/imports/pupils.md). ",
            services => services.GetRequiredService<ImportPupils>());
        MapDataImport(imports, "/imports/surveys", "ImportSurveys", "Import a pupil and parent perception survey file",
            "Multipart form: 'file', a CSV with one row per respondent (docs/imports/surveys.md). ",
            services => services.GetRequiredService<ImportSurveys>());
        return api;
    }

    public sealed record DataImportResponse(
        long Id, string Outcome, string FileName, string Sha256, string Encoding, string Scope, int RowsRead, int SchoolYears,
        int Added, int Replaced, int Unchanged, IReadOnlyList<SchoolYear> Changed);

    private static void MapDataImport(RouteGroupBuilder imports, string path, string name, string summary, string form, Func<IServiceProvider, DataBlockImport> import)
    {
        imports.MapPost(path, (HttpRequest request, CancellationToken ct) => ImportDataAsync(request, import(request.HttpContext.RequestServices), ct))
            .WithName(name)
            .WithSummary(summary)
            .WithDescription(form + "All or nothing: a file with any problem is refused with 422 and every problem, by line and column, in 'errors'; " +
                             "nothing is changed. Each school and academic year in the file replaces the data held for it; 'changed' lists those added or replaced. " +
                             "Every attempt is recorded.")
            .Produces<DataImportResponse>()
            .AcceptsImportUpload(DataImportPageModel.MaxUploadBytes, "The CSV file");
    }

    private static async Task<Results<Ok<DataImportResponse>, ValidationProblem, ProblemHttpResult>> ImportDataAsync(HttpRequest request, DataBlockImport import, CancellationToken ct)
    {
        var (upload, problem) = await UploadForms.ReadAsync(request, "CSV file", ct);
        if (upload is null) return problem!;
        if (upload.Problems.Count > 0) return TypedResults.ValidationProblem(upload.Problems);

        await using var content = upload.File!.OpenReadStream();
        var outcome = await import.RunAsync(new DataImportRequest(content, upload.File.FileName), ct);
        if (outcome.Value is not { } result) return ApiResults.Failure(outcome, "import");
        if (!result.Applied) return ImportUploads.Rejected(result.FileName, result.ImportId, result.ErrorCount, result.Errors, result.MoreErrors);
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
        var (upload, problem) = await UploadForms.ReadAsync(request, "GIAS CSV file", ct);
        if (upload is null) return problem!;
        var allLas = bool.TryParse(upload.Form["allLas"], out var every) && every;
        var scope = GiasImportScope.EveryLa;
        if (!allLas && !GiasImportScope.TryParse(upload.Form["laCodes"], out scope, out var error)) upload.Problems["laCodes"] = [$"{error}, or send allLas=true."];
        var mappingFile = upload.Form.Files.GetFile("localities");
        var column = upload.Form["localityColumn"].ToString();
        if (mappingFile is not null && column.Length > 0) upload.Problems["localityColumn"] = ["Send either a localities file or a locality column, not both."];
        if (upload.Problems.Count > 0) return TypedResults.ValidationProblem(upload.Problems);

        await using var mapping = await UploadForms.BufferAsync(mappingFile, ct);
        await using var content = upload.File!.OpenReadStream();
        var localities = GiasLocalities.From(mapping, mappingFile?.FileName, column);
        var outcome = await import.RunAsync(new GiasImportRequest(content, upload.File.FileName, scope, localities), ct: ct);
        if (outcome.Value is not { } result) return ApiResults.Failure(outcome, "import");
        if (!result.Applied) return ImportUploads.Rejected(result.FileName, result.ImportId, result.ErrorCount, result.Errors, result.MoreErrors);
        return TypedResults.Ok(new GiasImportResponse(result.ImportId, result.Outcome.ToString(), result.FileName, result.Sha256, result.Scope,
            result.Encoding, result.RowsRead, result.RowsInScope, result.Added, result.Updated, result.Closed, result.Unchanged, result.Notices,
            result.ColumnsNotInFile, result.Changes, result.Skipped, result.Setup.LasRegistered, result.Setup.LocalitiesCreated, result.Setup.PlacedInLocalities));
    }
}
