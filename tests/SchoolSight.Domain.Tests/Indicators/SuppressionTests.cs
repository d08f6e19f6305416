using CsCheck;
using SchoolSight.Domain.Indicators;

namespace SchoolSight.Domain.Tests.Indicators;

public sealed class SuppressionTests
{
    private static readonly SuppressionRule Rule = SuppressionRule.Default;

    /// <summary>
    /// A group breakdown built the way SchoolSight builds it: pupils fall into 32 cells (FSM × SEN × care × EAL × gender)
    /// and every group is a sum of cells, so the table's additive lines hold exactly.
    /// </summary>
    private static readonly Gen<(DisclosureCell[] Cells, IReadOnlyList<AdditiveLine> Lines)> GroupTables =
        Gen.Select(Gen.Int[0, 12].Array[PupilGroups.CellCount], Gen.Double[0, 1].Array[PupilGroups.CellCount], (counts, rates) =>
        {
            var numerators = counts.Select((c, i) => Math.Round(c * rates[i])).ToArray();
            var cells = PupilGroups.All.Select(g =>
            {
                double n = 0, d = 0;
                for (var cell = 0; cell < PupilGroups.CellCount; cell++)
                    if (g.Contains(cell)) { n += numerators[cell]; d += counts[cell]; }
                return new DisclosureCell(n, d);
            }).ToArray();
            return (cells, Suppression.GroupLines(PupilGroups.All));
        });

    /// <summary>An LA ranking: each school a row, the LA total their sum.</summary>
    private static readonly Gen<(DisclosureCell[] Cells, IReadOnlyList<AdditiveLine> Lines)> RankingTables =
        Gen.Select(Gen.Int[0, 40].Array[2, 25], Gen.Double[0, 1], (sizes, rate) =>
        {
            var schools = sizes.Select((s, i) => new DisclosureCell(Math.Round(s * ((rate + i * 0.13) % 1)), s)).ToList();
            var total = new DisclosureCell(schools.Sum(c => c.Numerator), schools.Sum(c => c.Denominator));
            var cells = schools.Append(total).ToArray();
            return (cells, (IReadOnlyList<AdditiveLine>)[new AdditiveLine(cells.Length - 1, [.. Enumerable.Range(0, schools.Count)])]);
        });

    [Fact]
    public void EverySmallFigure_IsHidden() =>
        GroupTables.Sample(t =>
        {
            var hidden = Suppression.Apply(t.Cells, t.Lines, Rule);
            for (var i = 0; i < t.Cells.Length; i++)
            {
                var c = t.Cells[i];
                if (c.Denominator is > 0 and < 6 || c.Numerator is >= 1 and <= 5) hidden[i].ShouldBeTrue($"cell {i}: {c}");
            }
        });

    [Fact]
    public void NoHiddenFigure_CanBeWorkedOutByRepeatedSubtraction_InAGroupBreakdown() =>
        GroupTables.Sample(t => NothingRecoverable(t.Cells, t.Lines), iter: 3000);

    [Fact]
    public void NoHiddenFigure_CanBeWorkedOutByRepeatedSubtraction_InARanking() =>
        RankingTables.Sample(t => NothingRecoverable(t.Cells, t.Lines), iter: 3000);

    /// <summary>
    /// The attack a reader could make with the published table: for any line with exactly one unknown, subtract the
    /// known figures to find it, and repeat with what was found until nothing more can be found. Independent of
    /// <see cref="Suppression.IsDetermined"/>, which is also asked for every hidden cell.
    /// </summary>
    private static void NothingRecoverable(DisclosureCell[] cells, IReadOnlyList<AdditiveLine> lines)
    {
        var hidden = Suppression.Apply(cells, lines, Rule);
        var known = hidden.Select(h => !h).ToArray();
        bool progress;
        do
        {
            progress = false;
            foreach (var line in lines)
            {
                var members = line.Parts.Append(line.Total).ToList();
                var unknown = members.Where(m => !known[m]).ToList();
                if (unknown.Count != 1) continue;
                known[unknown[0]] = true;
                progress = true;
            }
        } while (progress);

        for (var i = 0; i < cells.Length; i++)
        {
            if (!hidden[i]) continue;
            known[i].ShouldBeFalse($"hidden cell {i} ({cells[i]}) can be worked out from the table");
            Suppression.IsDetermined(i, hidden, lines).ShouldBeFalse($"hidden cell {i} ({cells[i]}) is fixed by the table's totals");
        }
    }

    [Fact]
    public void ATableWithNoSmallNumbers_HidesNothing()
    {
        var cells = new[] { new DisclosureCell(50, 100), new DisclosureCell(20, 40), new DisclosureCell(30, 60) };
        Suppression.Apply(cells, [new AdditiveLine(0, [1, 2])], Rule).ShouldAllBe(h => !h);
    }

    [Fact]
    public void OneSmallGroup_HidesItsComplementToo()
    {
        // All 100 (50), FSM 4 (2) is small, non-FSM 96 (48) would give it away.
        var cells = new[] { new DisclosureCell(50, 100), new DisclosureCell(2, 4), new DisclosureCell(48, 96) };
        Suppression.Apply(cells, [new AdditiveLine(0, [1, 2])], Rule).ShouldBe([false, true, true]);
    }
}
