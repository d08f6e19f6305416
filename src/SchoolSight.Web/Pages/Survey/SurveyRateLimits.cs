using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace SchoolSight.Web.Pages.Survey;

/// <summary>
/// How often the survey pages answer one client address: enough for a whole school behind one address answering at
/// once, far too few to guess codes (27^8 of them).
/// </summary>
public static class SurveyRateLimits
{
    public const string Policy = "survey";

    public static IServiceCollection AddSchoolSightSurveyPages(this IServiceCollection services, IConfiguration configuration)
    {
        var perMinute = configuration.GetValue<int?>("Voice:RequestsPerMinutePerAddress") ?? 20_000;
        services.Configure<RateLimiterOptions>(options => options.AddPolicy(Policy, context =>
            RateLimitPartition.GetFixedWindowLimiter("survey:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = perMinute,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            })));
        return services;
    }
}
