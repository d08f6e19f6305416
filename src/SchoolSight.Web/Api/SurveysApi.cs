using Microsoft.AspNetCore.Http.HttpResults;
using SchoolSight.Core;
using SchoolSight.Core.Exports;
using SchoolSight.Core.Voice;
using SchoolSight.Domain;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Api;

/// <summary>
/// Online pupil and parent surveys: the same operations, roles and school scope as the pages. The LA's officers and
/// a school's users open and close them; they and the school's SIP follow the response rates.
/// </summary>
public static class SurveysApi
{
    /// <param name="YearGroups">R, 1 … 13.</param>
    public sealed record OpenSurveyRequest(IReadOnlyList<int>? Urns, string? Title, DateOnly? OpensOn, DateOnly? ClosesOn, IReadOnlyList<string>? YearGroups,
        int? ClassesPerYearGroup, int? CodesPerClass, int? ParentCodes);

    public sealed record CloseSurveyRequest(int Version);

    public sealed record OpenedView(long Id, int Urn, int Codes);

    public sealed record RateView(string Group, int Codes, int Started, int Sent, int Percent);

    public sealed record SurveyView(long Id, int Urn, string School, string Title, string AcademicYear, DateOnly OpensOn, DateOnly ClosesOn,
        string Status, bool IsOpen, IReadOnlyList<RateView> Rates, RateView Total, int Version);

    public static RouteGroupBuilder MapSurveysApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/surveys").WithTags("Pupil and parent surveys");
        api.MapGet("/surveys", async (int? urn, GetSurveyWindows windows, CancellationToken ct) => TypedResults.Ok((await windows.RunAsync(urn, ct: ct)).Select(Map).ToList()))
            .WithTags("Pupil and parent surveys").RequireAuthorization(Policies.SurveyReader).WithName("ListSurveys")
            .WithSummary("The online surveys of your schools (?urn= for one school), newest first, each with its response rate per year group and for parents.");
        group.MapGet("/{id:long}", async Task<Results<Ok<SurveyView>, ProblemHttpResult>> (long id, GetSurveyWindows windows, CancellationToken ct) =>
                await ReadAsync(id, windows, ct) is { } view ? TypedResults.Ok(view) : ApiResults.NotFound(CloseSurveyWindow.What))
            .RequireAuthorization(Policies.SurveyReader).WithName("GetSurvey").WithSummary("A survey and its response rates: codes, started and sent per year group and for parents.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/surveys", Open).WithTags("Pupil and parent surveys").RequireAuthorization(Policies.SurveyRunner).WithName("OpenSurvey")
            .WithSummary("Open a survey for schools (a school: its own): {\"urns\":[999001],\"title\",\"opensOn\",\"closesOn\",\"yearGroups\":[\"4\",\"5\"],\"classesPerYearGroup\":1,\"codesPerClass\":30,\"parentCodes\":0}. Answers a window per school.")
            .ProducesOperationProblems();
        group.MapPost("/{id:long}/close", async (long id, CloseSurveyRequest input, CloseSurveyWindow close, GetSurveyWindows windows, CancellationToken ct) =>
                await ApiResults.SavedAsync(await close.RunAsync(id, input.Version, ct), CloseSurveyWindow.What, _ => ReadAsync(id, windows, ct)))
            .RequireAuthorization(Policies.SurveyRunner).WithName("CloseSurvey")
            .WithSummary("Close a survey before its last day: {\"version\":n}. Its codes are refused from then on; answers not yet sent are not counted.")
            .ProducesOperationProblems();
        group.MapGet("/{id:long}/codes", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (long id, GetSurveyWindows windows, SurveyCodeSheet sheet, CancellationToken ct) =>
                await ReadAsync(id, windows, ct) is null
                    ? ApiResults.NotFound(CloseSurveyWindow.What)
                    : TypedResults.File(TableExport.Csv(await sheet.TableAsync([id], ct)), TableExport.ContentType(ExportFormat.Csv), $"survey-codes-{id}.csv"))
            .RequireAuthorization(Policies.SurveyRunner).WithName("SurveyCodes").WithSummary("The survey's codes not yet used, as CSV (URN, survey, class, code).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<Created<IReadOnlyList<OpenedView>>, ValidationProblem, ProblemHttpResult>> Open(OpenSurveyRequest input, OpenSurveyWindow open, CancellationToken ct)
    {
        var errors = new List<DomainError>();
        var years = new List<byte>();
        foreach (var written in input.YearGroups ?? [])
            if (OpenSurveyWindow.YearGroupCode(written) is { } code) years.Add(code);
            else errors.Add(new DomainError("survey.years", $"'{written}' is not a year group: write R or 1 to 13", "YearGroups"));
        if (input.OpensOn is null) errors.Add(new DomainError("survey.dates", "Enter the day the survey opens", "OpensOn"));
        if (input.ClosesOn is null) errors.Add(new DomainError("survey.dates", "Enter the day the survey closes", "ClosesOn"));
        if (errors.Count > 0) return ApiResults.Validation(errors);
        var result = await open.RunAsync(new OpenSurveyWindow.Request(input.Urns ?? [], input.Title ?? "", input.OpensOn!.Value, input.ClosesOn!.Value, years,
            input.ClassesPerYearGroup ?? 1, input.CodesPerClass ?? 30, input.ParentCodes ?? 0), ct);
        if (!result.Succeeded) return ApiResults.Problem(result, CloseSurveyWindow.What) is { } problem ? problem : ApiResults.Validation(result.Errors);
        IReadOnlyList<OpenedView> opened = [.. result.Value!.Select(o => new OpenedView(o.WindowId, o.Urn, o.Codes))];
        return TypedResults.Created($"/api/v1/surveys/{opened[0].Id}", opened);
    }

    private static async Task<SurveyView?> ReadAsync(long id, GetSurveyWindows windows, CancellationToken ct) =>
        (await windows.RunAsync(windowId: id, ct: ct)).FirstOrDefault() is { } w ? Map(w) : null;

    private static RateView Map(GetSurveyWindows.Rate r) => new(r.Group, r.Codes, r.Started, r.Sent, r.Percent);

    private static SurveyView Map(GetSurveyWindows.Window w) => new(w.Id, w.Urn, w.School, w.Title, AcademicYear.Format(w.AcademicYear), w.OpensOn, w.ClosesOn,
        w.Status, w.IsOpen, [.. w.Rates.Select(Map)], Map(w.Total), w.Version);
}
