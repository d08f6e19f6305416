using System.Diagnostics;

namespace SchoolSight.Domain.Indicators.Computation;

/// <summary>
/// Where one thread's counting spent its time (<see cref="Stopwatch"/> ticks), part by part, for reporting where a
/// recompute's time goes: the pupils' cells and groups, the lowest-20% histograms, the survey's perception and the
/// intake profiles similar schools are matched on. Not thread-safe: one per thread, added up afterwards.
/// </summary>
public sealed class CountingTimes
{
    public long Groups { get; private set; }
    public long Histograms { get; private set; }
    public long Perception { get; private set; }
    public long Intake { get; private set; }

    internal void AddGroups(long since) => Groups += Stopwatch.GetTimestamp() - since;
    internal void AddHistograms(long since) => Histograms += Stopwatch.GetTimestamp() - since;
    internal void AddPerception(long since) => Perception += Stopwatch.GetTimestamp() - since;
    internal void AddIntake(long since) => Intake += Stopwatch.GetTimestamp() - since;
}
