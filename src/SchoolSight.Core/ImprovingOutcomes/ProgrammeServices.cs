using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SchoolSight.Core.Documents;
using SchoolSight.Core.ImprovingOutcomes.Reminders;

namespace SchoolSight.Core.ImprovingOutcomes;

public static class ProgrammeServices
{
    /// <summary>The programme's services beyond its operations: the PDF renderer, the reminder mailer and scheduler.</summary>
    public static IServiceCollection AddImprovingOutcomesProgramme(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ReminderOptions>(configuration.GetSection(ReminderOptions.Section));
        services.AddSingleton<IPdfRenderer>(provider => new ChromiumPdfRenderer(configuration, provider.GetService<Observability.SchoolSightTelemetry>()));
        services.AddSingleton<IReminderMailer, SmtpReminderMailer>();
        services.AddHostedService<ReminderScheduler>();
        return services;
    }
}
