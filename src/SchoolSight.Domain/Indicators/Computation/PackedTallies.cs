using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SchoolSight.Domain.Indicators.Computation;

/// <summary>
/// A school's tallies as the area sums read them: its intake, and only the group tallies that are not empty and, for
/// the indicators with any, the histogram bins not zero, indicator by indicator, so summing a school reads a few KB
/// rather than every one of its 14 KB of tallies (most of them empty: a primary school has no KS4 figures). These are
/// exactly what <c>TalliesCodec</c> stores and reads back (it writes no empty tally and no histogram of an indicator
/// without a figure), so tallies just counted and tallies read back pack the same. The numbers left out are zeros in
/// the stored result; an area's figures start at +0 and a sum that starts at +0 is never −0, so adding zero changes none
/// of them: adding the packed tallies gives every figure the same additions, in the same order, as adding the stored
/// tallies whole.
/// </summary>
public sealed class PackedTallies
{
    private readonly int[] slotStarts;
    private readonly int[] positions;
    private readonly Tally[] values;
    private readonly int[] binStarts;
    private readonly int[] bins;
    private readonly int[] counts;

    private PackedTallies(IntakeProfile intake, int[] slotStarts, int[] positions, Tally[] values, int[] binStarts, int[] bins, int[] counts) =>
        (Intake, this.slotStarts, this.positions, this.values, this.binStarts, this.bins, this.counts) = (intake, slotStarts, positions, values, binStarts, bins, counts);

    public IntakeProfile Intake { get; }

    /// <summary>How many group tallies are kept (those not empty).</summary>
    public int TallyCount => values.Length;

    /// <summary>Whether the indicator in <paramref name="slot"/> keeps any tally.</summary>
    public bool HasFigures(int slot) => slotStarts[slot + 1] > slotStarts[slot];

    /// <summary>Packs <paramref name="tallies"/> (just counted, or read back): their tallies not empty and, for the indicators
    /// with any, their histogram bins not zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static PackedTallies Of(IndicatorTallies tallies)
    {
        var slotCount = tallies.Slots.Count;
        var all = tallies.Values;
        var groups = IndicatorTallies.GroupCount;
        var slotStarts = new int[slotCount + 1];
        var binStarts = new int[slotCount + 1];
        var (kept, keptBins) = (0, 0);
        for (var slot = 0; slot < slotCount; slot++)
        {
            var before = kept;
            for (int i = slot * groups, end = i + groups; i < end; i++)
                if (!all[i].IsEmpty) kept++;
            if (kept > before && tallies.Histograms[slot] is { } histogram)
                foreach (var bin in histogram)
                    if (bin != 0) keptBins++;
            slotStarts[slot + 1] = kept;
            binStarts[slot + 1] = keptBins;
        }

        var positions = new int[kept];
        var values = new Tally[kept];
        var bins = new int[keptBins];
        var counts = new int[keptBins];
        for (var slot = 0; slot < slotCount; slot++)
        {
            var k = slotStarts[slot];
            if (k == slotStarts[slot + 1]) continue;
            for (int i = slot * groups, end = i + groups; i < end; i++)
            {
                if (all[i].IsEmpty) continue;
                positions[k] = i;
                values[k++] = all[i];
            }
            var b = binStarts[slot];
            if (b == binStarts[slot + 1]) continue;
            var histogram = tallies.Histograms[slot]!;
            for (var i = 0; i < histogram.Length; i++)
            {
                if (histogram[i] == 0) continue;
                bins[b] = i;
                counts[b++] = histogram[i];
            }
        }
        return new PackedTallies(tallies.Intake, slotStarts, positions, values, binStarts, bins, counts);
    }

    /// <summary>
    /// Adds the kept tallies and histogram bins of the <paramref name="runs"/> of slots (<see cref="IndicatorTallies.Runs"/>)
    /// that fall in slots <paramref name="from"/> up to <paramref name="to"/> into <paramref name="area"/>, not the intake.
    /// Each number gets one addition, as adding the whole tallies would give it. Threads may add different slot ranges
    /// into the same area at once.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AddInto(IndicatorTallies area, ReadOnlySpan<int> runs, int from, int to)
    {
        ref var into = ref MemoryMarshal.GetArrayDataReference(area.Values);
        for (var r = 0; r < runs.Length; r += 2)
        {
            var start = Math.Max(runs[r], from);
            var end = Math.Min(runs[r + 1], to);
            if (start >= end) continue;
            for (int e = slotStarts[start], last = slotStarts[end]; e < last; e++)
            {
                ref var tally = ref Unsafe.Add(ref into, positions[e]);
                if (Vector256.IsHardwareAccelerated)
                {
                    // The four numbers of a tally side by side: each gets its own single addition, as below.
                    ref var mine = ref Unsafe.As<Tally, double>(ref tally);
                    (Vector256.LoadUnsafe(ref mine) + Vector256.LoadUnsafe(ref Unsafe.As<Tally, double>(ref values[e]))).StoreUnsafe(ref mine);
                }
                else tally += values[e];
            }
            for (var s = start; s < end; s++)
            {
                if (area.Histograms[s] is not { } histogram) continue;
                for (int i = binStarts[s], last = binStarts[s + 1]; i < last; i++) histogram[bins[i]] += counts[i];
            }
        }
    }
}
