using System.Text;
using CsCheck;
using SchoolSight.Core.Indicators;
using SchoolSight.Core.Indicators.Storage;
using SchoolSight.Domain.Indicators;
using SchoolSight.Domain.Indicators.Computation;

namespace SchoolSight.Core.Tests.Indicators;

/// <summary>
/// The area sums add whole runs of tallies at once, or only a school's tallies not all zeros (packed), and the school
/// results are encoded straight into one array: on random tallies of the shipped catalogue (empty groups and indicators,
/// unknown sums of squares, histograms), both give exactly what adding slot by slot and writing value by value give, so
/// no figure changes.
/// </summary>
public sealed class TallySumsAndCodecTests
{
    private static readonly IReadOnlyList<IndicatorDefinition> Slots = IndicatorCatalogueSource.Default.Computer.Slots;

    private static readonly Gen<IndicatorTallies> RandomTallies = Gen.Int.Select(seed =>
    {
        var random = new Random(seed);
        var tallies = new IndicatorTallies(Slots);
        for (var i = 0; i < tallies.Values.Length; i++)
        {
            var kind = random.Next(6);
            if (kind == 0) continue; // an empty group
            var d = kind == 1 ? -random.Next(3) : random.Next(1, 400) + (kind == 2 ? random.NextDouble() : 0);
            tallies.Values[i] = new Tally(random.NextDouble() * d, d, kind == 3 ? double.NaN : random.NextDouble() * 1e4, random.Next(0, 400));
        }
        foreach (var histogram in tallies.Histograms.OfType<int[]>())
            for (var b = 0; b < histogram.Length; b++)
                if (random.Next(3) == 0) histogram[b] = random.Next(1, 50);
        tallies.Intake = new IntakeProfile(random.Next(400), random.Next(100), random.Next(50), random.Next(80), random.NextDouble() * 100, random.Next(300));
        return tallies;
    });

    private static readonly Gen<bool[]> RandomSlots = Gen.Bool.Array[Slots.Count];

    [Fact]
    public void AddingWholeRunsOfTallies_GivesTheSameSumsAsAddingSlotBySlot()
    {
        Gen.Select(RandomTallies.Array[1, 12], RandomSlots.Array[1, 12]).Sample((schools, slotSets) =>
        {
            var fast = new IndicatorTallies(Slots);
            var slow = new IndicatorTallies(Slots);
            for (var i = 0; i < schools.Length; i++)
            {
                var slots = i % 4 == 3 ? null : slotSets[i % slotSets.Length];
                fast.Add(schools[i], slots);
                AddSlotBySlot(slow, schools[i], slots);
            }
            ShouldBeTheSame(fast, slow);
        });
    }

    [Fact]
    public void AddingTalliesARangeOfIndicatorsAtATime_GivesTheSameSumsAsAddingThemWhole()
    {
        Gen.Select(RandomTallies.Array[1, 8], RandomSlots, Gen.Int[1, 12]).Sample((schools, slots, width) =>
        {
            var whole = new IndicatorTallies(Slots);
            var ranges = new IndicatorTallies(Slots);
            foreach (var school in schools) whole.Add(school, slots);
            // The ranges in reverse order, as threads may take them.
            for (var from = (Slots.Count - 1) / width * width; from >= 0; from -= width)
                foreach (var school in schools) ranges.AddSlots(school, slots, from, Math.Min(from + width, Slots.Count));
            ranges.Intake = whole.Intake;
            ShouldBeTheSame(ranges, whole);
        });
    }

