using Microsoft.AspNetCore.Http.HttpResults;
using SchoolSight.Core;
using SchoolSight.Core.Sip;
using SchoolSight.Domain.Sip;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Api;

/// <summary>
/// SIP visits: the records of visit and their reports, the reviewers' judgements of the seven features, the SIPs as a
/// service and the paired visits. The same operations, roles and school scope as the pages.
/// </summary>
public static class SipApi
{
    public sealed record FeatureView(string Feature, string SettledBy, bool? Has);

    public sealed record VisitApiView(int Id, int Urn, string School, DateOnly VisitedOn, int AcademicYear, string Sip, string Status, DateOnly? IssuedOn,
        string? Purpose, string? Targets, string? ProgressTowardsTargets, string? KeyStrengths, string? Priorities, string? Robustness, string? EvidenceBase,
        bool? TargetsInLineWithGuidance, bool? TrackingAccurate, string? Challenge, IReadOnlyList<AgreedAction> Actions, IReadOnlyList<ActionProgress> EarlierActions,
        int? GroupMeetingId, string? RespondedBy, string? SchoolComment, IReadOnlyList<FeatureView> Features, int? Missing, int Version, IReadOnlyList<string> MovesOpen);

    public sealed record StartRequest(DateOnly? VisitedOn);

    public static RouteGroupBuilder MapSipApi(this RouteGroupBuilder api)
    {
        var visits = api.MapGroup("/sip-visits").WithTags("SIP visits");
        api.MapGet("/sip-visits", async (int? urn, ListVisits list, CancellationToken ct) => ApiResults.Answer(await list.RunAsync(urn, ct), "SIP visits", v => v))
            .WithTags("SIP visits").RequireAuthorization(Policies.SipVisitReader).WithName("ListSipVisits").WithSummary("The visits you may read (?urn= for one school), latest first; a school's people see issued reports only.").ProducesOperationProblems();
        visits.MapGet("/{id:int}", async (int id, GetVisit get, CancellationToken ct) => ApiResults.Answer(await get.RunAsync(id, ct), SipAccess.What, Map))
            .RequireAuthorization(Policies.SipVisitReader).WithName("GetSipVisit").WithSummary("One record of visit with its seven features and the moves open to you.").ProducesOperationProblems();
        api.MapPost("/schools/{urn:int}/sip-visits", async (int urn, StartRequest input, StartVisit start, GetVisit get, CancellationToken ct) =>
                await ApiResults.CreatedAsync(await start.RunAsync(urn, input.VisitedOn, ct), SipAccess.What, "/api/v1/sip-visits", id => Read(id, get, ct)))
            .WithTags("SIP visits").RequireAuthorization(Policies.SipVisitRecorder).WithName("StartSipVisit")
            .WithSummary("Start the record of a visit ({\"visitedOn\"}): a draft with the last visit's actions carried forward.").ProducesOperationProblems();
        visits.MapPut("/{id:int}", async (int id, VisitInput input, SaveVisit save, GetVisit get, CancellationToken ct) =>
                await ApiResults.SavedAsync(await save.RunAsync(id, input, ct), SipAccess.What, _ => Read(id, get, ct)))
            .RequireAuthorization(Policies.SipVisitRecorder).WithName("SaveSipVisit").WithSummary("Write the draft record of visit, with the version you read.").ProducesOperationProblems();
        visits.MapPost("/{id:int}" + MoveApi.Route, (int id, string move, MoveRequest input, MoveVisit make, GetVisit get, CancellationToken ct) =>
                MoveApi.MakeAsync<VisitMove, int, VisitApiView>(move, SipAccess.What, m => make.RunAsync(id, m, new VisitMoveInput { Comment = input.Reason, Version = input.Version }, ct), _ => Read(id, get, ct)))
            .RequireAuthorization(Policies.SipVisitReader).WithName("MoveSipVisit")
            .WithSummary("issue (the SIP), mark-accurate or mark-inaccurate (the headteacher; the reason is the comment).").AsMove();
        visits.MapPut("/{id:int}/review", async (int id, ReviewInput input, ReviewVisit review, GetVisit get, CancellationToken ct) =>
                await ApiResults.SavedAsync(await review.RunAsync(id, input, ct), SipAccess.What, _ => Read(id, get, ct)))
            .RequireAuthorization(Policies.SipReportReviewer).WithName("ReviewSipVisit")
            .WithSummary("Judge the two features a reviewer settles: {\"accurateAndEvidenced\",\"evidenceOfChallenge\",\"note\",\"version\"}.").ProducesOperationProblems();
        visits.MapGet("/{id:int}/report", async (int id, GetSipDocuments documents, CancellationToken ct) => File(await documents.ReportAsync(id, ct)))
            .RequireAuthorization(Policies.SipVisitReader).WithName("SipVisitReport").WithSummary("The report as PDF.").ProducesOperationProblems();

        var sips = api.MapGroup("/sips").WithTags("SIP visits");
        api.MapGet("/sips", async (int? year, GetSipService service, Core.Time.LaClock clock, CancellationToken ct) =>
                ApiResults.Answer(await service.RunAsync(year ?? Domain.AcademicYear.Of(clock.Today), ct), "SIPs", v => v))
            .WithTags("SIP visits").RequireAuthorization(Policies.SipServiceReader).WithName("SipService").WithSummary("Each SIP's schools, visits made against visits due (?year=2026 for 2026/27), headship and paired visits.").ProducesOperationProblems();
        sips.MapGet("/report-quality", async (int year, GetReportQuality quality, CancellationToken ct) => ApiResults.Answer(await quality.RunAsync(year, ct), "SIP reports", v => v))
            .RequireAuthorization(Policies.SipServiceReader).WithName("SipReportQuality").WithSummary("Issued reports missing one or two and three or more of the seven features, per SIP and LA-wide (?year=).").ProducesOperationProblems();
        sips.MapPut("/{userId}/profile", async (string userId, SipProfileInput input, SaveSipProfile save, CancellationToken ct) =>
                ApiResults.Answer(await save.RunAsync(userId, input, ct), "SIP profile", version => new { version }))
            .RequireAuthorization(Policies.SipServiceEditor).WithName("SaveSipProfile").WithSummary("A SIP's headship experience and phase.").ProducesOperationProblems();

        var paired = api.MapGroup("/paired-visits").WithTags("SIP visits");
        api.MapPost("/paired-visits", async (PairedVisitInput input, SavePairedVisit save, CancellationToken ct) => ApiResults.Answer(await save.RunAsync(null, input, ct), "paired visit", id => new { id }))
            .WithTags("SIP visits").RequireAuthorization(Policies.PairedVisitRecorder).WithName("AddPairedVisit").WithSummary("Record a paired visit on a SIP's visit (visitId), grades 1–4 with evidence.").ProducesOperationProblems();
        paired.MapPut("/{id:int}", async (int id, PairedVisitInput input, SavePairedVisit save, CancellationToken ct) => ApiResults.Answer(await save.RunAsync(id, input, ct), "paired visit", saved => new { id = saved }))
            .RequireAuthorization(Policies.PairedVisitRecorder).WithName("SavePairedVisit").WithSummary("Change a paired visit; sendSummary sends the written summary to the head and the LA.").ProducesOperationProblems();
        paired.MapGet("/{id:int}/summary", async (int id, GetSipDocuments documents, CancellationToken ct) => File(await documents.PairedSummaryAsync(id, ct)))
            .RequireAuthorization(Policies.PairedVisitReader).WithName("PairedVisitSummary").WithSummary("The written summary as PDF.").ProducesOperationProblems();
        return api;
    }

