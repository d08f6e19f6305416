using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace SchoolSight.Browser.Tests;

/// <summary>
/// How the browser tests run axe-core (it comes with its NuGet package, never from the internet): only the violations,
/// the serious and critical ones listed with where they were found, and a time limit, so that a page where axe-core
/// cannot finish fails its test by name instead of stalling the run. axe-core runs inside the page, so it needs a
/// browser context with JavaScript enabled.
/// </summary>
public static class AxeCheck
{
    public static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(60);
    private static readonly string[] Blocking = ["serious", "critical"];

    /// <summary>Every rule; only the violations come back with their elements (passes are counted, not described), which keeps each check quick.</summary>
    public static readonly AxeRunOptions EveryRule = new() { ResultTypes = [ResultType.Violations] };

    /// <summary>
    /// axe-core run in the page itself. SchoolSight's pages have no frames, so this finds what the frame-by-frame run
    /// finds, without that run's second copy of axe-core and extra blank page for every check.
    /// </summary>
#pragma warning disable CS0618 // the in-page run is kept for pages without frames, as these are
    private static Task<AxeResult> InPage(IPage page, AxeRunOptions options) => page.RunAxeLegacy(options: options);
#pragma warning restore CS0618

    /// <summary>The serious and critical violations on the page as loaded, each starting with <paramref name="where"/>.</summary>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page, AxeRunOptions options, string where)
    {
        AxeResult result;
        try { result = await InPage(page, options).WaitAsync(TimeLimit); }
        catch (TimeoutException) { throw new TimeoutException($"axe-core did not finish on {where} ({page.Url}) within {TimeLimit.TotalSeconds:0} s"); }
        return [.. result.Violations.Where(v => Blocking.Contains(v.Impact)).Select(v =>
            $"{where}: {v.Id} ({v.Impact}) {v.Help}: {string.Join(" | ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target)))}")];
    }
}
