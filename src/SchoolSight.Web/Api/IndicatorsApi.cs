using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using SchoolSight.Core.Indicators;
using SchoolSight.Domain.Indicators;
using SchoolSight.Domain.Indicators.Computation;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Api;

/// <summary>
/// The data pages' figures as JSON, with the same permissions and the same small-number suppression as the pages:
/// a suppressed figure has a null value and <c>suppressed: true</c>. <c>publication=true</c> suppresses whoever asks.
/// </summary>
public static class IndicatorsApi
{
    /// <summary>A catalogue entry as the API gives it: the definition users read, not how it is counted.</summary>
    /// <param name="NotPublished">The academic years the DfE did not publish the measure for, each with the reason.</param>
    public sealed record IndicatorSummary(
        string Id, string Name, EcmOutcome Outcome, string OutcomeSlug, string? Stage, IndicatorKind Kind, Polarity Polarity, IndicatorUnit Unit,
        string Numerator, string Denominator, string Source, string? SeedMeasure, string? Equivalence, bool HasGroups,
        IReadOnlyList<NotPublishedYears> NotPublished)
    {
        public static IndicatorSummary Of(IndicatorDefinition d) =>
            new(d.Id, d.Name, d.Outcome, d.Outcome.Slug(), d.Stage, d.Kind, d.Polarity, d.Unit, d.Numerator, d.Denominator, d.Source, d.SeedMeasure, d.Equivalence, d.HasGroups,
                [.. d.NotPublished.Select(g => new NotPublishedYears(g.From, g.To, g.Years, g.Because))]);
    }

    /// <param name="From">The first academic year without the measure (its start year, 2019 for 2019/20); null for every year before <paramref name="To"/>.</param>
    /// <param name="To">The last such year; null when the measure has not been published since.</param>
    public sealed record NotPublishedYears(int? From, int? To, string Years, string Because);

    public sealed record IndicatorFigures(
        IndicatorSummary Indicator, FigureView School, IReadOnlyList<BenchmarkView> Benchmarks, IReadOnlyList<TrendPoint> Trend,
        TrendDirection TrendDirection, IReadOnlyList<GroupFigure> Groups);

    public sealed record SchoolIndicators(
        int Urn, string SchoolName, string? LocalityName, int LaCode, int? AcademicYear, IReadOnlyList<int> Years,
        bool Suppressed, string SuppressionSymbol, string SuppressionNote, string SimilarSchoolsMethod,
        IReadOnlyList<SimilarSchoolView> SimilarSchools, IReadOnlyList<IndicatorFigures> Indicators);

    public sealed record AreaIndicator(
        AreaKind Kind, string AreaCode, string AreaName, int LaCode, string LaName, IndicatorSummary Indicator, int? AcademicYear,
        IReadOnlyList<int> Years, bool Suppressed, string SuppressionSymbol, string SuppressionNote, FigureView Area, Versus AreaVersusEngland,
        FigureView England, FigureView La, IReadOnlyList<TrendPoint> AreaTrend, TrendDirection AreaTrendDirection,
        IReadOnlyList<AreaPartRow> Localities, IReadOnlyList<AreaSchoolRow> Schools, CoverageView Coverage);

    /// <summary>What an area figure counts: schools and pupils, the DfE's pupils and figure when its LA row is imported, and a warning when partial.</summary>
    public sealed record CoverageView(
        string SchoolsCounted, int Schools, double? Pupils, double? PublishedPupils, double? PercentOfPublished, decimal? PublishedValue,
        bool Partial, string? Warning, string Summary, IReadOnlyList<SchoolsNotCounted> NotCounted)
    {
        public static CoverageView Of(AreaCoverage c) =>
            new(c.SchoolsCounted, c.Schools, c.Pupils, c.PublishedPupils, c.PercentOfPublished, c.PublishedValue, c.Partial, c.Warning, c.Summary, c.NotCounted);
    }

