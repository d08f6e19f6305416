using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using SchoolSight.Core.Attachments;
using SchoolSight.Core.ImprovingOutcomes;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Api;

/// <summary>
/// Files attached to a programme meeting's progress evidence: listed and downloaded by everyone who may read the
/// case, attached and removed by those who may add progress evidence. A case outside the caller's schools is not found.
/// </summary>
public static class ProgressEvidenceFilesApi
{
    public sealed record FileView(Guid Id, string FileName, string ContentType, long Size, string Sha256, string? Description, string UploadedBy, DateTime UploadedAt);

    public static RouteGroupBuilder MapProgressEvidenceFilesApi(this RouteGroupBuilder api)
    {
        var meeting = api.MapGroup("/programme/cases/{id:int}/meetings/{meetingId:int}").WithTags("Improving Outcomes Programme");
        meeting.MapGet("/files", List).RequireAuthorization(Policies.ProgrammeReader).WithName("ListProgressEvidenceFiles")
            .WithSummary("The files attached to a programme meeting's progress evidence (their details, not their contents).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        meeting.MapPost("/files", Attach).RequireAuthorization(Policies.ProgrammeContributor).WithName("AttachProgressEvidenceFile")
            .WithSummary("Attach a file to a programme meeting's progress evidence (M&I team, SIP, school; while the case is running).")
            .WithDescription("Multipart form: 'file' and an optional 'description'. Refused with 400 when the file is empty, too large, " +
                             "of a type not allowed or not what its name says; 422 when the record has its most files or the virus check refuses it. Nothing is kept from a refused file.")
            .AcceptsUpload(AttachmentOptions.LargestRequest, "The file: PDF, Word, Excel, PowerPoint, OpenDocument, PNG, JPEG, text or CSV, as the LA allows",
                new UploadForms.FormField("description", JsonSchemaType.String, $"A short description, up to {Domain.Attachments.Attachment.MaxDescriptionLength} characters"))
            .Produces<FileView>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesOperationProblems();
        meeting.MapGet("/files/{fileId:guid}", Download).RequireAuthorization(Policies.ProgrammeReader).WithName("DownloadProgressEvidenceFile")
            .WithSummary("Download a file of a meeting's progress evidence, as stored (Content-Disposition: attachment). Every download is audited.")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream").ProducesProblem(StatusCodes.Status404NotFound);
        meeting.MapDelete("/files/{fileId:guid}", Remove).RequireAuthorization(Policies.ProgrammeContributor).WithName("RemoveProgressEvidenceFile")
            .WithSummary("Remove a file from a meeting's progress evidence.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return api;
    }

    private static FileView View(AttachmentRow r) => new(r.Id, r.FileName, r.ContentType, r.Size, r.Sha256, r.Description, r.UploadedBy, r.UploadedAt);

    private static async Task<Results<Ok<IReadOnlyList<FileView>>, ProblemHttpResult>> List(int id, int meetingId, ListProgressEvidenceFiles list, CancellationToken ct) =>
        await list.RunAsync(id, meetingId, ct) is { } rows ? TypedResults.Ok<IReadOnlyList<FileView>>([.. rows.Select(View)]) : ApiResults.NotFound("meeting");

    private static async Task<Results<Created<FileView>, ValidationProblem, ProblemHttpResult>> Attach(int id, int meetingId, HttpRequest request,
        AttachProgressEvidenceFile attach, CancellationToken ct)
    {
        var (upload, unreadable) = await UploadForms.ReadAsync(request, "file", ct);
        if (upload is null) return unreadable!;
        var file = upload.File;
        await using var content = file?.OpenReadStream();
        var result = await attach.RunAsync(id, meetingId, new AttachFile.Upload(content, file?.FileName, upload.Form["description"]), ct);
        if (result.Succeeded) return TypedResults.Created($"/api/v1/programme/cases/{id}/meetings/{meetingId}/files/{result.Value!.Id}", View(result.Value));
        if (ApiResults.Problem(result, "meeting") is { } problem) return problem;
        return ApiResults.Validation(result.Errors);
    }

    private static async Task<IResult> Download(int id, int meetingId, Guid fileId, OpenProgressEvidenceFile open, HttpResponse response, CancellationToken ct)
    {
        var result = await open.RunAsync(id, meetingId, fileId, ct);
        if (result.Succeeded) return AttachmentDownloads.Result(response, result.Value!);
        if (ApiResults.Problem(result, "file") is { } problem) return problem;
        return ApiResults.Validation(result.Errors);
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Remove(int id, int meetingId, Guid fileId, RemoveProgressEvidenceFile remove, CancellationToken ct)
    {
        var result = await remove.RunAsync(id, meetingId, fileId, ct);
        if (result.Succeeded) return TypedResults.NoContent();
        if (ApiResults.Problem(result, "file") is { } problem) return problem;
        return ApiResults.Validation(result.Errors);
    }
}