    private static IResult File(OperationResult<SipDocument> result) =>
        result.Succeeded ? TypedResults.File(result.Value!.Pdf, "application/pdf", result.Value.FileName) : ApiResults.Failure(result, "document");

    private static async Task<VisitApiView?> Read(int id, GetVisit get, CancellationToken ct) => (await get.RunAsync(id, ct)).Value is { } view ? Map(view) : null;

    private static VisitApiView Map(VisitView view)
    {
        var v = view.Visit;
        return new VisitApiView(v.Id, v.Urn, view.SchoolName, v.VisitedOn, v.AcademicYear, v.SipName, v.Status.ToString(), v.IssuedOn, v.Purpose, v.Targets,
            v.ProgressTowardsTargets, v.KeyStrengths, v.Priorities, v.Robustness?.ToString(), v.EvidenceBase, v.TargetsInLineWithGuidance, v.TrackingAccurate, v.Challenge,
            v.Actions, v.EarlierActions, v.GroupMeetingId, v.RespondedBy, v.SchoolComment,
            [.. v.Features.Select(f => new FeatureView(f.Feature.Slug(), f.Feature.SettledBy().ToString(), f.Has))], v.Missing, v.Version,
            [.. view.Moves.Where(m => m.Unmet.Count == 0).Select(m => m.Move.Name.ToString())]);
    }
}
