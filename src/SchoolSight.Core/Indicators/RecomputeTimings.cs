using System.Diagnostics;
using SchoolSight.Domain.Indicators.Computation;

namespace SchoolSight.Core.Indicators;

/// <summary>The parts a recompute is reported in, the same as the benchmark's DuckDB baseline's.</summary>
public enum RecomputePart { CountingAndGroups, Lowest20Histograms, Perception, AreaSums, SimilarSchools }

/// <summary>The steps of a recompute, each belonging to one <see cref="RecomputePart"/>.</summary>
public enum RecomputeStep
{
    FindingChanges, ReadingPupilBlocks, DecodingPupils, CountingGroups, SharesAndEncoding, SavingSchools,
    Histograms,
    ReadingSurveyBlocks, DecodingSurveys, Perception,
    ReadingSchoolResults, SummingAreas, SavingAreas,
    Intake, FindingSimilar, SavingSimilar,
}

/// <summary>
/// Where a recompute's time went, step by step and part by part, in wall time: the steps add up to the whole run. Work
/// done on several threads at once (counting a batch of schools on every core while the database saves the batch before
/// and reads the batch after) is timed on each thread and the wall time of the section is shared out among its steps
/// in proportion. Measured on every run (a few clock reads per school); the
/// benchmark reads it and the recompute's log line gives it at Debug level.
/// </summary>
public sealed class RecomputeTimings
{
    private static readonly int StepCount = Enum.GetValues<RecomputeStep>().Length;
    private readonly long[] _ticks = new long[StepCount];

    public TimeSpan this[RecomputeStep step] => Stopwatch.GetElapsedTime(0, _ticks[(int)step]);

    public TimeSpan Part(RecomputePart part) =>
        Stopwatch.GetElapsedTime(0, Enum.GetValues<RecomputeStep>().Where(s => PartOf(s) == part).Sum(s => _ticks[(int)s]));

    public TimeSpan Total => Stopwatch.GetElapsedTime(0, _ticks.Sum());

    public static RecomputePart PartOf(RecomputeStep step) => step switch
    {
        RecomputeStep.FindingChanges or RecomputeStep.ReadingPupilBlocks or RecomputeStep.DecodingPupils or RecomputeStep.CountingGroups
            or RecomputeStep.SharesAndEncoding or RecomputeStep.SavingSchools => RecomputePart.CountingAndGroups,
        RecomputeStep.Histograms => RecomputePart.Lowest20Histograms,
        RecomputeStep.ReadingSurveyBlocks or RecomputeStep.DecodingSurveys or RecomputeStep.Perception => RecomputePart.Perception,
        RecomputeStep.ReadingSchoolResults or RecomputeStep.SummingAreas or RecomputeStep.SavingAreas => RecomputePart.AreaSums,
        RecomputeStep.Intake or RecomputeStep.FindingSimilar or RecomputeStep.SavingSimilar => RecomputePart.SimilarSchools,
        _ => throw new ArgumentOutOfRangeException(nameof(step)),
    };

    /// <summary>"counting and groups 0.41 s, …", for the log.</summary>
    public override string ToString() => string.Join(", ", Enum.GetValues<RecomputePart>().Select(p => $"{p} {Part(p).TotalSeconds:0.000} s"));

    /// <summary>Adds the time since <paramref name="since"/> (a <see cref="Stopwatch.GetTimestamp"/>) to <paramref name="step"/> and returns now.</summary>
    internal long Add(RecomputeStep step, long since)
    {
        var now = Stopwatch.GetTimestamp();
        _ticks[(int)step] += now - since;
        return now;
    }

    /// <summary>Shares the wall time since <paramref name="since"/> among the steps the threads timed, in proportion.</summary>
    internal long Spread(long since, ThreadTimes threads)
    {
        var now = Stopwatch.GetTimestamp();
        var busy = threads.Ticks.Sum();
        if (busy > 0)
            for (var s = 0; s < StepCount; s++) _ticks[s] += (long)((now - since) * (threads.Ticks[s] / (double)busy));
        return now;
    }

    /// <summary>What the threads of one parallel section spent on each step, summed over the threads.</summary>
    internal sealed class ThreadTimes
    {
        /// <summary>When these times were started (a <see cref="Stopwatch.GetTimestamp"/>).</summary>
        public long Started { get; } = Stopwatch.GetTimestamp();

        public long[] Ticks { get; } = new long[StepCount];
        public CountingTimes Counting { get; } = new();

        public long Add(RecomputeStep step, long since)
        {
            var now = Stopwatch.GetTimestamp();
            Ticks[(int)step] += now - since;
            return now;
        }

        /// <summary>Adds one thread's times (with its counting's) to these, under a lock.</summary>
        public void Merge(ThreadTimes thread)
        {
            lock (Ticks)
            {
                for (var s = 0; s < StepCount; s++) Ticks[s] += thread.Ticks[s];
                Ticks[(int)RecomputeStep.CountingGroups] += thread.Counting.Groups;
                Ticks[(int)RecomputeStep.Histograms] += thread.Counting.Histograms;
                Ticks[(int)RecomputeStep.Perception] += thread.Counting.Perception;
                Ticks[(int)RecomputeStep.Intake] += thread.Counting.Intake;
            }
        }
    }
}
