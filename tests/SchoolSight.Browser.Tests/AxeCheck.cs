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

    /// <summary>The serious and critical violations on the page as loaded, each starting with <paramref name="where"/>.</summary>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page, AxeRunOptions options, string where)
    {
        AxeResult result;
        try { result = await page.RunAxe(options).WaitAsync(TimeLimit); }
        catch (TimeoutException) { throw new TimeoutException($"axe-core did not finish on {where} ({page.Url}) within {TimeLimit.TotalSeconds:0} s"); }
        return [.. result.Violations.Where(v => Blocking.Contains(v.Impact)).Select(v =>
            $"{where}: {v.Id} ({v.Impact}) {v.Help}: {string.Join(" | ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target)))}")];
    }
}
