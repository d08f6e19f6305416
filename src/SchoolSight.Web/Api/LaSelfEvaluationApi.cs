using Microsoft.AspNetCore.Http.HttpResults;
using SchoolSight.Core.LaSelfEvaluation;
using SchoolSight.Domain;
using SchoolSight.Domain.QualityStandards;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Api;

/// <summary>The LA's self-evaluation against its quality standards and its RAG dashboard (the SMT, QA manager, M&amp;I team and LA administrator).</summary>
public static class LaSelfEvaluationApi
{
    public sealed record CriterionView(string Id, RagRating Level, string Text, bool Critical, string? Measure, string? Band, IReadOnlyList<SefPhase> Phases);

    public sealed record StandardView(string Id, StandardGroup Group, string Title, IReadOnlyList<SefPhase> Phases, IReadOnlyList<CriterionView> Criteria);

    public sealed record StandardsView(string Version, string Name, string ExternalReviewer, string OverallRule, IReadOnlyList<StandardView> Standards);

    public sealed record EvidenceView(string Title, string? Link);

    public sealed record CellView(string Standard, SefPhase Phase, RagRating? Rating, string? Colour, RagRating? ExternalRating, string? ExternalNote,
        IReadOnlyList<string> CriteriaMet, IReadOnlyList<EvidenceView> Evidence, string? ComputedFigures, string? OverrideReason, RagRating? LastYear,
        string? Movement, int Version);

    public sealed record OverallView(StandardGroup Group, SefPhase? Phase, RagRating? Rating, RagRating? ExternalRating);

    public sealed record FigureView(ComputedMeasure Measure, SefPhase? Phase, decimal? Value, string HowWorkedOut);

    public sealed record DashboardView(string AcademicYear, int Year, string La, string Status, int Version, string? SignedOffBy, DateTime? SignedOffAt,
        string StandardsVersion, string OverallRule, IReadOnlyList<CellView> Cells, IReadOnlyList<OverallView> Overall, IReadOnlyList<FigureView> Figures, IReadOnlyList<string> Years);

    public sealed record RatingRequest(RagRating? Rating, IReadOnlyList<string>? CriteriaMet, string? Evidence, string? OverrideReason,
        RagRating? ExternalRating, string? ExternalNote, int Version);

    public static RouteGroupBuilder MapLaSelfEvaluationApi(this RouteGroupBuilder api)
    {
        const string tag = "LA self-evaluation";
        api.MapGet("/la-self-evaluation", Get).WithTags(tag).RequireAuthorization(Policies.LaSelfEvaluationReader).WithName("GetLaSelfEvaluation")
            .WithSummary("The LA's self-evaluation for a year (year=2024 for 2024/25; the latest when not given) as the RAG dashboard shows it.")
            .ProducesOperationProblems();
        api.MapGet("/la-self-evaluation/standards", Standards).WithTags(tag).RequireAuthorization(Policies.LaSelfEvaluationReader).WithName("GetQualityStandards")
            .WithSummary("The LA's quality standards in use: each standard's phases and its criteria per level, critical ones marked, computed ones with their bands.");
        api.MapPut("/la-self-evaluation/{year:int}/ratings/{standard}/{phase}", Rate).WithTags(tag).RequireAuthorization(Policies.LaSelfEvaluationRecorder)
            .WithName("RateQualityStandard").ProducesOperationProblems()
            .WithSummary("Rates one standard for one phase (EarlyYears, Primary, Secondary) with the criteria met, the evidence (one item a line: title | link) and the version read (0 when not yet rated).")
            .WithDescription("422 when the critical criteria rule refuses the rating, or a computed criterion is ticked otherwise than SchoolSight finds it without a reason.");
        api.MapPost("/la-self-evaluation/{year:int}" + MoveApi.Route, Move).WithTags(tag).RequireAuthorization(Policies.LaSelfEvaluationSigner)
            .WithName("MoveLaSelfEvaluation").WithSummary("Signs off (sign-off) or reopens (reopen) the year's self-evaluation.").AsMove();
        return api;
    }

    private static async Task<Results<Ok<DashboardView>, ValidationProblem, ProblemHttpResult>> Get(int? year, GetSelfEvaluation get, CancellationToken ct) =>
        ApiResults.Answer(await get.RunAsync(year, ct), "LA self-evaluation", View);

    private static Ok<StandardsView> Standards(QualityStandardsSource source) => TypedResults.Ok(View(source.Standards));

    private static async Task<Results<Ok<CellView>, ValidationProblem, ProblemHttpResult>> Rate(int year, string standard, SefPhase phase, RatingRequest body,
        RateStandard rate, GetSelfEvaluation get, CancellationToken ct) =>
        await ApiResults.SavedAsync(await rate.RunAsync(new RateStandardInput(year, standard, phase, body.Rating, body.CriteriaMet, body.Evidence, body.OverrideReason,
            body.ExternalRating, body.ExternalNote, body.Version), ct), "rating", async y =>
            (await get.RunAsync(y, ct)).Value?.Cells.FirstOrDefault(c => c.Phase == phase && string.Equals(c.StandardId, standard, StringComparison.OrdinalIgnoreCase)) is { } cell ? View(cell) : null);

    private static Task<Results<Ok<DashboardView>, ValidationProblem, ProblemHttpResult>> Move(int year, string move, MoveRequest body,
        MoveSelfEvaluation moves, GetSelfEvaluation get, CancellationToken ct) =>
        MoveApi.MakeAsync<SelfEvaluationMove, int, DashboardView>(move, "LA self-evaluation", m => moves.RunAsync(year, m, body.Reason, body.Version, ct),
            async y => (await get.RunAsync(y, ct)).Value is { } d ? View(d) : null);

    internal static DashboardView View(SelfEvaluationDashboard d) => new(AcademicYear.Format(d.AcademicYear), d.AcademicYear, d.LaName,
        d.State switch { SelfEvaluationState.Draft => "draft", SelfEvaluationState.SignedOff => "signed-off", _ => "not-started" }, d.Version,
        d.SignedOffBy, d.SignedOffAt, d.Standards.Version, OverallRatings.Describe(d.Standards.Overall),
        [.. d.Cells.Select(View)], [.. d.Overall.Select(o => new OverallView(o.Group, o.Phase, o.Rating, o.External))],
        [.. d.Figures.All.Select(f => new FigureView(f.Measure, f.Phase, f.Value, f.HowWorkedOut))], [.. d.Years.Select(AcademicYear.Format)]);

    private static CellView View(RatingCell c) => new(c.StandardId, c.Phase, c.Rating, c.Rating?.Colour(), c.External, c.ExternalNote, [.. c.Met.Order()],
        [.. c.Evidence.Select(e => new EvidenceView(e.Title, e.Link))], c.ComputedFigures, c.OverrideReason, c.LastYear,
        c.Movement switch { 1 => "up", -1 => "down", 0 => "same", _ => null }, c.Version);

    private static StandardsView View(QualityStandardSet s) => new(s.Version, s.Name, s.ExternalReviewer, OverallRatings.Describe(s.Overall),
        [.. s.Standards.Select(x => new StandardView(x.Id, x.Group, x.Title, x.Phases,
            [.. x.Criteria.Select(c => new CriterionView(c.Id, c.Level, c.Text, c.Critical, c.Band?.Measure.ToString(), c.Band?.Describe(), c.Phases))]))]);
}
