using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SchoolSight.Core.Access;
using SchoolSight.Core.Data;

namespace SchoolSight.Core.Retention;

/// <summary>
/// Runs <see cref="ApplyRetention"/> in the web app: first <see cref="RetentionOptions.FirstRunAfter"/> after start-up,
/// then every <see cref="RetentionOptions.Interval"/>. What is held is in the database, so a missed or repeated run
/// does no harm: the next one removes whatever has passed the retention period, and a run with nothing to remove
/// changes nothing.
/// </summary>
public sealed class RetentionScheduler(IServiceScopeFactory scopes, TimeProvider clock, IOptions<RetentionOptions> options, ILogger<RetentionScheduler> logger)
    : BackgroundService
{
    /// <summary>Runs completed since start (for monitoring and tests).</summary>
    public int CompletedRuns { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (!o.Enabled)
        {
            logger.LogInformation("The pupil data retention job is off (Retention:Enabled).");
            return;
        }
        var wait = o.FirstRunAfter;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(wait, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            wait = o.Interval;
            try
            {
                await using var scope = scopes.CreateScopeAs(ActingUsers.Scheduler);
                var result = await scope.ServiceProvider.GetRequiredService<ApplyRetention>().RunAsync(new RetentionRequest(o.PupilDataYears), stoppingToken);
                if (result.Years.Count > 0)
                    logger.LogInformation("Pupil data retention: removed {PupilBlocks} pupil and {SurveyBlocks} survey blocks of {Years}, kept from {Oldest}.",
                        result.PupilBlocks, result.SurveyBlocks, string.Join(", ", result.Years.Select(y => Domain.AcademicYear.Format(y.AcademicYear))),
                        Domain.AcademicYear.Format(result.OldestYearKept));
                CompletedRuns++;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "The pupil data retention job failed; it will run again.");
            }
        }
    }
}

public static class RetentionServices
{
    /// <summary>The retention period (<c>Retention</c> section) and the job that applies it.</summary>
    public static IServiceCollection AddPupilDataRetention(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RetentionOptions>(configuration.GetSection(RetentionOptions.Section));
        services.AddHostedService<RetentionScheduler>();
        return services;
    }
}
