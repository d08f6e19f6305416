namespace SchoolSight.Domain.Indicators;

/// <summary>The LA's small-numbers rule (DOMAIN.md 3.4): by default counts of 1–5 and rates over fewer than 6 are not shown.</summary>
public sealed record SuppressionRule(int SmallestCountShown = 6, int SmallestDenominatorShown = 6)
{
    public static readonly SuppressionRule Default = new();

    public const string Symbol = "c";

    public string Describe() => $"Figures about 1 to {SmallestCountShown - 1} pupils, and rates over fewer than {SmallestDenominatorShown}, are shown as '{Symbol}' to protect pupils' identities; a second figure is hidden where it would let a hidden one be worked out.";
}

/// <summary>One figure of a table: its numerator (pupils counted) and denominator, and whether the numerator is a count of pupils.</summary>
public readonly record struct DisclosureCell(double Numerator, double Denominator, bool NumeratorIsCount = true);

/// <summary>A line of a table that adds up: the total's numerator and denominator are the sums of the parts'.</summary>
public sealed record AdditiveLine(int Total, IReadOnlyList<int> Parts);

/// <summary>
/// Small-number suppression with secondary suppression. Primary: a cell whose count is 1–5 or whose denominator is under
/// the rule's minimum is hidden. Secondary: while any hidden cell's numerator could be worked out from the shown cells
/// through the table's additive lines (a linear-algebra test, not only "one missing cell in a line"), another cell on a
/// line through it is hidden — the one with the smallest denominator.
/// </summary>
public static class Suppression
{
    public static bool[] Apply(IReadOnlyList<DisclosureCell> cells, IReadOnlyList<AdditiveLine> lines, SuppressionRule rule)
    {
        var hidden = new bool[cells.Count];
        for (var i = 0; i < cells.Count; i++)
        {
            var c = cells[i];
            if (c.Denominator <= 0) continue;
            hidden[i] = c.Denominator < rule.SmallestDenominatorShown
                || (c.NumeratorIsCount && c.Numerator >= 1 && c.Numerator < rule.SmallestCountShown);
        }
        if (!hidden.Any(h => h)) return hidden;

        for (var guard = 0; guard <= cells.Count; guard++)
        {
            var exposed = Enumerable.Range(0, cells.Count).FirstOrDefault(i => hidden[i] && IsDetermined(i, hidden, lines), -1);
            if (exposed < 0) break;
            var candidates = lines.Where(l => l.Total == exposed || l.Parts.Contains(exposed))
                .SelectMany(l => l.Parts.Append(l.Total)).Where(j => !hidden[j] && cells[j].Denominator > 0).Distinct()
                .OrderBy(j => lines.Any(l => l.Total == j) ? 1 : 0).ThenBy(j => cells[j].Denominator).ThenBy(j => j).ToList();
            if (candidates.Count == 0) break;
            hidden[candidates[0]] = true;
        }
        return hidden;
    }

    /// <summary>
    /// Whether hidden cell <paramref name="cell"/>'s numerator follows from the shown cells: the additive lines,
    /// restricted to hidden cells (shown ones are known constants), determine it exactly when its unit vector lies in
    /// the row space of that system.
    /// </summary>
    public static bool IsDetermined(int cell, bool[] hidden, IReadOnlyList<AdditiveLine> lines)
    {
        var unknowns = Enumerable.Range(0, hidden.Length).Where(i => hidden[i]).ToList();
        var column = unknowns.ToDictionary(i => i, i => unknowns.IndexOf(i));
        var rows = new List<double[]>();
        foreach (var line in lines)
        {
            var row = new double[unknowns.Count];
            if (hidden[line.Total]) row[column[line.Total]] += 1;
            foreach (var p in line.Parts)
                if (hidden[p]) row[column[p]] -= 1;
            if (row.Any(x => x != 0)) rows.Add(row);
        }
        if (rows.Count == 0) return false;
        var target = new double[unknowns.Count];
        target[column[cell]] = 1;
        return Rank(rows) == Rank([.. rows, target]);
    }

    private static int Rank(List<double[]> rows)
    {
        var m = rows.Select(r => (double[])r.Clone()).ToArray();
        var rank = 0;
        var width = m.Length == 0 ? 0 : m[0].Length;
        for (var col = 0; col < width && rank < m.Length; col++)
        {
            var pivot = Enumerable.Range(rank, m.Length - rank).OrderByDescending(r => Math.Abs(m[r][col])).First();
            if (Math.Abs(m[pivot][col]) < 1e-9) continue;
            (m[rank], m[pivot]) = (m[pivot], m[rank]);
            for (var r = 0; r < m.Length; r++)
            {
                if (r == rank || Math.Abs(m[r][col]) < 1e-12) continue;
                var f = m[r][col] / m[rank][col];
                for (var c = col; c < width; c++) m[r][c] -= f * m[rank][c];
            }
            rank++;
        }
        return rank;
    }

    /// <summary>The additive lines of a pupil-group breakdown: all pupils = each pair of complementary groups.</summary>
    public static IReadOnlyList<AdditiveLine> GroupLines(IReadOnlyList<PupilGroup> groups)
    {
        int IndexOf(PupilGroup g) => groups.ToList().IndexOf(g);
        var all = IndexOf(PupilGroup.All);
        if (all < 0) return [];
        (PupilGroup, PupilGroup)[] pairs =
        [
            (PupilGroup.Fsm, PupilGroup.NonFsm), (PupilGroup.Sen, PupilGroup.NonSen), (PupilGroup.InCare, PupilGroup.NotInCare),
            (PupilGroup.Eal, PupilGroup.NonEal), (PupilGroup.Boys, PupilGroup.Girls),
        ];
        return [.. pairs.Where(p => IndexOf(p.Item1) >= 0 && IndexOf(p.Item2) >= 0)
            .Select(p => new AdditiveLine(all, [IndexOf(p.Item1), IndexOf(p.Item2)]))];
    }
}
