namespace SchoolSight.Domain.Categorisation.Rules;

/// <summary>
/// The known names a mistyped one was probably meant to be: those containing it or contained in it, and those within
/// a couple of typing mistakes (a letter wrong, missing, extra, or two swapped), closest first (ties in the order they are known).
/// </summary>
internal static class NearMatches
{
    public static IReadOnlyList<string> Of(string typed, IEnumerable<string> known, int most = 3)
    {
        if (typed.Length < 3) return [];
        var allowed = Math.Max(1, typed.Length / 5);
        return [.. known
            .Select((k, order) => (Name: k, Order: order, Distance: k.Contains(typed, StringComparison.OrdinalIgnoreCase) || typed.Contains(k, StringComparison.OrdinalIgnoreCase)
                ? 0 : Distance(typed.ToUpperInvariant(), k.ToUpperInvariant())))
            .Where(m => m.Distance <= allowed)
            .OrderBy(m => m.Distance).ThenBy(m => m.Order)
            .Take(most).Select(m => m.Name)];
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps.</summary>
    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }
}
