using System.Diagnostics;

namespace SchoolSight.Bench;

/// <summary>One scenario's repetitions: times and the peak working set of the process while each ran.</summary>
public sealed record Measurement(string Scenario, string Database, int Rows, IReadOnlyList<TimeSpan> Times, long PeakBytes)
{
    public TimeSpan Median => Times.Order().ElementAt(Times.Count / 2);
    public TimeSpan Min => Times.Min();
    public double RowsPerSecond => Rows / Median.TotalSeconds;
}

public static class Measure
{
    /// <summary>
    /// Runs <paramref name="prepare"/> (not timed) then <paramref name="run"/> (timed) once to warm up and then
    /// <paramref name="reps"/> times; reports the median. The peak working set is reset before each timed run
    /// (Linux /proc/self/clear_refs) so it belongs to this scenario, not to what ran before.
    /// </summary>
    public static async Task<Measurement> RunAsync(string scenario, string database, int rows, int reps,
        Func<Task<object?>> prepare, Func<object?, Task> run, Func<object?, Task>? cleanup = null)
    {
        var times = new List<TimeSpan>();
        long peak = 0;
        for (var i = 0; i <= reps; i++)
        {
            var state = await prepare();
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            ResetPeak();
            var clock = Stopwatch.StartNew();
            await run(state);
            clock.Stop();
            var used = PeakWorkingSet();
            if (cleanup is not null) await cleanup(state);
            if (i == 0) continue; // warm-up
            times.Add(clock.Elapsed);
            peak = Math.Max(peak, used);
            Console.Error.WriteLine($"  {scenario} [{database}] run {i}/{reps}: {clock.Elapsed.TotalMilliseconds:N0} ms, peak {used / 1048576.0:N0} MB");
        }
        return new Measurement(scenario, database, rows, times, peak);
    }

    /// <summary>One timed run (for scenarios that take minutes at national size), with its own peak working set.</summary>
    public static async Task<(TimeSpan Time, long PeakBytes)> OnceAsync(Func<Task> run)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        ResetPeak();
        var clock = Stopwatch.StartNew();
        await run();
        clock.Stop();
        return (clock.Elapsed, PeakWorkingSet());
    }

    private static void ResetPeak()
    {
        try { File.WriteAllText("/proc/self/clear_refs", "5"); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>VmHWM (peak resident set) on Linux, else the process's peak working set since it started.</summary>
    private static long PeakWorkingSet()
    {
        if (File.Exists("/proc/self/status"))
            foreach (var line in File.ReadLines("/proc/self/status"))
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    return long.Parse(line[6..].Trim().Split(' ')[0]) * 1024;
        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64;
    }
}
