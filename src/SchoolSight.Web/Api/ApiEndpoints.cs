using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Api;

public static class ApiEndpoints
{
    /// <summary>The JSON API under /api/v1: same policies as the pages, RFC 7807 problem details for errors.</summary>
    public static IEndpointRouteBuilder MapSchoolSightApi(this IEndpointRouteBuilder app)
    {
        // Writes carry X-SchoolSight-Request instead of a form's antiforgery token (see ApiRequestHeader).
        var v1 = app.MapGroup("/api/v1").RequireAuthorization(Policies.SignedIn).DisableAntiforgery()
            .AddEndpointFilter(ApiRequestHeader.RequireOnWritesAsync);
        v1.MapSchoolsApi();
        v1.MapLocalitiesApi();
        v1.MapClustersApi();
        v1.MapPartnersApi();
        v1.MapImportsApi();
        v1.MapPublishedImportsApi();
        v1.MapIndicatorsApi();
        v1.MapProgrammeApi();
        v1.MapProgressEvidenceFilesApi();
        v1.MapCategorisationApi();
        v1.MapJudgementsApi();
        v1.MapConcernsApi();
        v1.MapRiskRegisterApi();
        v1.MapHealthySchoolsApi();
        v1.MapSipApi();
        v1.MapHomeApi();
        v1.MapSelfEvaluationApi();
        v1.MapSurveysApi();
        v1.MapLaSelfEvaluationApi();
        return app;
    }
}
