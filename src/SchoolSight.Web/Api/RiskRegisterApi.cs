using Microsoft.AspNetCore.Http.HttpResults;
using SchoolSight.Core.Categorisation;
using SchoolSight.Core.Indicators;
using SchoolSight.Domain;
using SchoolSight.Domain.Categorisation;
using SchoolSight.Domain.ImprovingOutcomes;
using SchoolSight.Domain.Indicators.Computation;
using SchoolSight.Domain.Published;
using SchoolSight.Domain.Register;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Api;

/// <summary>The risk register, filtered as the page is (LA officers only).</summary>
public static class RiskRegisterApi
{
    public sealed record MovementView(string Direction, LevelOfSupport? From, LevelOfSupport To, DateOnly On);

    public sealed record TrendView(string IndicatorId, string Indicator, TrendDirection Direction);

    /// <summary>
    /// The latest inspection on its own framework ("overall-grade", "key-judgements-only" or "report-card"): a report
    /// card has no overall effectiveness, its grades are in reportCard; safeguarding is effective / standards met.
    /// </summary>
    public sealed record OfstedView(DateOnly InspectionDate, string Framework, OfstedJudgement? OverallEffectiveness, bool OverallNotGraded, CategoryOfConcern? CategoryOfConcern,
        IReadOnlyDictionary<string, ReportCardGrade> ReportCard, bool? Safeguarding);

    /// <summary>A judgement on its scale: overall effectiveness on the four-point scale, or the worst report card area on the five-point one.</summary>
    public sealed record JudgementView(string Scale, string Area, OfstedJudgement? Grade, ReportCardGrade? ReportCardGrade, string AcademicYear);

    public sealed record CaseView(int Id, SupportTier Tier, CaseState State, string Link);

    public sealed record Row(int Urn, string Name, int? LocalityId, string? Locality, SchoolPhase Phase, LevelOfSupport? Level, MovementView? Movement,
        IReadOnlyList<string> Reasons, LevelOfSupport? ProposedLevel, TrendView? HeadlineTrend, OfstedView? Ofsted, JudgementView? SipJudgement,
        JudgementView? SelfEvaluation, CaseView? ProgrammeCase);

    public static RouteGroupBuilder MapRiskRegisterApi(this RouteGroupBuilder api)
    {
        api.MapGet("/risk-register", List).WithTags("Levels of support").RequireAuthorization(Policies.RiskRegisterReader).WithName("GetRiskRegister")
            .WithSummary("Every open school with its level of support, reasons, movement, headline trend, Ofsted, SIP and self-evaluation judgements and open programme case.")
            .WithDescription("Filter with locality (id), phase (e.g. Primary) and level (universal, targeted, intensive, or none for schools not yet categorised). Most support first, then by name.");
        return api;
    }

    private static async Task<Results<Ok<IReadOnlyList<Row>>, ValidationProblem>> List(string? locality, string? phase, string? level, GetRiskRegister register, CancellationToken ct)
    {
        var (filter, errors) = RiskRegisterFilter.Parse(locality, phase, level);
        if (errors.Count > 0) return ApiResults.Validation(errors);
        var result = await register.RunAsync(filter, ct);
        return TypedResults.Ok<IReadOnlyList<Row>>([.. result.Rows.Select(r => new Row(r.Urn, r.Name, r.LocalityId, r.Locality, r.Phase, r.Level,
            r.Movement is { } m ? new MovementView(m.Direction > 0 ? "up" : m.Direction < 0 ? "down" : "first", m.From, m.To, m.On) : null,
            r.Reasons, r.ProposedLevel, r.Trend is { } t ? new TrendView(t.IndicatorId, t.IndicatorName, t.Direction) : null,
            r.Ofsted is { } o ? new OfstedView(o.InspectionDate, Slug(o.Framework), o.Overall, o.OverallNotGraded, o.Category,
                o.ReportCard.ToDictionary(a => a.Area, a => a.Grade), o.Safeguarding) : null,
            View(r.Sip), View(r.SelfEvaluation),
            r.Case is { } c ? new CaseView(c.Id, c.Tier, c.State, $"/Programme/Cases/{c.Id}") : null))]);
    }

    private static JudgementView? View(OverallJudgement? j) => j is null ? null
        : new JudgementView(j.Grade.Scale == JudgementScale.ReportCard ? "report-card" : "four-point", j.Area.Slug(), j.Grade.FourPoint, j.Grade.ReportCard, AcademicYear.Format(j.AcademicYear));

    private static string Slug(OfstedFramework framework) => framework switch
    {
        OfstedFramework.OverallGrade => "overall-grade",
        OfstedFramework.KeyJudgementsOnly => "key-judgements-only",
        OfstedFramework.ReportCard => "report-card",
    };
}