    public static RouteGroupBuilder MapIndicatorsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/indicators", Catalogue)
            .RequireAuthorization(Policies.RegisterReader)
            .WithName("ListIndicators").WithTags("Indicators")
            .WithSummary("The indicator catalogue: every indicator's definition, outcome, polarity, unit and source.");
        api.MapGet("/schools/{urn:int}/indicators", ForSchool)
            .RequireAuthorization(Policies.RegisterReader)
            .WithName("GetSchoolIndicators").WithTags("Indicators")
            .WithSummary("A school's indicators for a year against England, the LA, the locality and similar schools, with significance, trend and pupil groups.")
            .WithDescription("year is the academic year's start (2024 for 2024/25; the latest when left out); outcome is an Every Child Matters outcome (be-healthy, stay-safe, enjoy-and-achieve, make-a-positive-contribution, achieve-economic-well-being).")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/schools/{urn:int}/indicators/{indicatorId}", ForSchoolIndicator)
            .RequireAuthorization(Policies.RegisterReader)
            .WithName("GetSchoolIndicator").WithTags("Indicators")
            .WithSummary("One indicator for a school: benchmarks, trend and the breakdown by pupil group.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/areas/la/indicators/{indicatorId}", ForLa)
            .RequireAuthorization(Policies.LaStaff)
            .WithName("GetLaIndicator").WithTags("Indicators")
            .WithSummary("One indicator across the LA: the LA against England, its localities and every school ranked (LA staff).")
            .WithDescription("la is the LA code (the LA with the most schools when left out). Schools outside the schools you may see are listed without name or URN.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/localities/{id:int}/indicators/{indicatorId}", ForLocality)
            .RequireAuthorization(Policies.LaStaff)
            .WithName("GetLocalityIndicator").WithTags("Indicators")
            .WithSummary("One indicator across a locality: the locality against the LA and England, and its schools ranked (LA staff).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/figures", Figures)
            .RequireAuthorization(Policies.RegisterReader)
            .WithName("GetAreaFigures").WithTags("Indicators")
            .WithSummary("An LA's, a locality's or a school's figures: one row per indicator and pupil group, with the DfE column, coverage and the DfE's own figure.")
            .WithDescription($"area is {FiguresArea.Help} (an LA or a locality for LA staff; a school for anyone who may read it); year is the academic year's start (the latest when left out); format=csv gives the same rows as CSV, as `schoolsight figures` prints them.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> Figures(
        string? area, int? year, string? format, bool? publication, ClaimsPrincipal user, IAuthorizationService authorization, GetAreaFigures get, CancellationToken ct)
    {
        if (FiguresArea.Parse(area) is not { } parsed)
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown area.", detail: $"'{area}' is not an area: use {FiguresArea.Help}.");
        if (format is not (null or "json" or "csv"))
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown format.", detail: $"'{format}' is not a format: use json or csv.");
        var allowed = parsed.Kind == AreaKind.School
            ? await authorization.AuthorizeAsync(user, new SchoolResource(int.Parse(parsed.Code, System.Globalization.CultureInfo.InvariantCulture)), SchoolOperations.Read)
            : await authorization.AuthorizeAsync(user, Policies.LaStaff);
        if (!allowed.Succeeded) return parsed.Kind == AreaKind.School ? ApiResults.SchoolForbidden()
            : TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden.", detail: "An LA's and a locality's figures are for LA staff.");
        if (await get.RunAsync(new FiguresRequest(parsed, year, publication == true), ct) is not { } figures) return ApiResults.NotFound(parsed.Kind == AreaKind.School ? "school" : "area");
        return format == "csv"
            ? TypedResults.File(SchoolSight.Core.Exports.TableExport.Csv(figures.Table()), "text/csv; charset=utf-8", $"figures-{parsed.Code}-{figures.AcademicYear}.csv")
            : TypedResults.Json(figures, FiguresJson.Options);
    }

    private static Ok<IReadOnlyList<IndicatorSummary>> Catalogue(IndicatorCatalogueSource source) =>
        TypedResults.Ok<IReadOnlyList<IndicatorSummary>>([.. source.Catalogue.Indicators.Select(IndicatorSummary.Of)]);

