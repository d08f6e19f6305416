using System.Globalization;

namespace SchoolSight.Bench.Pages;

/// <summary>One request's outcome: its page kind, its time, and whether it answered as expected.</summary>
public readonly record struct Sample(string Page, double Milliseconds, bool Ok, long Bytes = 0);

/// <summary>
/// A stage's samples summed up per page and overall: requests a second over the stage's wall time, exact percentiles
/// from every sample (sorted, nearest rank), the slowest, the errors and the requests over 2 seconds.
/// </summary>
public sealed record LoadStats(string Page, int Requests, double PerSecond, double P50, double P95, double P99, double Max, int Errors, int Timeouts)
{
    public const double TimeoutMilliseconds = 2000;

    public static LoadStats Of(string page, IReadOnlyCollection<Sample> samples, TimeSpan wall)
    {
        var times = samples.Select(s => s.Milliseconds).Order().ToArray();
        double Percentile(double p) => times.Length == 0 ? 0 : times[Math.Min(times.Length - 1, Math.Max(0, (int)Math.Ceiling(p * times.Length) - 1))];
        return new(page, times.Length, times.Length / wall.TotalSeconds, Percentile(0.5), Percentile(0.95), Percentile(0.99),
            times.Length == 0 ? 0 : times[^1], samples.Count(s => !s.Ok), times.Count(t => t > TimeoutMilliseconds));
    }

    public static IReadOnlyList<LoadStats> PerPage(IReadOnlyCollection<Sample> samples, TimeSpan wall) =>
        [.. PageMix.Pages.Select(p => Of(p, [.. samples.Where(s => s.Page == p)], wall)).Where(s => s.Requests > 0), Of("**overall**", samples, wall)];

    public const string Header = "| page | requests | requests/s | p50 | p95 | p99 | max | errors | over 2 s |\n|---|---|---|---|---|---|---|---|---|";

    public string Row() => string.Create(CultureInfo.InvariantCulture,
        $"| {Page} | {Requests:N0} | {PerSecond:N0} | {P50:N1} ms | {P95:N1} ms | {P99:N1} ms | {Max:N0} ms | {Errors} | {Timeouts} |");

    /// <summary>The one-minute load average of the machine (Linux), to say how shared it was.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
}
