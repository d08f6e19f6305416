using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SchoolSight.Core.Access;
using SchoolSight.Core.Data;

namespace SchoolSight.Core.ImprovingOutcomes.Reminders;

/// <summary>
/// Looks for due programme reminders every <see cref="ReminderOptions.PollInterval"/> and sends them
/// (<see cref="SendDueReminders"/>). Does nothing when no SMTP server is configured. What was sent is in the
/// database, so a restart carries on where it stopped without sending anything twice.
/// </summary>
public sealed class ReminderScheduler(IServiceScopeFactory scopes, TimeProvider clock, IOptions<ReminderOptions> options, ILogger<ReminderScheduler> logger)
    : BackgroundService
{
    /// <summary>Passes completed since start (for monitoring and tests).</summary>
    public int CompletedPasses { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            logger.LogInformation("Programme reminders are off: no SMTP host and sender are configured (Reminders:SmtpHost, Reminders:From).");
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateScopeAs(ActingUsers.Scheduler);
                // Each pass logs what it sent and skipped (SendDueReminders).
                await scope.ServiceProvider.GetRequiredService<SendDueReminders>().RunAsync(stoppingToken);
                CompletedPasses++;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "The programme reminder pass failed; it will run again.");
            }
            try
            {
                await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