    [Fact]
    public void AddingThePackedTallies_GivesTheSameSumsAsAddingTheStoredTalliesSlotBySlot()
    {
        // Schools with whole indicators empty (as a primary school has no KS4 figures) and some numbers −0; each packed
        // as just counted or as read back, against its tallies as stored and read back, added slot by slot.
        var randomSchools = Gen.Select(RandomTallies, RandomSlots, Gen.Bool, Gen.Int).Select((tallies, empty, readBack, seed) =>
        {
            var random = new Random(seed);
            for (var slot = 0; slot < Slots.Count; slot++)
                for (var g = 0; g < IndicatorTallies.GroupCount; g++)
                {
                    ref var t = ref tallies[slot, (PupilGroup)g];
                    if (empty[slot] && !t.IsEmpty) t = default;
                    else if (random.Next(8) == 0) t = t with { N = -0.0 };
                    else if (random.Next(8) == 0) t = t with { Q = -0.0, C = 0.0 };
                }
            var stored = TalliesCodec.Decode(TalliesCodec.Encode(tallies), Slots);
            return (Packed: PackedTallies.Of(readBack ? stored : tallies), Stored: stored);
        });
        Gen.Select(randomSchools.Array[1, 12], RandomSlots.Array[1, 12], Gen.Int[1, 12]).Sample((schools, slotSets, width) =>
        {
            var packed = new IndicatorTallies(Slots);
            var every = new IndicatorTallies(Slots);
            var runs = schools.Select((_, i) => IndicatorTallies.Runs(slotSets[i % slotSets.Length], Slots.Count)).ToList();
            // The ranges in reverse order, as threads may take them.
            for (var from = (Slots.Count - 1) / width * width; from >= 0; from -= width)
                for (var i = 0; i < schools.Length; i++) schools[i].Packed.AddInto(packed, runs[i], from, Math.Min(from + width, Slots.Count));
            for (var i = 0; i < schools.Length; i++) AddSlotBySlot(every, schools[i].Stored, slotSets[i % slotSets.Length]);
            packed.Intake = every.Intake;
            ShouldBeTheSame(packed, every);
            schools.Select(s => s.Packed.Intake).ShouldBe(schools.Select(s => s.Stored.Intake));
        });
    }

    [Fact]
    public void PackedTallies_KeepOnlyTheTalliesNotEmpty()
    {
        var tallies = new IndicatorTallies(Slots);
        tallies[0, PupilGroup.All] = new Tally(3, 4, 5, 4);
        tallies[1, PupilGroup.All] = new Tally(-0.0, 2, 0, 2);
        tallies[1, PupilGroup.Fsm] = new Tally(1, 0, 0, 0);
        tallies[2, PupilGroup.All] = new Tally(1, -1, 0, 0);
        var packed = PackedTallies.Of(tallies);
        packed.TallyCount.ShouldBe(2);
        packed.HasFigures(0).ShouldBeTrue();
        packed.HasFigures(1).ShouldBeTrue();
        packed.HasFigures(2).ShouldBeFalse();
    }

    [Fact]
    public void EncodingTallies_WritesTheSameBytesAsWritingThemValueByValue()
    {
        RandomTallies.Sample(tallies =>
        {
            var encoded = TalliesCodec.Encode(tallies);
            encoded.ShouldBe(EncodeValueByValue(tallies));
        });
    }

    [Fact]
    public void EncodingEmptyTallies_WritesTheSameBytesAsWritingThemValueByValue() =>
        TalliesCodec.Encode(new IndicatorTallies(Slots)).ShouldBe(EncodeValueByValue(new IndicatorTallies(Slots)));

    private static void ShouldBeTheSame(IndicatorTallies actual, IndicatorTallies expected)
    {
        for (var i = 0; i < expected.Values.Length; i++)
        {
            var (a, e) = (actual.Values[i], expected.Values[i]);
            new[] { a.N, a.D, a.Q, a.C }.Select(BitConverter.DoubleToInt64Bits).ShouldBe(new[] { e.N, e.D, e.Q, e.C }.Select(BitConverter.DoubleToInt64Bits), $"tally {i}");
        }
        for (var s = 0; s < expected.Histograms.Length; s++) actual.Histograms[s].ShouldBe(expected.Histograms[s]);
        actual.Intake.ShouldBe(expected.Intake);
    }

    /// <summary>Adding as the area sums did: slot by slot, group by group.</summary>
    private static void AddSlotBySlot(IndicatorTallies into, IndicatorTallies other, IReadOnlyList<bool>? slots)
    {
        for (var i = 0; i < into.Values.Length; i++)
            if (slots is null || slots[i / IndicatorTallies.GroupCount]) into.Values[i] += other.Values[i];
        for (var s = 0; s < into.Histograms.Length; s++)
        {
            if (slots is not null && !slots[s]) continue;
            if (into.Histograms[s] is not { } mine || other.Histograms[s] is not { } theirs) continue;
            for (var i = 0; i < mine.Length; i++) mine[i] += theirs[i];
        }
        into.Intake = into.Intake.Add(other.Intake);
    }

    /// <summary>Encoding as the results were first written: value by value through a <see cref="BinaryWriter"/>.</summary>
    private static byte[] EncodeValueByValue(IndicatorTallies tallies)
    {
        using var stream = new MemoryStream();
        using var w = new BinaryWriter(stream, Encoding.UTF8);
        w.Write("SST1"u8.ToArray());
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
}
