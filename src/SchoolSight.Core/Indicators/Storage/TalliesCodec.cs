using System.Text;
using SchoolSight.Domain.Indicators;
using SchoolSight.Domain.Indicators.Computation;

namespace SchoolSight.Core.Indicators.Storage;

/// <summary>
/// Encodes <see cref="IndicatorTallies"/> as the bytes of an <see cref="IndicatorResultSet"/>: "SST1", the intake
/// profile, then for each indicator with any figure its id, a bitmask of the pupil groups with figures, those groups'
/// tallies (four doubles each) and, for a lowest-20% gap, the non-empty histogram bins. Indicators are named, not
/// numbered, so a changed catalogue never reads another indicator's figures.
/// </summary>
public static class TalliesCodec
{
    private static readonly byte[] Magic = "SST1"u8.ToArray();

    public static byte[] Encode(IndicatorTallies tallies)
    {
        using var stream = new MemoryStream(4096);
        using var w = new BinaryWriter(stream, Encoding.UTF8);
        w.Write(Magic);
        var intake = tallies.Intake;
        foreach (var x in new[] { intake.Pupils, intake.Fsm, intake.Sen, intake.Eal, intake.PriorSum, intake.PriorCount }) w.Write(x);
        var used = Enumerable.Range(0, tallies.Slots.Count)
            .Where(s => Enumerable.Range(0, IndicatorTallies.GroupCount).Any(g => !tallies[s, (PupilGroup)g].IsEmpty)).ToList();
        w.Write(used.Count);
        foreach (var slot in used)
        {
            w.Write(tallies.Slots[slot].Id);
            var mask = 0;
            for (var g = 0; g < IndicatorTallies.GroupCount; g++)
                if (!tallies[slot, (PupilGroup)g].IsEmpty) mask |= 1 << g;
            w.Write(mask);
            for (var g = 0; g < IndicatorTallies.GroupCount; g++)
            {
                if ((mask & (1 << g)) == 0) continue;
                var t = tallies[slot, (PupilGroup)g];
                w.Write(t.N); w.Write(t.D); w.Write(t.Q); w.Write(t.C);
            }
            var histogram = tallies.Histograms[slot];
            var bins = histogram is null ? [] : Enumerable.Range(0, histogram.Length).Where(i => histogram[i] != 0).ToList();
            w.Write(bins.Count);
            foreach (var i in bins) { w.Write((short)i); w.Write(histogram![i]); }
        }
        w.Flush();
        return stream.ToArray();
    }

    /// <summary>
    /// Leaves <paramref name="tallies"/> as <see cref="Decode"/> would read back what <see cref="Encode"/> wrote of them
    /// (an empty group's tally cleared, and the histogram of an indicator with no figure), so figures summed from tallies
    /// kept in memory are those summed from the stored results. Returns the same tallies.
    /// </summary>
    public static IndicatorTallies AsStored(IndicatorTallies tallies)
    {
        for (var slot = 0; slot < tallies.Slots.Count; slot++)
        {
            var used = false;
            for (var g = 0; g < IndicatorTallies.GroupCount; g++)
            {
                ref var t = ref tallies[slot, (PupilGroup)g];
                if (t.IsEmpty) t = default;
                else used = true;
            }
            if (!used && tallies.Histograms[slot] is { } histogram) Array.Clear(histogram);
        }
        return tallies;
    }

    /// <summary>Reads figures into tallies shaped by the current catalogue; indicators no longer in it are skipped.</summary>
    public static IndicatorTallies Decode(byte[] data, IReadOnlyList<IndicatorDefinition> slots)
    {
        var tallies = new IndicatorTallies(slots);
        using var r = new BinaryReader(new MemoryStream(data, writable: false), Encoding.UTF8);
        if (!r.ReadBytes(4).AsSpan().SequenceEqual(Magic)) throw new InvalidDataException("Not a SchoolSight result set.");
        tallies.Intake = new IntakeProfile(r.ReadDouble(), r.ReadDouble(), r.ReadDouble(), r.ReadDouble(), r.ReadDouble(), r.ReadDouble());
        var count = r.ReadInt32();
        for (var k = 0; k < count; k++)
        {
            var slot = tallies.SlotOf(r.ReadString());
            var mask = r.ReadInt32();
            for (var g = 0; g < IndicatorTallies.GroupCount; g++)
            {
                if ((mask & (1 << g)) == 0) continue;
                var t = new Tally(r.ReadDouble(), r.ReadDouble(), r.ReadDouble(), r.ReadDouble());
                if (slot >= 0) tallies[slot, (PupilGroup)g] = t;
            }
            var bins = r.ReadInt32();
            for (var b = 0; b < bins; b++)
            {
                var i = r.ReadInt16();
                var c = r.ReadInt32();
                if (slot >= 0 && tallies.Histograms[slot] is { } h && i < h.Length) h[i] = c;
            }
        }
        return tallies;
    }
}
