using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SchoolSight.Domain.Indicators.Computation;

/// <summary>
/// A school's tallies as the area sums read them: only the group tallies not all zeros and the histogram bins not zero,
/// indicator by indicator, so summing a school reads a few KB rather than every one of its 14 KB of tallies (most of
/// them empty: a primary school has no KS4 figures). Made from tallies nothing writes to after (as stored or as read
/// back). An area's figures start at +0 and a sum that starts at +0 is never −0, so adding zero changes none of them:
/// adding the packed tallies gives every figure the same additions, in the same order, as adding the whole tallies.
/// </summary>
public sealed class PackedTallies
{
    private readonly int[] slotStarts;
    private readonly int[] positions;
    private readonly Tally[] values;
    private readonly int[] binStarts;
    private readonly int[] bins;
    private readonly int[] counts;

    private PackedTallies(int[] slotStarts, int[] positions, Tally[] values, int[] binStarts, int[] bins, int[] counts) =>
        (this.slotStarts, this.positions, this.values, this.binStarts, this.bins, this.counts) = (slotStarts, positions, values, binStarts, bins, counts);

    /// <summary>How many group tallies are kept (those not all zeros).</summary>
    public int TallyCount => values.Length;

    /// <summary>Whether the indicator in <paramref name="slot"/> keeps any tally or histogram bin.</summary>
    public bool HasFigures(int slot) => slotStarts[slot + 1] > slotStarts[slot] || binStarts[slot + 1] > binStarts[slot];

    /// <summary>Packs <paramref name="tallies"/>: their group tallies with any number not zero, and their histogram bins not zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static PackedTallies Of(IndicatorTallies tallies)
    {
        var slotCount = tallies.Slots.Count;
        var all = tallies.Values;
        var kept = 0;
        var keptBins = 0;
        for (var i = 0; i < all.Length; i++)
            if (!IsZero(all[i])) kept++;
        foreach (var histogram in tallies.Histograms)
            if (histogram is not null)
                foreach (var bin in histogram)
                    if (bin != 0) keptBins++;

        var slotStarts = new int[slotCount + 1];
        var positions = new int[kept];
        var values = new Tally[kept];
        var binStarts = new int[slotCount + 1];
        var bins = new int[keptBins];
        var counts = new int[keptBins];
        var (k, b) = (0, 0);
        for (var slot = 0; slot < slotCount; slot++)
        {
            slotStarts[slot] = k;
            for (int i = slot * IndicatorTallies.GroupCount, end = i + IndicatorTallies.GroupCount; i < end; i++)
            {
                if (IsZero(all[i])) continue;
                positions[k] = i;
                values[k++] = all[i];
            }
            binStarts[slot] = b;
            if (tallies.Histograms[slot] is not { } histogram) continue;
            for (var i = 0; i < histogram.Length; i++)
            {
                if (histogram[i] == 0) continue;
                bins[b] = i;
                counts[b++] = histogram[i];
            }
        }
        slotStarts[slotCount] = k;
        binStarts[slotCount] = b;
        return new PackedTallies(slotStarts, positions, values, binStarts, bins, counts);
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

    /// <summary>All four numbers zero (+0 or −0): adding such a tally to a sum that is never −0 leaves it as it is.</summary>
    private static bool IsZero(in Tally t) => t.N == 0 && t.D == 0 && t.Q == 0 && t.C == 0;
}
