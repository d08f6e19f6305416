using Microsoft.EntityFrameworkCore;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using SchoolSight.Core.Data;
using SchoolSight.Core.Observability;

namespace SchoolSight.Web;

/// <summary>
/// Health and metrics, wired once: <c>/health</c> (anonymous; the body is only Healthy or Unhealthy) answers 200 when
/// the database can be reached and 503 when it cannot; OpenTelemetry exports the request durations and SchoolSight's
/// own histograms (imports, recomputes, PDFs) over OTLP when an endpoint is configured
/// (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c> or <c>Telemetry:OtlpEndpoint</c>), and nothing otherwise.
/// </summary>
public static class Observability
{
    public const string HealthPath = "/health";
    public const string OtlpEndpointSetting = "Telemetry:OtlpEndpoint";
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>The databases (connection strings) a health check has found set up.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> SeenSetUp = new();

    public static IServiceCollection AddSchoolSightObservability(this IServiceCollection services, IConfiguration configuration)
    {
        // The database is there, SchoolSight has been set up in it, and it answers; asking never creates one. Its list of
        // migrations is read until it has been seen set up once; after that, each check asks it for one small row (a load
        // balancer asks often, and a list of migrations costs a model of its own on every call).
        services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database", customTestQuery: async (db, ct) =>
        {
            var database = db.Database.GetConnectionString() ?? "";
            if (SeenSetUp.ContainsKey(database)) await DatabaseReadiness.EnsureStillThereAsync(db, ct);
            else
            {
                await DatabaseReadiness.EnsureExistsAsync(db, ct);
                SeenSetUp.TryAdd(database, true);
            }
            return true;
        });
        if (OtlpEndpoint(configuration) is { } endpoint)
            services.AddOpenTelemetry()
                .ConfigureResource(resource => resource.AddService("SchoolSight"))
                .WithMetrics(metrics => metrics
                    .AddMeter(SchoolSightTelemetry.MeterName)
                    .AddAspNetCoreInstrumentation()
                    .AddOtlpExporter(options => options.Endpoint = endpoint));
        return services;
    }

    public static IEndpointConventionBuilder MapSchoolSightHealth(this IEndpointRouteBuilder app) =>
        app.MapHealthChecks(HealthPath).AllowAnonymous();

    /// <summary>The OTLP endpoint when one is set; a value that is not an absolute URI stops start-up with the setting's name.</summary>
    public static Uri? OtlpEndpoint(IConfiguration configuration)
    {
        var value = configuration[OtlpEndpointSetting] is { Length: > 0 } set ? set : configuration[OtlpEndpointVariable];
        if (string.IsNullOrWhiteSpace(value)) return null;
        return Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri)
            ? uri
            : throw new InvalidOperationException($"{OtlpEndpointSetting} (or {OtlpEndpointVariable}) is not an absolute address: '{value}'.");
    }
}
