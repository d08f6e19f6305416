using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SchoolSight.Core;

public static class CoreServices
{
    /// <summary>Registers SchoolSight's named operations, shared by the web app, the API and the CLI.</summary>
    public static IServiceCollection AddSchoolSightCore(this IServiceCollection services)
    {
        foreach (var type in typeof(CoreServices).Assembly.GetTypes()
                     .Where(t => t is { IsClass: true, IsAbstract: false } && t.GetCustomAttributes(typeof(OperationAttribute), false).Length > 0))
        {
            services.AddScoped(type);
            // Each feature's reminders, for the one reminder scheduler.
            if (typeof(ImprovingOutcomes.Reminders.IReminderSource).IsAssignableFrom(type))
                services.AddScoped(sp => (ImprovingOutcomes.Reminders.IReminderSource)sp.GetRequiredService(type));
        }
        services.AddSingleton<Indicators.IndicatorCatalogueSource>();
        services.TryAddSingleton<Indicators.FiguresCache>();
        services.AddSingleton<HealthySchools.HealthySchoolsConfiguration>();
        // The web app and the CLI register the configured folder first (Imports:TempFolder).
        services.TryAddSingleton(Imports.ImportTempFolder.Default);
        services.AddSingleton<Categorisation.RuleSets>();
        services.TryAddSingleton<LaSelfEvaluation.QualityStandardsSource>();
        services.TryAddScoped<Data.ScopeActor>();
        services.TryAddSingleton<Observability.SchoolSightTelemetry>();
        services.TryAddSingleton(sp => Sip.SipOptions.FromConfiguration(sp.GetService<Microsoft.Extensions.Configuration.IConfiguration>()));
        return services;
    }
}

/// <summary>Marks a class as a named operation (ImportGias, EditSchool, ...), registered as a scoped service.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class OperationAttribute : Attribute;
