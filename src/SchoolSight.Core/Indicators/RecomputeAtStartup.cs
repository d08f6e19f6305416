using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SchoolSight.Core.Access;
using SchoolSight.Core.Data;

namespace SchoolSight.Core.Indicators;

/// <summary>
/// At the start of the web app, once the database has been migrated (<see cref="DatabaseReady"/>), finishes the
/// recomputes an import left waiting because its process stopped after the import was saved
/// (<see cref="RecomputePending"/>). Runs once, in the background: the app serves pages meanwhile.
/// </summary>
public sealed class RecomputeAtStartup(IServiceScopeFactory scopes, ILogger<RecomputeAtStartup> logger) : BackgroundService
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<ComputeResult?> _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The recompute this start-up finished (null when none was waiting), once it has been saved.</summary>
    public Task<ComputeResult?> Finished => _finished.Task;

    /// <summary>Called when the database has been migrated.</summary>
    public void DatabaseReady() => _ready.TrySetResult();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await _ready.Task.WaitAsync(stoppingToken);
            await using var scope = scopes.CreateScopeAs(ActingUsers.Scheduler);
            var result = await scope.ServiceProvider.GetRequiredService<RecomputePending>().RunAsync(ct: stoppingToken);
            if (result is not null)
                logger.LogInformation("Finished the recompute an earlier import left waiting: {Computed} school-years, years {Years}.",
                    result.SchoolYearsComputed, string.Join(", ", result.Years));
            _finished.TrySetResult(result);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            _finished.TrySetCanceled(stoppingToken);
        }
        catch (Exception e)
        {
            logger.LogError(e, "The recompute an earlier import left waiting failed; it runs again at the next start or with schoolsight compute.");
            _finished.TrySetException(e);
        }
    }
}