    private static async Task<Results<Ok<SchoolIndicators>, ProblemHttpResult>> ForSchool(
        int urn, int? year, string? outcome, bool? publication, ClaimsPrincipal user, IAuthorizationService authorization, GetSchoolIndicators get, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(user, new SchoolResource(urn), SchoolOperations.Read)).Succeeded) return ApiResults.SchoolForbidden();
        EcmOutcome? ecm = null;
        if (!string.IsNullOrWhiteSpace(outcome))
        {
            ecm = EcmOutcomes.FromSlug(outcome.ToLowerInvariant()) ?? (Enum.TryParse<EcmOutcome>(outcome, true, out var named) ? named : null);
            if (ecm is null)
                return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown outcome.",
                    detail: $"'{outcome}' is not an Every Child Matters outcome: use one of {string.Join(", ", EcmOutcomes.All.Select(o => o.Slug()))}.");
        }
        if (await get.RunAsync(urn, year, ecm, publication == true, ct) is not { } view) return ApiResults.NotFound("school");
        return TypedResults.Ok(Map(view, view.Rows));
    }

    private static async Task<Results<Ok<SchoolIndicators>, ProblemHttpResult>> ForSchoolIndicator(
        int urn, string indicatorId, int? year, bool? publication, ClaimsPrincipal user, IAuthorizationService authorization,
        GetSchoolIndicators get, IndicatorCatalogueSource source, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(user, new SchoolResource(urn), SchoolOperations.Read)).Succeeded) return ApiResults.SchoolForbidden();
        if (source.Catalogue.Find(indicatorId) is not { } indicator) return ApiResults.NotFound("indicator");
        if (await get.RunAsync(urn, year, indicator.Outcome, publication == true, ct) is not { } view) return ApiResults.NotFound("school");
        return TypedResults.Ok(Map(view, [.. view.Rows.Where(r => r.Indicator.Id == indicator.Id)]));
    }

    private static async Task<Results<Ok<AreaIndicator>, ProblemHttpResult>> ForLa(
        string indicatorId, int? year, int? la, bool? publication, GetAreaIndicator get, CancellationToken ct) =>
        await get.RunAsync(new AreaIndicatorRequest(AreaKind.LocalAuthority, la?.ToString(), indicatorId, year, publication == true), ct) is { } view
            ? TypedResults.Ok(Map(view))
            : ApiResults.NotFound("local authority or indicator");

    private static async Task<Results<Ok<AreaIndicator>, ProblemHttpResult>> ForLocality(
        int id, string indicatorId, int? year, bool? publication, GetAreaIndicator get, CancellationToken ct) =>
        await get.RunAsync(new AreaIndicatorRequest(AreaKind.Locality, id.ToString(), indicatorId, year, publication == true), ct) is { } view
            ? TypedResults.Ok(Map(view))
            : ApiResults.NotFound("locality or indicator");

    private static SchoolIndicators Map(SchoolIndicatorsView v, IEnumerable<IndicatorRow> rows) =>
        new(v.Urn, v.SchoolName, v.LocalityName, v.LaCode, v.AcademicYear, v.Years, v.Suppressed, SuppressionRule.Symbol, v.SuppressionNote,
            v.SimilarMethod, v.SimilarSchools,
            [.. rows.Select(r => new IndicatorFigures(IndicatorSummary.Of(r.Indicator), r.School, r.Benchmarks, r.Trend, r.TrendDirection, r.Groups))]);

    private static AreaIndicator Map(AreaIndicatorView v) =>
        new(v.Kind, v.AreaCode, v.AreaName, v.LaCode, v.LaName, IndicatorSummary.Of(v.Indicator), v.AcademicYear, v.Years, v.Suppressed,
            SuppressionRule.Symbol, v.SuppressionNote, v.Area, v.AreaVersusEngland, v.England, v.La, v.AreaTrend, v.AreaTrendDirection, v.Localities, v.Schools,
            CoverageView.Of(v.Coverage));
}
