using Microsoft.AspNetCore.Http.HttpResults;
using SchoolSight.Core;
using SchoolSight.Core.Categorisation;
using SchoolSight.Domain;
using SchoolSight.Domain.Categorisation;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Api;

/// <summary>
/// A school's self-evaluation and SIP judgements, in the slugs of the rule set files (areas such as
/// "quality-of-education" or, from 10 November 2025, "leadership-and-governance"; grades such as
/// "requires-improvement" or "needs-attention", on the scale of the judgement's date; sources "self-evaluation" and "sip"). The same roles
/// and school scope as the pages: a school outside the caller's schools is not found.
/// </summary>
public static class JudgementsApi
{
    /// <summary>A grade on its scale ("four-point" before 10 November 2025, "report-card" from then).</summary>
    public sealed record GradeView(string Grade, string Scale, DateOnly JudgedOn, string RecordedBy, string RecordedByName, DateTime? RecordedAt, string? Note, int Version);

    public sealed record AreaView(string Area, string Name, GradeView? SelfEvaluation, GradeView? Sip, string Agreement);

    public sealed record YearView(string AcademicYear, int StartYear, string SipOverallAgreement, IReadOnlyList<string> Differences, IReadOnlyList<AreaView> Areas);

    public sealed record SchoolJudgements(int Urn, string School, string CurrentAcademicYear, IReadOnlyList<string> YouMayRecord, IReadOnlyList<YearView> Years);

    public static RouteGroupBuilder MapJudgementsApi(this RouteGroupBuilder api)
    {
        const string path = "/schools/{urn:int}/judgements";
        api.MapGet(path, List).WithTags("Categorisation").RequireAuthorization(Policies.JudgementReader).WithName("ListSchoolJudgements")
            .WithSummary("A school's self-evaluation and SIP judgements by academic year, side by side, with whether the SIP agrees.")
            .ProducesOperationProblems();
        api.MapPut(path, Record).WithTags("Categorisation").RequireAuthorization(Policies.JudgementRecorder).WithName("RecordSchoolJudgements")
            .WithSummary("Record one source's judgements for an academic year, on the scale of judgedOn: {\"academicYear\":\"2025/26\",\"source\":\"sip\",\"judgedOn\":\"2025-11-12\",\"grades\":{\"leadership-and-governance\":\"expected-standard\"}}.")
            .WithDescription("Judgements made before 10 November 2025 grade overall-effectiveness and the key areas outstanding, good, requires-improvement or inadequate; judgements made from then grade the report card's areas (inclusion, curriculum-and-teaching, achievement, attendance-and-behaviour, personal-development-and-wellbeing, leadership-and-governance, early-years, sixth-form) exceptional, strong-standard, expected-standard, needs-attention or urgent-improvement. Areas with a grade are recorded, areas given as null are removed, areas left out are left as they are. Send in versions the version of each recorded judgement you read (none for an area you saw no grade for): 409 when someone has recorded it since. 400 lists every problem; 403 when your role may not record this source.")
            .ProducesOperationProblems();
        api.MapPost(path, Record).WithTags("Categorisation").RequireAuthorization(Policies.JudgementRecorder).WithName("RecordSchoolJudgementsByPost")
            .WithSummary("The same as PUT, for clients that only post.")
            .ProducesOperationProblems();
        return api;
    }

    private static async Task<Results<Ok<SchoolJudgements>, ProblemHttpResult>> List(int urn, GetJudgements get, CancellationToken ct)
    {
        var result = await get.RunAsync(urn, ct);
        return result.Succeeded ? TypedResults.Ok(Map(result.Value!)) : ApiResults.Failure(result, "school");
    }

    private static async Task<Results<Ok<YearView>, ValidationProblem, ProblemHttpResult>> Record(int urn, JudgementsInput input, RecordJudgements record, GetJudgements get, CancellationToken ct) =>
        await ApiResults.SavedAsync(await record.RunAsync(urn, input, ct), "school", async year =>
            (await get.RunAsync(urn, ct)).Value?.Year(year) is { } y ? Map(y) : null);

    private static SchoolJudgements Map(JudgementsView v) =>
        new(v.Urn, v.SchoolName, AcademicYear.Format(v.CurrentYear), [.. v.MayRecord.Select(s => s.Slug())], [.. v.Years.Select(Map)]);

    private static YearView Map(JudgementYear y) =>
        new(y.Title, y.AcademicYear, (y.Overall?.Agreement ?? JudgementAgreement.NotBothJudged).Slug(), [.. y.Differences.Select(a => a.Slug())],
            [.. y.Rows.Select(r => new AreaView(r.Area.Slug(), r.Area.Describe(), Map(r.SelfEvaluation), Map(r.Sip), r.Agreement.Slug()))]);

    private static GradeView? Map(GradeEntry? e) =>
        e is null ? null : new GradeView(e.Grade.Slug(), e.Grade.Scale == JudgementScale.ReportCard ? "report-card" : "four-point", e.JudgedOn, e.RecordedBy, e.RecordedByName, e.RecordedAt, e.Note, e.Version);
}
