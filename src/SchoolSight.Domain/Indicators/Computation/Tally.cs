using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SchoolSight.Domain.Indicators.Computation;

/// <summary>
/// What is counted for one indicator and one pupil group: the numerator <see cref="N"/> and denominator <see cref="D"/>
/// (pupils, sessions, respondents or schools), the sum of squares <see cref="Q"/> for averages (NaN when unknown, as for
/// published figures) and the number of pupils <see cref="C"/> behind it. Tallies add up, so areas are sums of schools.
/// </summary>
public record struct Tally(double N, double D, double Q, double C)
{
    public readonly bool IsEmpty => D <= 0;

    public static Tally operator +(Tally a, Tally b) => new(a.N + b.N, a.D + b.D, a.Q + b.Q, a.C + b.C);
}

/// <summary>
/// The tallies of every stored indicator (<see cref="IndicatorCatalogue.Counted"/> plus the school-share ones) for every
/// pupil group, for one school or area and one year, and the histograms the lowest-20% gap needs.
/// </summary>
public sealed class IndicatorTallies
{
    public const int HistogramBins = 64;
    public static readonly int GroupCount = PupilGroups.All.Count;

    public IndicatorTallies(IReadOnlyList<IndicatorDefinition> slots)
    {
        Slots = slots;
        Values = new Tally[slots.Count * GroupCount];
        Histograms = new int[]?[slots.Count];
        for (var s = 0; s < slots.Count; s++)
            if (slots[s].Kind == IndicatorKind.Lowest20Gap) Histograms[s] = new int[GroupCount * HistogramBins];
    }

    public IReadOnlyList<IndicatorDefinition> Slots { get; }
    public Tally[] Values { get; }
    public int[]?[] Histograms { get; }

    /// <summary>Pupils on roll in the year and the intake measures similar schools are matched on.</summary>
    public IntakeProfile Intake { get; set; } = IntakeProfile.Unknown;

    public ref Tally this[int slot, PupilGroup group] => ref Values[slot * GroupCount + (int)group];

    public int SlotOf(string indicatorId)
    {
        for (var s = 0; s < Slots.Count; s++)
            if (string.Equals(Slots[s].Id, indicatorId, StringComparison.OrdinalIgnoreCase)) return s;
        return -1;
    }

    public bool IsEmpty => Values.All(t => t.IsEmpty);

    /// <summary>Adds another school's or area's tallies; with <paramref name="slots"/>, only the slots marked true (the
    /// indicators whose area figures count that school), the intake always.</summary>
    public void Add(IndicatorTallies other, IReadOnlyList<bool>? slots = null)
    {
        AddSlots(other, slots, 0, Slots.Count);
        Intake = Intake.Add(other.Intake);
    }

    /// <summary>
    /// Adds the tallies and histograms of slots <paramref name="from"/> up to <paramref name="to"/> of another school's or
    /// area's (with <paramref name="slots"/>, only those marked true), not the intake. Each run of consecutive slots is
    /// added as one run of numbers (<see cref="VectorSum"/>); each figure gets the same additions in the same order as
    /// slot by slot. Threads may add different slot ranges into the same tallies at once.
    /// </summary>
    public void AddSlots(IndicatorTallies other, IReadOnlyList<bool>? slots, int from, int to) => AddRuns(other, Runs(slots, Slots.Count), from, to);

    /// <summary>
    /// The runs of consecutive slots to add, as pairs of first and past-last slot: those marked true in
    /// <paramref name="slots"/> (all when null).
    /// </summary>
    public static int[] Runs(IReadOnlyList<bool>? slots, int count)
    {
        Span<int> runs = count <= 128 ? stackalloc int[count + 1] : new int[count + 1];
        var n = 0;
        for (var start = 0; start < count;)
        {
            if (!Adds(start)) { start++; continue; }
            var end = start + 1;
            while (end < count && Adds(end)) end++;
            runs[n++] = start;
            runs[n++] = end;
            start = end;
        }
        return runs[..n].ToArray();

        bool Adds(int slot) => slots is null || slots[slot];
    }

    /// <summary>
    /// Adds the tallies and histograms of the <paramref name="runs"/> of slots (<see cref="Runs"/>) of another school's or
    /// area's that fall in slots <paramref name="from"/> up to <paramref name="to"/>, not the intake; each run as one run of
    /// numbers (<see cref="VectorSum"/>), so each figure gets the same additions in the same order as slot by slot.
    /// Threads may add different slot ranges into the same tallies at once.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AddRuns(IndicatorTallies other, ReadOnlySpan<int> runs, int from, int to)
    {
        var mine = MemoryMarshal.Cast<Tally, double>(Values.AsSpan());
        var theirs = MemoryMarshal.Cast<Tally, double>(other.Values.AsSpan());
        var width = GroupCount * 4;
        for (var r = 0; r < runs.Length; r += 2)
        {
            var start = Math.Max(runs[r], from);
            var end = Math.Min(runs[r + 1], to);
            if (start >= end) continue;
            VectorSum.AddInto(mine[(start * width)..(end * width)], theirs[(start * width)..(end * width)]);
            for (var s = start; s < end; s++)
                if (Histograms[s] is { } h && other.Histograms[s] is { } oh) VectorSum.AddInto<int>(h, oh);
        }
    }
}

/// <summary>
/// A school's intake in a year: pupils, the counts by characteristic and the sum of prior attainment, as additive counts
/// (so an area's profile is the sum of its schools'). Shares and the mean are derived.
/// </summary>
public readonly record struct IntakeProfile(double Pupils, double Fsm, double Sen, double Eal, double PriorSum, double PriorCount)
{
    public static readonly IntakeProfile Unknown = new(0, 0, 0, 0, 0, 0);

    public double? FsmShare => Pupils > 0 ? Fsm / Pupils : null;
    public double? SenShare => Pupils > 0 ? Sen / Pupils : null;
    public double? EalShare => Pupils > 0 ? Eal / Pupils : null;
    public double? PriorAttainment => PriorCount > 0 ? PriorSum / PriorCount : null;

    public IntakeProfile Add(IntakeProfile o) => new(Pupils + o.Pupils, Fsm + o.Fsm, Sen + o.Sen, Eal + o.Eal, PriorSum + o.PriorSum, PriorCount + o.PriorCount);
}
